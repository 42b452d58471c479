using System.Net;
using System.Net.Http.Headers;

namespace Registry.EndToEnd.Tests;

/// <summary>Entity tags, conditional GETs, Cache-Control and CORS on the gateway's REST surface.</summary>
[Collection(RegistryAppCollection.Name)]
public class HttpCachingTests(RegistryAppFixture registry)
{
    [Theory]
    [InlineData("/v0.1/servers?limit=100")]
    [InlineData("/v0/servers/io.modelcontextprotocol.anonymous%2Fnothing-here/versions")]
    public async Task EveryAnswerCarriesCacheControl(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);

        Assert.NotNull(response.Headers.CacheControl);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.True(response.Headers.CacheControl!.NoCache);
            Assert.True(response.Headers.CacheControl.Public);
        }
        else
        {
            Assert.True(response.Headers.CacheControl!.NoStore);
        }
    }

    [Fact]
    public async Task AMatchingIfNoneMatchIsANotModifiedWithoutBody()
    {
        using var first = await registry.Gateway.GetAsync("/v0/servers?limit=5");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag!.IsWeak);

        foreach (var sent in new[] { tag.Tag, $"W/{tag.Tag}", $"\"other\", {tag.Tag}", "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v0/servers?limit=5");
            request.Headers.TryAddWithoutValidation("If-None-Match", sent);
            using var conditional = await registry.Gateway.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
            Assert.Equal(tag, conditional.Headers.ETag);
            Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task AStaleEntityTagGetsTheNewAnswer()
    {
        var publisher = new Publisher(registry.Gateway);
        var server = Publisher.NewServer("1.0.0");
        var path = $"/v0/servers/{Uri.EscapeDataString((string)server["name"]!)}/versions";
        var token = await publisher.AnonymousTokenAsync();
        (await publisher.PublishAsync(server, token)).EnsureSuccessStatusCode();
        using var first = await registry.Gateway.GetAsync(path);

        (await publisher.PublishAsync(Publisher.NewServer("1.1.0", (string)server["name"]!), token)).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await registry.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Contains("1.1.0", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSameAnswerHasTheSameTagWhetherCachedOrNot()
    {
        using var first = await registry.Gateway.GetAsync("/v0.1/servers?limit=3");
        using var second = await registry.Gateway.GetAsync("/v0.1/servers?limit=3");

        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthIsNeverStored()
    {
        using var response = await registry.Gateway.GetAsync("/v0/health");

        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task BrowsersMayReadTheApiFromAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v0/servers?limit=1");
        request.Headers.Add("Origin", "https://catalog.example");
        using var response = await registry.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Single(response, "Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APreflightForAnAuthorisedWriteIsAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v0/publish");
        request.Headers.Add("Origin", "https://publisher.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var response = await registry.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(response, "Access-Control-Allow-Methods"));
        Assert.Contains("authorization", Single(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"{header} is missing");
}
