using System.Net;
using System.Text.Json;

namespace Registry.EndToEnd.Tests;

/// <summary>The ranked search extension through the gateway.</summary>
[Collection(RegistryAppCollection.Name)]
public class SearchApiTests(RegistryAppFixture registry)
{
    [Theory]
    [InlineData("/v0.1/x/dev.mcpregistry/search?q=brave&limit=5")]
    [InlineData("/v0/x/dev.mcpregistry/search?q=brav&hasRemote=false&status=active")]
    [InlineData("/v0.1/x/dev.mcpregistry/search?q=brave&has_remote=false")]
    public async Task ASearchAnswersRankedEntriesOfTheListShapeWithScoresAndFacets(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        var first = body.RootElement.GetProperty("servers")[0];
        Assert.Contains("brave-search", first.GetProperty("server").GetProperty("name").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > 0);
        Assert.True(first.GetProperty("_meta").GetProperty("io.modelcontextprotocol.registry/official").GetProperty("isLatest").GetBoolean());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("facets").ValueKind);
    }

    [Fact]
    public async Task NoMatchIsAnEmptyList()
    {
        using var response = await registry.Gateway.GetAsync("/v0.1/x/dev.mcpregistry/search?q=qqqzzzxxxyyy");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.RootElement.GetProperty("servers").GetArrayLength());
    }

    [Fact]
    public async Task WithoutQWholeCatalogIsBrowsedInNameOrderUnderTheFilters()
    {
        var seed = SampleSeed.Versions().Select(v => v.Name).Where(n => n.StartsWith("io.github.", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        using var body = JsonDocument.Parse(await registry.Gateway.GetStringAsync("/v0.1/x/dev.mcpregistry/search?namespace=io.github.&limit=100"));

        var servers = body.RootElement.GetProperty("servers").EnumerateArray().ToList();
        Assert.Equal(seed, servers.Select(s => s.GetProperty("server").GetProperty("name").GetString()));
        Assert.All(servers, s => Assert.Equal(0, s.GetProperty("score").GetDouble()));
        Assert.Equal(seed.Count, body.RootElement.GetProperty("metadata").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("?q=x&limit=101", HttpStatusCode.UnprocessableEntity)]
    [InlineData("?q=x&registryType=maven", HttpStatusCode.UnprocessableEntity)]
    [InlineData("?q=x&cursor=nonsense", HttpStatusCode.UnprocessableEntity)]
    [InlineData("?q=x&hasRemote=maybe", HttpStatusCode.BadRequest)]
    [InlineData("?q=x&limit=many", HttpStatusCode.BadRequest)]
    public async Task BadParametersAreProblemsNotServerErrors(string query, HttpStatusCode status)
    {
        using var response = await registry.Gateway.GetAsync("/v0.1/x/dev.mcpregistry/search" + query);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
