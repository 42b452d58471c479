namespace Registry.Bench.Load;

/// <summary>GETs that must succeed: a non-2xx answer fails the bench with its status and body.</summary>
public static class OkResponses
{
    public static async Task<byte[]> GetBytesAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }
}
