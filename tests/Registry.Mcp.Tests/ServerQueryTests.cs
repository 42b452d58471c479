using Registry.Contracts.V0;
using Registry.Mcp.Catalog;

namespace Registry.Mcp.Tests;

public class ServerQueryTests
{
    private static readonly ServerJson Weather = new()
    {
        Name = "io.github.user/weather",
        Packages = { new Package { RegistryType = "npm", Transport = new Transport { Type = "stdio" } } },
        Remotes = { new Transport { Type = "streamable-http", Url = "https://example.com/mcp" } },
    };

    private static ServerQuery Query(string? registryType = null, string? transport = null, bool? hasRemote = null, string? ns = null) =>
        new(null, registryType, transport, hasRemote, ns, 10, false);

    [Fact]
    public void NoFilterMatchesEverythingAndNeedsNoClientFiltering()
    {
        Assert.True(Query().Matches(Weather));
        Assert.False(Query().NeedsClientFilter);
    }

    [Theory]
    [InlineData("npm", null, null, null, true)]
    [InlineData("pypi", null, null, null, false)]
    [InlineData(null, "streamable-http", null, null, true)]
    [InlineData(null, "STDIO", null, null, true)]
    [InlineData(null, "sse", null, null, false)]
    [InlineData(null, null, true, null, true)]
    [InlineData(null, null, false, null, false)]
    [InlineData(null, null, null, "io.github.user", true)]
    [InlineData(null, null, null, "io.github.us", false)]
    public void FiltersCombine(string? registryType, string? transport, bool? hasRemote, string? ns, bool matches) =>
        Assert.Equal(matches, Query(registryType, transport, hasRemote, ns).Matches(Weather));
}
