using System.Net;
using System.Text.Json;

namespace Registry.Verification.Packages;

/// <summary>
/// Anonymous reads from one repository of an OCI registry (v2 API): answers a bearer challenge once with an
/// anonymous token and reuses it; a refusal after that means the image is private (or absent).
/// </summary>
internal sealed class OciRegistrySession(PackageHttpClient http, string scheme, OciImageReference image)
{
    private const string PrivateOrMissing = "image is private or does not exist";
    private string? token;

    public async Task<PackageResponse> GetAsync(string path, string what, string? accept, CancellationToken cancellationToken)
    {
        var url = $"{scheme}://{image.Registry}/v2/{image.Repository}/{path}";
        var response = await http.GetAsync(url, what, cancellationToken, request => Prepare(request, accept));
        if (response.Status == HttpStatusCode.Unauthorized && token is null)
        {
            token = await FetchTokenAsync(response, cancellationToken);
            response = await http.GetAsync(url, what, cancellationToken, request => Prepare(request, accept));
        }

        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new PackageVerificationException($"OCI {PrivateOrMissing}: '{image.Registry}/{image.Repository}'");
        }

        return response;
    }

    private void Prepare(HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
    }

    private async Task<string> FetchTokenAsync(PackageResponse challenged, CancellationToken cancellationToken)
    {
        var challenge = OciBearerChallenge.From(challenged.Challenges)
            ?? throw new PackageVerificationException($"OCI {PrivateOrMissing}: '{image.Registry}/{image.Repository}' (no bearer challenge)");
        var response = await http.GetAsync(challenge.TokenUrl($"repository:{image.Repository}:pull"), "OCI token endpoint", cancellationToken);
        if (!response.IsOk)
        {
            throw new PackageVerificationException($"OCI {PrivateOrMissing}: '{image.Registry}/{image.Repository}'");
        }

        var json = response.Json();
        foreach (var name in (string[])["token", "access_token"])
        {
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } found)
            {
                return found;
            }
        }

        throw new PackageVerificationException("OCI token endpoint answered without a token");
    }
}
