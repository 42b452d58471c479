using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Registry.Verification.Packages;

/// <summary>npm: the version document's top-level <c>mcpName</c> must equal the server name.</summary>
public sealed class NpmPackageVerifier(PackageHttpClient http, IOptions<PackageOptions> options) : IPackageVerifier
{
    public string RegistryType => PackageRegistryTypes.Npm;

    public async Task VerifyAsync(PackageReference package, string serverName, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.NpmBaseUrl;
        PackageFieldRules.RequireBaseUrl(package, baseUrl);
        var version = PackageFieldRules.RequireVersion(package);
        PackageFieldRules.ForbidFileSha256(package);

        var packageUrl = $"{baseUrl.TrimEnd('/')}/{EscapeName(package.Identifier)}";
        var response = await http.GetAsync($"{packageUrl}/{Uri.EscapeDataString(version)}", "npm version document", cancellationToken);
        if (response.IsNotFound)
        {
            var packument = await http.GetAsync(packageUrl, "npm package document", cancellationToken);
            throw new PackageVerificationException(packument.IsNotFound
                ? $"npm package '{package.Identifier}' not found"
                : $"npm package '{package.Identifier}' has no version '{version}' (version not found)");
        }

        var document = response.EnsureOk().Json();
        var mcpName = document.ValueKind == JsonValueKind.Object && document.TryGetProperty("mcpName", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (mcpName is null)
        {
            throw new PackageVerificationException($"npm package '{package.Identifier}@{version}' has no mcpName in package.json");
        }

        if (!string.Equals(mcpName, serverName, StringComparison.Ordinal))
        {
            throw new PackageVerificationException($"npm package '{package.Identifier}@{version}' declares mcpName '{mcpName}', not '{serverName}'");
        }
    }

    /// <summary>A scoped name keeps its '@' and escapes its '/', as the npm registry expects: @scope%2Fname.</summary>
    public static string EscapeName(string identifier) =>
        Uri.EscapeDataString(identifier).Replace("%40", "@", StringComparison.Ordinal);
}
