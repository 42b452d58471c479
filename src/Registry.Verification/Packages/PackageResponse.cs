using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Registry.Verification.Packages;

/// <summary>A fully read, size-capped answer from a package registry.</summary>
public sealed record PackageResponse(HttpStatusCode Status, IReadOnlyList<AuthenticationHeaderValue> Challenges, string Body, string What)
{
    public bool IsOk => Status == HttpStatusCode.OK;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    /// <summary>Throws unless the answer was 200.</summary>
    public PackageResponse EnsureOk() =>
        IsOk ? this : throw new PackageVerificationException($"{What} answered {(int)Status}");

    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new PackageVerificationException($"{What} is not valid JSON");
        }
    }
}
