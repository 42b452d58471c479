namespace Registry.Cli.Tests;

public sealed class UsageErrorTests
{
    [Fact]
    public async Task AnUnknownCommandExitsWithTheUsageCodeAndSaysWhichTokenItDidNotKnow()
    {
        var run = await CliRun.StartAsync("frobnicate");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'frobnicate'", run.Err);
        Assert.Contains("registry --help", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task AMissingArgumentPointsAtTheHelpOfThatCommand()
    {
        var run = await CliRun.StartAsync("servers", "get");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("registry servers get --help", run.Err);
    }

    [Fact]
    public async Task ACommandWithoutAnAddressNamesTheOptionAndTheVariableThatGiveIt()
    {
        var run = await CliRun.StartAsync("servers", "list");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--catalog", run.Err);
        Assert.Contains("REGISTRY_CATALOG_GRPC", run.Err);
    }

    [Fact]
    public async Task AnAddressThatIsNotAnHttpUrlIsAUsageError()
    {
        var run = await CliRun.StartAsync("servers", "list", "--catalog", "ftp://example.invalid");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("not an http:// or https:// URL", run.Err);
    }

    [Fact]
    public async Task AStatusChangeNeedsEitherAVersionOrAllVersionsButNotBoth()
    {
        var neither = await CliRun.StartAsync("status", "io.github.a/b", "--status", "deprecated");
        var both = await CliRun.StartAsync("status", "io.github.a/b", "1.0.0", "--status", "deprecated", "--all-versions");

        Assert.Equal(ExitCodes.Usage, neither.ExitCode);
        Assert.Contains("Give a version, or --all-versions", neither.Err);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("not both", both.Err);
    }

    [Fact]
    public async Task AnUnknownStatusIsRefusedBeforeAnyCall()
    {
        var run = await CliRun.StartAsync("status", "io.github.a/b", "1.0.0", "--status", "retired", "--publish", ClosedPort.Address());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("retired", run.Err);
    }

    [Fact]
    public async Task AnUnknownLoginMethodIsAUsageError()
    {
        var run = await CliRun.StartAsync("login", "kerberos");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("kerberos", run.Err);
    }

    [Fact]
    public async Task AWriteWithoutATokenSaysHowToGetOne()
    {
        var file = Path.GetTempFileName();
        try
        {
            var run = await CliRun.StartAsync("publish", file, "--publish", ClosedPort.Address());

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("--token", run.Err);
            Assert.Contains("REGISTRY_TOKEN", run.Err);
            Assert.Contains("--login", run.Err);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AFileThatDoesNotExistIsAUsageErrorNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var run = await CliRun.StartAsync("validate", missing, "--publish", ClosedPort.Address());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(missing, run.Err);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{not json")]
    public async Task AnAnnotationThatIsNotAJsonObjectIsRefusedLocally(string value)
    {
        var run = await CliRun.StartAsync("annotate", "set", "io.github.a/b", "com.acme.registry/review", value,
            "--token", "t", "--publish", ClosedPort.Address());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("annotation", run.Err);
    }

    [Fact]
    public async Task ADomainLoginWithoutAKeyFileSaysWhatIsMissing()
    {
        var run = await CliRun.StartAsync("login", "dns", "--domain", "example.com", "--verification", ClosedPort.Address());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--key-file", run.Err);
    }

    [Fact]
    public async Task HelpListsEveryCommandAndExitsZero()
    {
        var run = await CliRun.StartAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in new[] { "servers", "publish", "login", "validate", "status", "watch", "annotate", "audit", "mirror" })
        {
            Assert.Contains(command, run.Out);
        }
    }

    [Fact]
    public async Task NoMessageCarriesAStackTrace()
    {
        var run = await CliRun.StartAsync("servers", "list", "--catalog", ClosedPort.Address());

        Assert.DoesNotContain("   at ", run.Err);
        Assert.DoesNotContain("Exception", run.Err);
    }
}
