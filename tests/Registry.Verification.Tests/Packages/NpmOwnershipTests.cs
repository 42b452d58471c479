using Registry.Testing.Fakes.Packages;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

public class NpmOwnershipTests : IAsyncLifetime
{
    private FakeNpmRegistry npm = null!;
    private PackageChecks checks = null!;

    public async Task InitializeAsync()
    {
        npm = await FakeNpmRegistry.StartAsync();
        checks = new PackageChecks(o => o.NpmBaseUrl = npm.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        checks.Dispose();
        await npm.DisposeAsync();
    }

    private static PackageReference Npm(string name, string? version = "1.0.0", string? baseUrl = null, string? sha = null) =>
        new("npm", baseUrl, name, version, sha);

    [Fact]
    public async Task AScopedPackageWhoseMcpNameMatchesPasses()
    {
        npm.AddVersion("@octo/weather", "1.0.0", PackageChecks.ServerName);

        await checks.PassesAsync(Npm("@octo/weather"));

        Assert.Equal("/@octo%2Fweather/1.0.0", npm.Http.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task TheConfiguredBaseUrlIsAcceptedWhenGivenExplicitly()
    {
        npm.AddVersion("weather", "1.0.0", PackageChecks.ServerName);

        await checks.PassesAsync(Npm("weather", baseUrl: npm.BaseUrl));
    }

    [Fact]
    public async Task AnotherServersMcpNameIsRefused()
    {
        npm.AddVersion("weather", "1.0.0", "io.github.someone/else");

        Assert.Contains("declares mcpName 'io.github.someone/else'", await checks.RefusedAsync(Npm("weather")));
    }

    [Fact]
    public async Task APackageWithoutMcpNameIsRefused()
    {
        npm.AddVersion("weather", "1.0.0", mcpName: null);

        Assert.Contains("has no mcpName", await checks.RefusedAsync(Npm("weather")));
    }

    [Fact]
    public async Task AMissingPackageIsReportedAsNotFound()
    {
        Assert.Equal("npm package 'ghost' not found", await checks.RefusedAsync(Npm("ghost")));
    }

    [Fact]
    public async Task AMissingVersionIsReportedAsSuch()
    {
        npm.AddVersion("weather", "1.0.0", PackageChecks.ServerName);

        Assert.Contains("version not found", await checks.RefusedAsync(Npm("weather", "2.0.0")));
    }

    [Fact]
    public async Task AnotherBaseUrlIsRefusedBeforeAnyRequest()
    {
        Assert.Contains("registryBaseUrl", await checks.RefusedAsync(Npm("weather", baseUrl: "https://elsewhere.example")));
        Assert.Empty(npm.Http.Requests);
    }

    [Fact]
    public async Task VersionIsRequiredAndFileSha256Forbidden()
    {
        Assert.Contains("version is required", await checks.RefusedAsync(Npm("weather", version: null)));
        Assert.Contains("fileSha256 must not be set", await checks.RefusedAsync(Npm("weather", sha: new string('a', 64))));
        Assert.Empty(npm.Http.Requests);
    }
}
