using Microsoft.Extensions.Options;

namespace Registry.Verification.Packages;

/// <summary>Cargo: the crate version's README must show the line "mcp-name: &lt;server name&gt;" outside HTML comments.</summary>
public sealed class CargoPackageVerifier(PackageHttpClient http, IOptions<PackageOptions> options) : IPackageVerifier
{
    public string RegistryType => PackageRegistryTypes.Cargo;

    public async Task VerifyAsync(PackageReference package, string serverName, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.CratesBaseUrl;
        PackageFieldRules.RequireBaseUrl(package, baseUrl);
        var version = PackageFieldRules.RequireVersion(package);
        PackageFieldRules.ForbidFileSha256(package);

        var versionUrl = $"{baseUrl.TrimEnd('/')}/api/v1/crates/{Uri.EscapeDataString(package.Identifier)}/{Uri.EscapeDataString(version)}";
        var crateVersion = await http.GetAsync(versionUrl, "crate version document", cancellationToken);
        if (crateVersion.IsNotFound)
        {
            throw new PackageVerificationException($"crate '{package.Identifier}' version '{version}' not found");
        }

        crateVersion.EnsureOk();
        var readme = await http.GetAsync($"{versionUrl}/readme", "crate README", cancellationToken);
        if (readme.IsNotFound)
        {
            throw new PackageVerificationException($"crate '{package.Identifier}' {version} has no README");
        }

        McpNameMarker.RequireVisibleLineIn(readme.EnsureOk().Body, serverName, $"crate '{package.Identifier}' {version} README");
    }
}
