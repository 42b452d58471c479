using Microsoft.AspNetCore.Http;
using Registry.Caching;
using Registry.Gateway.Caching;

namespace Registry.Gateway.Tests;

public class CacheableRequestTests
{
    [Theory]
    [InlineData("/v0/servers", "?limit=5&search=x", "?search=x&limit=5")]
    [InlineData("/v0.1/servers", "?search=a%20b", "?search=a+b")]
    [InlineData("/v0/servers", "?cursor=io.x%2Fy:1.0.0", "?cursor=io.x/y:1.0.0")]
    public void TheSameRequestSpelledDifferentlySharesAKey(string path, string one, string other)
    {
        Assert.Equal(Classify(path, one)!.Normalized, Classify(path, other)!.Normalized);
    }

    [Theory]
    [InlineData("?limit=5", "?limit=6")]
    [InlineData("?search=Weather", "?search=weather")]
    [InlineData("?version=latest", "")]
    [InlineData("?include_deleted=true", "?include_deleted=false")]
    [InlineData("?search=a&search=b", "?search=b&search=a")]
    public void DifferentRequestsNeverShareAKey(string one, string other)
    {
        Assert.NotEqual(Classify("/v0/servers", one)!.Normalized, Classify("/v0/servers", other)!.Normalized);
    }

    [Fact]
    public void ThePrefixIsPartOfTheKey()
    {
        Assert.NotEqual(Classify("/v0/servers", "")!.Normalized, Classify("/v0.1/servers", "")!.Normalized);
    }

    [Theory]
    [InlineData("/v0/x/dev.mcpregistry/search")]
    [InlineData("/v0.1/x/dev.mcpregistry/search")]
    public void RankedSearchIsScopedToEveryWrite(string path)
    {
        Assert.Equal(CacheKeys.ListsGeneration, Classify(path, "?q=postgres")!.ScopeKey);
    }

    [Fact]
    public void ListsAreScopedToEveryWrite()
    {
        Assert.Equal(CacheKeys.ListsGeneration, Classify("/v0.1/servers", "?limit=100")!.ScopeKey);
    }

    [Theory]
    [InlineData("/v0/servers/io.github.alice%2Fweather/versions")]
    [InlineData("/v0/servers/io.github.alice%2fweather/versions/latest")]
    [InlineData("/v0.1/servers/io.github.alice%2Fweather/versions/1.0.0-beta+build.1")]
    public void NameRoutesAreScopedToTheirName(string path)
    {
        Assert.Equal(CacheKeys.NameGeneration("io.github.alice/weather"), Classify(path, "")!.ScopeKey);
    }

    [Fact]
    public void TheWebCatalogPageIsScopedToEveryWriteAndKeyedApartFromTheApi()
    {
        var page = Classify("/", "?type=npm&q=postgres")!;

        Assert.Equal(CacheKeys.ListsGeneration, page.ScopeKey);
        Assert.Equal("/?q=postgres&type=npm", page.Normalized);
    }

    [Theory]
    [InlineData("/servers/io.github.alice/weather")]
    [InlineData("/servers/io.github.alice%2Fweather")]
    [InlineData("/servers/io.github.alice/weather/versions/1.0.0")]
    [InlineData("/servers/io.github.alice%2fweather/versions/latest")]
    public void AWebServerPageIsScopedToItsName(string path)
    {
        Assert.Equal(CacheKeys.NameGeneration("io.github.alice/weather"), Classify(path, "")!.ScopeKey);
    }

    [Theory]
    [InlineData("/v0/servers/")]
    [InlineData("/v0/servers/io.github.alice/weather/versions")]
    [InlineData("/v0/servers/io.github.alice%2Fweather")]
    [InlineData("/v0/servers/io.github.alice%2Fweather/versions/1.0.0/status")]
    [InlineData("/v0/servers/io.github.alice%2Fweather%2520x/versions")]
    [InlineData("/v0/servers/weather/versions")]
    [InlineData("/v0/health")]
    [InlineData("/v0/x/dev.mcpregistry/changes")]
    [InlineData("/v2/servers")]
    [InlineData("/changes")]
    [InlineData("/assets/site.css")]
    [InlineData("/mcp")]
    [InlineData("/servers/only-one-part")]
    [InlineData("/servers/a/b/c")]
    [InlineData("/servers/io.github.alice/weather%20x")]
    public void OtherPathsAreNotCached(string path)
    {
        Assert.Null(Classify(path, ""));
    }

    private static CacheableRequest? Classify(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return CacheableRequest.From(context.Request);
    }
}
