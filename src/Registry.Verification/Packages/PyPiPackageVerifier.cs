using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Registry.Verification.Packages;

/// <summary>PyPI: the release's description (its README) must contain "mcp-name: &lt;server name&gt;".</summary>
public sealed class PyPiPackageVerifier(PackageHttpClient http, IOptions<PackageOptions> options) : IPackageVerifier
{
    public string RegistryType => PackageRegistryTypes.PyPi;

    public async Task VerifyAsync(PackageReference package, string serverName, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.PyPiBaseUrl;
        PackageFieldRules.RequireBaseUrl(package, baseUrl);
        var version = PackageFieldRules.RequireVersion(package);
        PackageFieldRules.ForbidFileSha256(package);

        var projectUrl = $"{baseUrl.TrimEnd('/')}/pypi/{Uri.EscapeDataString(package.Identifier)}";
        var response = await http.GetAsync($"{projectUrl}/{Uri.EscapeDataString(version)}/json", "PyPI release document", cancellationToken);
        if (response.IsNotFound)
        {
            var project = await http.GetAsync($"{projectUrl}/json", "PyPI project document", cancellationToken);
            throw new PackageVerificationException(project.IsNotFound
                ? $"PyPI package '{package.Identifier}' not found"
                : $"PyPI package '{package.Identifier}' has no version '{version}' (version not found)");
        }

        var document = response.EnsureOk().Json();
        var description = document.ValueKind == JsonValueKind.Object
            && document.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("description", out var text) && text.ValueKind == JsonValueKind.String
                ? text.GetString()
                : null;
        McpNameMarker.RequireIn(description, serverName, $"PyPI package '{package.Identifier}' {version} README");
    }
}
