using Registry.Testing.Fakes.Packages;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

public class McpbOwnershipTests : IAsyncLifetime
{
    private static readonly string Sha = new('a', 64);
    private FakeReleaseHost releases = null!;
    private PackageChecks checks = null!;

    public async Task InitializeAsync()
    {
        releases = await FakeReleaseHost.StartAsync();
        checks = new PackageChecks(o => o.McpbAllowedHosts = [releases.Host]);
    }

    public async Task DisposeAsync()
    {
        checks.Dispose();
        await releases.DisposeAsync();
    }

    private static PackageReference Mcpb(string url, string? sha = null, string? baseUrl = null) => new("mcpb", baseUrl, url, null, sha ?? Sha);

    [Fact]
    public async Task AReleaseFileThatAnswersHeadPasses()
    {
        var url = releases.AddFile("/octo/weather/releases/download/v1/weather-mcp.mcpb");

        await checks.PassesAsync(Mcpb(url));

        Assert.Equal("HEAD", releases.Http.Requests.Single().Method);
    }

    [Fact]
    public async Task AMissingFileIsRefused()
    {
        Assert.Contains("not found", await checks.RefusedAsync(Mcpb(releases.BaseUrl + "/octo/weather/releases/download/v1/ghost-mcp.mcpb")));
    }

    [Fact]
    public async Task FieldAndUrlRulesRefuseBeforeAnyRequest()
    {
        var url = releases.BaseUrl + "/octo/weather/releases/download/v1/weather-mcp.mcpb";

        Assert.Contains("fileSha256 is required", await checks.RefusedAsync(new PackageReference("mcpb", null, url, null, null)));
        Assert.Contains("registryBaseUrl must not be set", await checks.RefusedAsync(Mcpb(url, baseUrl: releases.BaseUrl)));
        Assert.Contains("must contain 'mcp'", await checks.RefusedAsync(Mcpb(releases.BaseUrl + "/octo/weather/v1/weather.bin")));
        Assert.Contains("is not allowed", await checks.RefusedAsync(Mcpb("http://localhost:1/weather-mcp.mcpb")));
        Assert.Empty(releases.Http.Requests);
    }

    [Fact]
    public async Task PlainHttpIsRefusedUnlessAllowed()
    {
        using var strict = new PackageChecks(o =>
        {
            o.McpbAllowedHosts = [releases.Host];
            o.McpbAllowHttp = false;
        });

        Assert.Contains("must be an https URL", await strict.RefusedAsync(Mcpb(releases.AddFile("/weather-mcp.mcpb"))));
        Assert.Empty(releases.Http.Requests);
    }

    [Theory]
    [InlineData("https://github.com/octo/weather/releases/download/v1/weather-mcp.mcpb", true)]
    [InlineData("https://github.com/octo/weather-mcp/archive/main.zip", false)]
    [InlineData("https://gitlab.com/octo/weather-mcp/-/releases/v1/downloads/weather.mcpb", true)]
    [InlineData("https://gitlab.com/octo/weather-mcp/-/package_files/42/download", true)]
    [InlineData("https://gitlab.com/octo/weather-mcp/-/raw/main/weather.mcpb", false)]
    public void OnlyReleaseDownloadPathsOfTheKnownForgesAreAccepted(string url, bool accepted)
    {
        var settings = new PackageOptions();
        if (accepted)
        {
            Assert.Equal(url, McpbPackageVerifier.RequireAllowedUrl(url, settings).AbsoluteUri);
        }
        else
        {
            Assert.Throws<PackageVerificationException>(() => McpbPackageVerifier.RequireAllowedUrl(url, settings));
        }
    }
}
