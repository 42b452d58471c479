using Registry.Testing.Fakes.Packages;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

public class NuGetOwnershipTests : IAsyncLifetime
{
    private FakeNuGetFeed feed = null!;
    private PackageChecks checks = null!;

    public async Task InitializeAsync()
    {
        feed = await FakeNuGetFeed.StartAsync();
        checks = new PackageChecks(o => o.NuGetServiceIndexUrl = feed.ServiceIndexUrl);
    }

    public async Task DisposeAsync()
    {
        checks.Dispose();
        await feed.DisposeAsync();
    }

    private static PackageReference NuGet(string id, string? version = "1.0.0", string? baseUrl = null) =>
        new("nuget", baseUrl, id, version, null);

    [Fact]
    public async Task AReadmeNamingTheServerPassesWithIdAndVersionLowercasedAndMetadataStripped()
    {
        feed.AddPackage("Octo.Weather", "1.0.0-Beta", $"mcp-name: {PackageChecks.ServerName}");

        await checks.PassesAsync(NuGet("Octo.Weather", "1.0.0-Beta+sha.abc"));

        Assert.Contains(feed.Http.Requests, r => r.PathAndQuery == "/v3-flatcontainer/octo.weather/1.0.0-beta/readme");
    }

    [Fact]
    public async Task AReadmeNamingAnotherServerIsRefused()
    {
        feed.AddPackage("Octo.Weather", "1.0.0", "mcp-name: io.github.someone/else");

        Assert.Contains("does not contain 'mcp-name:", await checks.RefusedAsync(NuGet("Octo.Weather")));
    }

    [Fact]
    public async Task AMissingPackageIsReportedAsNotFound()
    {
        Assert.Equal("NuGet package 'Ghost' not found", await checks.RefusedAsync(NuGet("Ghost")));
    }

    [Fact]
    public async Task AMissingVersionIsReportedAsSuch()
    {
        feed.AddPackage("Octo.Weather", "1.0.0", $"mcp-name: {PackageChecks.ServerName}");

        Assert.Contains("version not found", await checks.RefusedAsync(NuGet("Octo.Weather", "2.0.0")));
    }

    [Fact]
    public async Task APackageWithoutEmbeddedReadmeIsReportedAsSuch()
    {
        feed.AddPackage("Octo.Weather", "1.0.0", readme: null);

        Assert.Contains("has no embedded README", await checks.RefusedAsync(NuGet("Octo.Weather")));
    }

    [Fact]
    public async Task TheServiceIndexIsFetchedOnceAcrossChecks()
    {
        feed.AddPackage("Octo.Weather", "1.0.0", $"mcp-name: {PackageChecks.ServerName}");

        await checks.PassesAsync(NuGet("Octo.Weather"));
        await checks.PassesAsync(NuGet("Octo.Weather"));

        Assert.Equal(1, feed.ServiceIndexRequests);
    }

    [Fact]
    public async Task AnotherServiceIndexIsRefusedBeforeAnyRequest()
    {
        Assert.Contains("registryBaseUrl", await checks.RefusedAsync(NuGet("Octo.Weather", baseUrl: "https://feed.example/v3/index.json")));
        Assert.Empty(feed.Http.Requests);
    }
}
