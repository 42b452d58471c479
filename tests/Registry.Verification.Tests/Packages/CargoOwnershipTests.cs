using Registry.Testing.Fakes;
using Registry.Testing.Fakes.Packages;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

public class CargoOwnershipTests : IAsyncLifetime
{
    private FakeCratesRegistry crates = null!;
    private PackageChecks checks = null!;

    public async Task InitializeAsync()
    {
        crates = await FakeCratesRegistry.StartAsync();
        checks = new PackageChecks(o => o.CratesBaseUrl = crates.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        checks.Dispose();
        await crates.DisposeAsync();
    }

    private static PackageReference Cargo(string crate, string? version = "1.0.0", string? baseUrl = null, string? fileSha256 = null) =>
        new("cargo", baseUrl, crate, version, fileSha256);

    [Fact]
    public async Task AReadmeShowingTheServerNamePasses()
    {
        crates.AddVersion("weather-mcp", "1.0.0", $"# Weather\n\nmcp-name: {PackageChecks.ServerName}\n");

        await checks.PassesAsync(Cargo("weather-mcp"));

        Assert.Equal(
            ["/api/v1/crates/weather-mcp/1.0.0", "/api/v1/crates/weather-mcp/1.0.0/readme"],
            crates.Http.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task AReadmeRenderedAsHtmlShowingTheServerNamePasses()
    {
        crates.AddVersion("weather-mcp", "1.0.0", $"<h1>Weather</h1>\n<p>mcp-name: {PackageChecks.ServerName}</p>\n");

        await checks.PassesAsync(Cargo("weather-mcp"));
    }

    [Fact]
    public async Task TheConfiguredBaseUrlMayBeNamedExplicitly()
    {
        crates.AddVersion("weather-mcp", "1.0.0", $"mcp-name: {PackageChecks.ServerName}");

        await checks.PassesAsync(Cargo("weather-mcp", baseUrl: crates.BaseUrl));
    }

    [Fact]
    public async Task AMissingCrateIsReportedAsNotFoundWithItsVersion()
    {
        Assert.Equal("crate 'ghost' version '1.0.0' not found", await checks.RefusedAsync(Cargo("ghost")));
    }

    [Fact]
    public async Task AMissingVersionIsReportedAsNotFoundWithTheVersion()
    {
        crates.AddVersion("weather-mcp", "1.0.0", $"mcp-name: {PackageChecks.ServerName}");

        Assert.Equal("crate 'weather-mcp' version '9.9.9' not found", await checks.RefusedAsync(Cargo("weather-mcp", "9.9.9")));
    }

    [Fact]
    public async Task AVersionWithoutReadmeIsRefused()
    {
        crates.AddVersion("weather-mcp", "1.0.0", readme: null);

        Assert.Equal("crate 'weather-mcp' 1.0.0 has no README", await checks.RefusedAsync(Cargo("weather-mcp")));
    }

    [Fact]
    public async Task AReadmeWithoutTheMarkerIsRefused()
    {
        crates.AddVersion("weather-mcp", "1.0.0", "# Weather\n\nForecasts for your agent.\n");

        Assert.Contains($"does not contain 'mcp-name: {PackageChecks.ServerName}' on a visible line", await checks.RefusedAsync(Cargo("weather-mcp")));
    }

    [Fact]
    public async Task AMarkerOnlyInsideAnHtmlCommentIsRefused()
    {
        crates.AddVersion("weather-mcp", "1.0.0", $"# Weather\n\n<!-- mcp-name: {PackageChecks.ServerName} -->\n");

        Assert.Contains("inside an HTML comment it does not count", await checks.RefusedAsync(Cargo("weather-mcp")));
    }

    [Fact]
    public async Task AMarkerInsideAnUnterminatedHtmlCommentIsRefused()
    {
        crates.AddVersion("weather-mcp", "1.0.0", $"# Weather\n\n<!--\nmcp-name: {PackageChecks.ServerName}\n");

        Assert.Contains("on a visible line", await checks.RefusedAsync(Cargo("weather-mcp")));
    }

    [Fact]
    public async Task AVisibleMarkerAfterAnHtmlCommentPasses()
    {
        crates.AddVersion("weather-mcp", "1.0.0", $"<!-- badges -->\nmcp-name: {PackageChecks.ServerName}\n");

        await checks.PassesAsync(Cargo("weather-mcp"));
    }

    [Fact]
    public async Task AReadmeNamingAnotherServerIsRefused()
    {
        crates.AddVersion("weather-mcp", "1.0.0", "mcp-name: io.github.someone/else\n");

        Assert.Contains($"does not contain 'mcp-name: {PackageChecks.ServerName}'", await checks.RefusedAsync(Cargo("weather-mcp")));
    }

    [Fact]
    public async Task AReadmeNamingALongerServerNameIsRefused()
    {
        crates.AddVersion("weather-mcp", "1.0.0", $"mcp-name: {PackageChecks.ServerName}-extra\n");

        Assert.Contains("on a visible line", await checks.RefusedAsync(Cargo("weather-mcp")));
    }

    [Fact]
    public async Task AnUnexpectedAnswerIsReportedWithItsStatus()
    {
        crates.Http.MapJson("GET", "/api/v1/crates/weather-mcp/1.0.0", new { errors = new[] { new { detail = "down" } } }, status: 503);

        Assert.Equal("crate version document answered 503", await checks.RefusedAsync(Cargo("weather-mcp")));
    }

    [Fact]
    public async Task ARegistryBaseUrlOtherThanTheConfiguredOneIsRefusedBeforeAnyRequest()
    {
        Assert.Equal(
            $"registryBaseUrl 'https://mirror.example' is not valid for registry type 'cargo'; expected '{crates.BaseUrl}' or none",
            await checks.RefusedAsync(Cargo("weather-mcp", baseUrl: "https://mirror.example")));
        Assert.Empty(crates.Http.Requests);
    }

    [Fact]
    public async Task AMissingVersionFieldIsRefusedBeforeAnyRequest()
    {
        Assert.Equal("version is required for registry type 'cargo'", await checks.RefusedAsync(Cargo("weather-mcp", version: null)));
        Assert.Empty(crates.Http.Requests);
    }

    [Fact]
    public async Task AFileSha256IsRefusedBeforeAnyRequest()
    {
        var refused = await checks.RefusedAsync(Cargo("weather-mcp", fileSha256: new string('a', 64)));

        Assert.Equal("fileSha256 must not be set for registry type 'cargo'", refused);
        Assert.Empty(crates.Http.Requests);
    }
}
