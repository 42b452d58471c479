using Registry.Contracts.V0;

namespace Registry.Install.Tests;

public class InstallCommandLineTests
{
    private static Package Package(string registryType, string identifier, string? version = "1.2.0", params KeyValueInput[] environment)
    {
        var package = new Package { RegistryType = registryType, Identifier = identifier, Transport = new Transport { Type = "stdio" } };
        if (version is not null) package.Version = version;
        package.EnvironmentVariables.Add(environment);
        return package;
    }

    [Theory]
    [InlineData("npm", "@user/weather", "npx -y @user/weather@1.2.0")]
    [InlineData("pypi", "weather-mcp", "uvx weather-mcp==1.2.0")]
    [InlineData("nuget", "Weather.Mcp", "dnx Weather.Mcp@1.2.0 --yes")]
    [InlineData("oci", "ghcr.io/user/weather", "docker run -i --rm ghcr.io/user/weather:1.2.0")]
    public void EachRunnablePackageHasItsRunnersLinePinnedToItsVersion(string registryType, string identifier, string line) =>
        Assert.Equal(line, InstallCommandLine.For(Package(registryType, identifier)));

    [Fact]
    public void ABundleDoesNotRunFromAShell() => Assert.Null(InstallCommandLine.For(Package("mcpb", "https://example.com/x.mcpb")));

    [Fact]
    public void RequiredVariablesComeFirstAsQuotedPlaceholdersAndFixedOnesWithTheirValue()
    {
        var line = InstallCommandLine.For(Package("npm", "@user/weather", "1.2.0",
            new KeyValueInput { Name = "API_KEY", IsRequired = true, IsSecret = true },
            new KeyValueInput { Name = "UNITS", Value = "metric" },
            new KeyValueInput { Name = "OPTIONAL" }));

        Assert.Equal("API_KEY='<API_KEY>' UNITS=metric npx -y @user/weather@1.2.0", line);
    }

    [Theory]
    [InlineData("plain-word_1.0", "plain-word_1.0")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(rm -rf /)", "'$(rm -rf /)'")]
    [InlineData("", "''")]
    public void AWordIsQuotedSoThatAShellReadsItBackUnchanged(string word, string quoted) =>
        Assert.Equal(quoted, InstallCommandLine.Quote(word));
}
