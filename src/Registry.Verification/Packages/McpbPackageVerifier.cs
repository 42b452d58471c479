using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Registry.Verification.Packages;

/// <summary>
/// MCPB: a release file URL on an allowed host that mentions "mcp" and answers HEAD with 200. Neither the hash nor
/// the name is proven, as upstream.
/// </summary>
public sealed partial class McpbPackageVerifier(PackageHttpClient http, IOptions<PackageOptions> options) : IPackageVerifier
{
    public string RegistryType => PackageRegistryTypes.Mcpb;

    public async Task VerifyAsync(PackageReference package, string serverName, CancellationToken cancellationToken)
    {
        PackageFieldRules.RequireFileSha256(package);
        PackageFieldRules.ForbidBaseUrl(package);
        var url = RequireAllowedUrl(package.Identifier, options.Value);

        var response = await http.SendAsync(HttpMethod.Head, url.AbsoluteUri, "MCPB release file", configure: null, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound)
        {
            throw new PackageVerificationException($"MCPB release file '{package.Identifier}' not found");
        }

        response.EnsureOk();
    }

    public static Uri RequireAllowedUrl(string identifier, PackageOptions settings)
    {
        if (!Uri.TryCreate(identifier, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (settings.McpbAllowHttp && url.Scheme == Uri.UriSchemeHttp)))
        {
            throw new PackageVerificationException($"MCPB identifier '{identifier}' must be an https URL");
        }

        if (!settings.EffectiveMcpbAllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            throw new PackageVerificationException($"MCPB host '{url.Host}' is not allowed; allowed: {string.Join(", ", settings.EffectiveMcpbAllowedHosts)}");
        }

        if (!HasReleasePath(url))
        {
            throw new PackageVerificationException($"MCPB URL '{identifier}' is not a release download path");
        }

        if (!identifier.Contains("mcp", StringComparison.OrdinalIgnoreCase))
        {
            throw new PackageVerificationException($"MCPB URL '{identifier}' must contain 'mcp'");
        }

        return url;
    }

    // Only the two known forges have a known release path shape; other configured hosts are trusted as they are.
    private static bool HasReleasePath(Uri url) => url.Host.ToLowerInvariant() switch
    {
        "github.com" or "www.github.com" => GitHubRelease().IsMatch(url.AbsolutePath),
        "gitlab.com" or "www.gitlab.com" => GitLabRelease().IsMatch(url.AbsolutePath),
        _ => true,
    };

    [GeneratedRegex("^/[^/]+/[^/]+/releases/download/[^/]+/[^/]+$")]
    private static partial Regex GitHubRelease();

    [GeneratedRegex("^/.+/-/(releases/[^/]+/downloads/.+|package_files/[0-9]+/download)$")]
    private static partial Regex GitLabRelease();
}
