using Registry.Testing.Fakes.Packages;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

public class PyPiOwnershipTests : IAsyncLifetime
{
    private FakePyPi pypi = null!;
    private PackageChecks checks = null!;

    public async Task InitializeAsync()
    {
        pypi = await FakePyPi.StartAsync();
        checks = new PackageChecks(o => o.PyPiBaseUrl = pypi.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        checks.Dispose();
        await pypi.DisposeAsync();
    }

    private static PackageReference PyPi(string project, string? version = "1.0.0", string? baseUrl = null) =>
        new("pypi", baseUrl, project, version, null);

    [Fact]
    public async Task AReadmeNamingTheServerPasses()
    {
        pypi.AddRelease("weather-mcp", "1.0.0", $"# Weather\n\nmcp-name: {PackageChecks.ServerName}\n");

        await checks.PassesAsync(PyPi("weather-mcp"));

        Assert.Equal("/pypi/weather-mcp/1.0.0/json", pypi.Http.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task AReadmeNamingAnotherServerIsRefused()
    {
        pypi.AddRelease("weather-mcp", "1.0.0", "mcp-name: io.github.someone/else");

        Assert.Contains($"does not contain 'mcp-name: {PackageChecks.ServerName}'", await checks.RefusedAsync(PyPi("weather-mcp")));
    }

    [Fact]
    public async Task AMissingProjectIsReportedAsNotFound()
    {
        Assert.Equal("PyPI package 'ghost' not found", await checks.RefusedAsync(PyPi("ghost")));
    }

    [Fact]
    public async Task AMissingVersionIsReportedAsSuch()
    {
        pypi.AddRelease("weather-mcp", "1.0.0", $"mcp-name: {PackageChecks.ServerName}");

        Assert.Contains("version not found", await checks.RefusedAsync(PyPi("weather-mcp", "9.9.9")));
    }

    [Fact]
    public async Task AnotherBaseUrlOrNoVersionIsRefusedBeforeAnyRequest()
    {
        Assert.Contains("registryBaseUrl", await checks.RefusedAsync(PyPi("weather-mcp", baseUrl: "https://mirror.example")));
        Assert.Contains("version is required", await checks.RefusedAsync(PyPi("weather-mcp", version: "")));
        Assert.Empty(pypi.Http.Requests);
    }
}
