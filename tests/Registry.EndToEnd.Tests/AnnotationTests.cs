using System.Net;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static Registry.EndToEnd.Tests.AnnotationClient;

namespace Registry.EndToEnd.Tests;

/// <summary>Operator annotations through the gateway: writes, their refusals, and every read that shows them.</summary>
[Collection(RegistryAppCollection.Name)]
public class AnnotationTests(RegistryAppFixture registry)
{
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";
    private const string CacheHeader = "X-Registry-Cache";
    private readonly Publisher publisher = new(registry.Gateway);
    private readonly AnnotationClient annotations = new(registry);

    private async Task<JsonNode> GetAsync(string path) => JsonNode.Parse(await registry.Gateway.GetStringAsync(path))!;

    private static string VersionPath(string name, string version) => $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/{Uri.EscapeDataString(version)}";

    private async Task<string?> VerdictAsync(string name, string version) =>
        (string?)(await GetAsync(VersionPath(name, version)))["_meta"]![Review]?["verdict"];

    [Fact]
    public async Task TheMcpToolShowsAnAnnotationWhereTheRestApiDoes()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0");
        await annotations.SetOkAsync(name, null, Review, """{"verdict":"approved"}""", await annotations.AdminTokenAsync());
        var rest = await GetAsync(VersionPath(name, "latest"));

