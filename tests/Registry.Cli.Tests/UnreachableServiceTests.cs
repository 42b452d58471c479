using System.Diagnostics;

namespace Registry.Cli.Tests;

public sealed class UnreachableServiceTests
{
    [Theory]
    [InlineData("servers", "list")]
    [InlineData("servers", "get", "io.github.a/b")]
    [InlineData("watch")]
    public async Task ACatalogWhereNothingListensIsReportedFastWithTheUnreachableCode(params string[] command)
    {
        var address = ClosedPort.Address();
        var clock = Stopwatch.StartNew();

        var run = await CliRun.StartAsync([.. command, "--catalog", address]);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains($"Cannot reach the catalog service at {address}/", run.Err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task TheOptionWinsOverTheEnvironmentVariable()
    {
        var fromOption = ClosedPort.Address();
        var environment = new Dictionary<string, string?> { ["REGISTRY_CATALOG_GRPC"] = "http://127.0.0.1:9" };

        var run = await CliRun.StartAsync(environment, "servers", "list", "--catalog", fromOption);

        Assert.Contains(fromOption, run.Err);
    }

    [Fact]
    public async Task TheEnvironmentVariableGivesTheAddressWhenNoOptionDoes()
    {
        var address = ClosedPort.Address();
        var environment = new Dictionary<string, string?> { ["REGISTRY_VERIFICATION_GRPC"] = address };

        var run = await CliRun.StartAsync(environment, "login", "anonymous");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains($"verification service at {address}/", run.Err);
    }

    [Fact]
    public async Task AMirrorWhereNothingListensIsUnreachable()
    {
        var address = ClosedPort.Address();

        var run = await CliRun.StartAsync("mirror", "status", "--mirror", address);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains($"Cannot reach the mirror service at {address}/status", run.Err);
    }
}
