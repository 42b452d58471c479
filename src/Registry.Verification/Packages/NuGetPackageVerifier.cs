using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Registry.Verification.Packages;

/// <summary>NuGet: the package's embedded README must contain "mcp-name: &lt;server name&gt;".</summary>
public sealed class NuGetPackageVerifier(PackageHttpClient http, NuGetServiceIndex serviceIndex, IOptions<PackageOptions> options) : IPackageVerifier
{
    public string RegistryType => PackageRegistryTypes.NuGet;

    public async Task VerifyAsync(PackageReference package, string serverName, CancellationToken cancellationToken)
    {
        PackageFieldRules.RequireBaseUrl(package, options.Value.NuGetServiceIndexUrl);
        var version = PackageFieldRules.RequireVersion(package);
        PackageFieldRules.ForbidFileSha256(package);

        var resources = await serviceIndex.GetAsync(cancellationToken);
        var lowerId = package.Identifier.ToLowerInvariant();
        var lowerVersion = LowerVersion(version);
        var readmeUrl = resources.ReadmeUriTemplate
            .Replace("{lower_id}", Uri.EscapeDataString(lowerId), StringComparison.Ordinal)
            .Replace("{lower_version}", Uri.EscapeDataString(lowerVersion), StringComparison.Ordinal);
        var readme = await http.GetAsync(readmeUrl, "NuGet README", cancellationToken);
        if (readme.IsNotFound)
        {
            throw new PackageVerificationException(await ExplainMissingReadmeAsync(resources, package.Identifier, lowerId, lowerVersion, cancellationToken));
        }

        McpNameMarker.RequireIn(readme.EnsureOk().Body, serverName, $"NuGet package '{package.Identifier}' {version} README");
    }

    /// <summary>Lowercased, without "+build" metadata, as the flat container names versions.</summary>
    public static string LowerVersion(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return (plus < 0 ? version : version[..plus]).ToLowerInvariant();
    }

    private async Task<string> ExplainMissingReadmeAsync(NuGetResources resources, string id, string lowerId, string lowerVersion, CancellationToken cancellationToken)
    {
        if (resources.PackageBaseAddress is null)
        {
            return $"NuGet package '{id}' {lowerVersion} has no README (package or version not found, or no embedded README)";
        }

        var versions = await http.GetAsync($"{resources.PackageBaseAddress.TrimEnd('/')}/{Uri.EscapeDataString(lowerId)}/index.json", "NuGet version list", cancellationToken);
        if (versions.IsNotFound)
        {
            return $"NuGet package '{id}' not found";
        }

        var list = versions.EnsureOk().Json();
        var known = list.ValueKind == JsonValueKind.Object && list.TryGetProperty("versions", out var array) && array.ValueKind == JsonValueKind.Array
            && array.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && string.Equals(v.GetString(), lowerVersion, StringComparison.OrdinalIgnoreCase));
        return known
            ? $"NuGet package '{id}' {lowerVersion} has no embedded README"
            : $"NuGet package '{id}' has no version '{lowerVersion}' (version not found)";
    }
}