        await using var client = await McpClient.CreateAsync(new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(registry.Gateway.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            registry.Gateway));
        var result = await client.CallToolAsync("get_server", new Dictionary<string, object?> { ["name"] = name });
        var tool = JsonNode.Parse(string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text)))!;

        Assert.True(JsonNode.DeepEquals(rest["_meta"]![Review], tool["_meta"]![Review]), tool.ToJsonString());
        Assert.Null(tool["_meta"]!["annotations"]);
    }

    [Fact]
    public async Task AnAdministratorAnnotatesANameAndAVersionReplacesAndRemovesAndEveryReadShowsIt()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");
        var published = await GetAsync(VersionPath(name, "1.0.0"));
        var token = await annotations.AdminTokenAsync();

        using var set = await annotations.SetAsync(name, null, Review, """{"verdict":"pending"}""", token);
        var stored = JsonNode.Parse(await set.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal((name, Review, "admin"), ((string)stored["serverName"]!, (string)stored["key"]!, (string)stored["updatedBy"]!));
        Assert.Null(stored["version"]);
        await annotations.SetOkAsync(name, "2.0.0", Review, """{"verdict":"approved","scannedAt":"2026-11-30T10:00:00Z"}""", token);

        Assert.Equal("pending", await VerdictAsync(name, "1.0.0"));
        Assert.Equal("approved", await VerdictAsync(name, "2.0.0"));
        Assert.Equal("approved", (string?)(await GetAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/latest"))["_meta"]![Review]!["verdict"]);
        var versions = (await GetAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions"))["servers"]!.AsArray();
        Assert.Equal(["approved", "pending"], versions.Select(v => (string)v!["_meta"]![Review]!["verdict"]!));
        var listed = (await GetAsync($"/v0.1/servers?search={Uri.EscapeDataString(name)}"))["servers"]!.AsArray();
        Assert.Equal(["pending", "approved"], listed.Select(v => (string)v!["_meta"]![Review]!["verdict"]!));
        var found = (await GetAsync($"/v0.1/x/dev.mcpregistry/search?q={Uri.EscapeDataString(name)}"))["servers"]!.AsArray();
        Assert.Equal("approved", (string?)found.Single(s => (string?)s!["server"]!["name"] == name)!["_meta"]![Review]!["verdict"]);

        // The publisher's document and the official metadata are untouched.
        var annotated = await GetAsync(VersionPath(name, "1.0.0"));
        Assert.True(JsonNode.DeepEquals(published["server"], annotated["server"]));
        Assert.True(JsonNode.DeepEquals(published["_meta"]![OfficialKey], annotated["_meta"]![OfficialKey]));
        Assert.Equal([OfficialKey, Review], Meta(annotated).Select(p => p.Key));

        await annotations.SetOkAsync(name, null, Review, """{"verdict":"rejected"}""", token);
        Assert.Equal("rejected", await VerdictAsync(name, "1.0.0"));
        Assert.Equal("approved", await VerdictAsync(name, "2.0.0"));

        using var removed = await annotations.RemoveAsync(name, "2.0.0", Review, token);
        Assert.Equal(1, (int)JsonNode.Parse(await removed.Content.ReadAsStringAsync())!["affectedVersions"]!);
        Assert.Equal("rejected", await VerdictAsync(name, "2.0.0"));
        (await annotations.RemoveAsync(name, null, Review, token)).EnsureSuccessStatusCode();
        Assert.Null(await VerdictAsync(name, "1.0.0"));
        Assert.Equal([OfficialKey], Meta(await GetAsync(VersionPath(name, "2.0.0"))).Select(p => p.Key));
    }

    [Fact]
    public async Task ListAnnotationsAnswersEveryAnnotationOfAServerWithoutAToken()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0");
        var token = await annotations.AdminTokenAsync();
        await annotations.SetOkAsync(name, null, Review, """{"verdict":"pending"}""", token);
        await annotations.SetOkAsync(name, "1.0.0", "com.acme.registry/scan", """{"clean":true}""", token);

        var listed = (await GetAsync(PathOf(name, null)))["annotations"]!.AsArray();

        Assert.Equal([(null, Review), ("1.0.0", "com.acme.registry/scan")], listed.Select(a => ((string?)a!["version"], (string)a["key"]!)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"clean":true}"""), JsonNode.Parse((string)listed[1]!["valueJson"]!)));
        using var unknown = await registry.Gateway.GetAsync(PathOf("com.example.none/nothing-here", null));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task RefusalsAreOfficialProblemsThatChangeNothing()
    {
        var (publisherToken, name) = await publisher.PublishNewServerAsync("1.0.0");
        var token = await annotations.AdminTokenAsync();

        await ProblemAssert.IsProblemAsync(await annotations.SetAsync(name, null, Review, """{"verdict":"x"}""", null), HttpStatusCode.Unauthorized, "Unauthorized");
        await ProblemAssert.IsProblemAsync(await annotations.SetAsync(name, null, Review, """{"verdict":"x"}""", publisherToken), HttpStatusCode.Forbidden, "Forbidden");
        var outside = await ProblemAssert.IsProblemAsync(
            await annotations.SetAsync(name, null, "com.other.registry/review", """{"verdict":"x"}""", token), HttpStatusCode.Forbidden, "Forbidden");
        Assert.Contains("annotate", outside.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(await annotations.SetAsync(name, null, Review, "[1,2]", token), HttpStatusCode.BadRequest, "Bad Request");
        await ProblemAssert.IsProblemAsync(await annotations.SetAsync(name, null, Review, "{\"a\":\"" + new string('x', 5000) + "\"}", token),
            HttpStatusCode.BadRequest, "Bad Request");
        await ProblemAssert.IsProblemAsync(await annotations.SetAsync(name, null, "not-a-key", "{}", token), HttpStatusCode.BadRequest, "Bad Request");
        await ProblemAssert.IsProblemAsync(await annotations.SetAsync(name, null, "io.modelcontextprotocol.registry/official", "{}", token),
            HttpStatusCode.BadRequest, "Bad Request");
        await ProblemAssert.IsProblemAsync(await annotations.SetAsync("com.example.none/nothing-here", null, Review, "{}", token), HttpStatusCode.NotFound, "Not Found");
        await ProblemAssert.IsProblemAsync(await annotations.SetAsync(name, "9.9.9", Review, "{}", token), HttpStatusCode.NotFound, "Not Found");
        await ProblemAssert.IsProblemAsync(await annotations.RemoveAsync(name, null, Review, token), HttpStatusCode.NotFound, "Not Found");

        Assert.Equal([OfficialKey], Meta(await GetAsync(VersionPath(name, "1.0.0"))).Select(p => p.Key));
        Assert.Empty((await GetAsync(PathOf(name, null)))["annotations"]!.AsArray());
    }

    [Fact]
    public async Task EachVersionWhoseMetaChangedIsLoggedAsAnnotated()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");
        var token = await annotations.AdminTokenAsync();
        using var feed = new ChangeFeedClient(registry);
        var start = await feed.EndAsync();

        await annotations.SetOkAsync(name, "2.0.0", Review, """{"verdict":"approved"}""", token);
        await annotations.SetOkAsync(name, null, Review, """{"verdict":"pending"}""", token);
        (await annotations.RemoveAsync(name, "2.0.0", Review, token)).EnsureSuccessStatusCode();

        var logged = (await feed.ReadAfterAsync(start)).Where(c => c.Name == name).Select(c => $"{c.Version}:{c.Kind}:{c.Status}");
        Assert.Equal(["2.0.0:annotated:active", "1.0.0:annotated:active", "2.0.0:annotated:active"], logged);
    }

    [Fact]
    public async Task ACachedReadIsFreshRightAfterAnAnnotationWrite()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0");
        var token = await annotations.AdminTokenAsync();
        var paths = new[]
        {
            VersionPath(name, "1.0.0"),
            $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions",
            $"/v0.1/servers?search={Uri.EscapeDataString(name)}",
        };
        foreach (var path in paths)
        {
            (await registry.Gateway.GetAsync(path)).Dispose();
            using var again = await registry.Gateway.GetAsync(path);
            Assert.Equal("hit", again.Headers.GetValues(CacheHeader).Single());
        }

        await annotations.SetOkAsync(name, null, Review, """{"verdict":"approved"}""", token);

        Assert.Equal("approved", (string?)(await GetAsync(paths[0]))["_meta"]![Review]!["verdict"]);
        Assert.Equal("approved", (string?)(await GetAsync(paths[1]))["servers"]![0]!["_meta"]![Review]!["verdict"]);
        Assert.Equal("approved", (string?)(await GetAsync(paths[2]))["servers"]![0]!["_meta"]![Review]!["verdict"]);
    }

    [Fact]
    public async Task TheListAndRankedSearchFilterByAnnotationAndAFilteredListPagesWithItsCursorAlone()
    {
        var (_, approvedA) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");
        var (_, rejected) = await publisher.PublishNewServerAsync("1.0.0");
        var token = await annotations.AdminTokenAsync();
        var key = $"com.acme.registry/filter-{Guid.NewGuid():N}";
        await annotations.SetOkAsync(approvedA, null, key, """{"verdict":"approved"}""", token);
        await annotations.SetOkAsync(rejected, null, key, """{"verdict":"rejected"}""", token);
        var approved = Uri.EscapeDataString($"{key}:verdict=approved");

        var first = await GetAsync($"/v0.1/servers?annotation={approved}&limit=1");
        var next = await GetAsync($"/v0.1/servers?cursor={Uri.EscapeDataString((string)first["metadata"]!["nextCursor"]!)}&limit=1");
        var present = await GetAsync($"/v0.1/servers?annotation={Uri.EscapeDataString(key)}&limit=100");
        var both = await GetAsync($"/v0.1/servers?annotation={approved}&annotation={Uri.EscapeDataString($"{key}:verdict=rejected")}");
        var searched = await GetAsync($"/v0.1/x/dev.mcpregistry/search?annotation={approved}&limit=100");

        Assert.Equal([$"{approvedA}@1.0.0", $"{approvedA}@2.0.0"],
            new[] { first, next }.SelectMany(p => p["servers"]!.AsArray()).Select(s => $"{s!["server"]!["name"]}@{s["server"]!["version"]}"));
        Assert.Equal(3, present["servers"]!.AsArray().Count);
        Assert.Empty(both["servers"]!.AsArray());
        Assert.Equal([approvedA], searched["servers"]!.AsArray().Select(s => (string)s!["server"]!["name"]!));
        await ProblemAssert.IsProblemAsync(await registry.Gateway.GetAsync("/v0.1/servers?annotation=nope"), HttpStatusCode.UnprocessableEntity, "Unprocessable Entity");
        await ProblemAssert.IsProblemAsync(await registry.Gateway.GetAsync("/v0.1/x/dev.mcpregistry/search?annotation=com.acme.registry/review:verdict"),
            HttpStatusCode.UnprocessableEntity, "Unprocessable Entity");
    }
}
