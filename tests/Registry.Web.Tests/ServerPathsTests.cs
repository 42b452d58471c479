using Registry.Web.Presentation;

namespace Registry.Web.Tests;

public class ServerPathsTests
{
    [Theory]
    [InlineData("io.github.acme/weather", "latest", "/servers/io.github.acme/weather")]
    [InlineData("io.github.acme/weather", "1.0.0+build.1", "/servers/io.github.acme/weather/versions/1.0.0%2Bbuild.1")]
    public void APathParsesBackToItsNameAndVersion(string name, string version, string path)
    {
        var written = version == "latest" ? ServerPaths.Server(name) : ServerPaths.Version(name, version);

        Assert.Equal(path, written);
        Assert.Equal((name, version), ServerPaths.Parse(written["/servers/".Length..]));
    }

    [Theory]
    [InlineData("io.github.acme%2Fweather", "io.github.acme/weather", "latest")]
    [InlineData("io.github.acme%2Fweather/versions/2.0.0", "io.github.acme/weather", "2.0.0")]
    [InlineData("io.github.acme/versions/versions/1.0.0", "io.github.acme/versions", "1.0.0")]
    public void TheRestApisEncodedSlashIsAcceptedToo(string path, string name, string version) =>
        Assert.Equal((name, version), ServerPaths.Parse(path));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("only-one-part")]
    [InlineData("a/b/c")]
    [InlineData("a/b/versions/")]
    [InlineData("a/b/releases/1.0.0")]
    [InlineData("/b")]
    [InlineData("a/b/c/d/e")]
    public void AnythingElseNamesNoServer(string? path) => Assert.Null(ServerPaths.Parse(path));
}
