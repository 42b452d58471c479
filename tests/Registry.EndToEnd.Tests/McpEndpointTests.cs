using System.Net;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Registry.EndToEnd.Tests;

/// <summary>The MCP server through the gateway, as an MCP client sees it, checked against the REST API's answers.</summary>
[Collection(RegistryAppCollection.Name)]
public class McpEndpointTests(RegistryAppFixture registry)
{
    private const string Sample = "io.github.joelverhagen/knapcode-samplemcpserver";
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";

    [Fact]
    public async Task TheFourToolsAreListedWithDescriptionsAndInputSchemas()
    {
        await using var client = await ConnectAsync();

        var tools = await client.ListToolsAsync();

        Assert.Equal(["get_server", "install_config", "list_server_versions", "search_servers"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        var getServer = tools.Single(t => t.Name == "get_server").JsonSchema;
        Assert.Equal(["name"], getServer.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var search = tools.Single(t => t.Name == "search_servers").JsonSchema;
        Assert.Equal(["cursor", "hasRemote", "limit", "namespace", "query", "registryType", "status", "transport"],
            search.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["query"], search.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task GetServerAnswersTheLatestVersionAsRestDoes()
    {
        await using var client = await ConnectAsync();

        var tool = await CallAsync(client, "get_server", new() { ["name"] = Sample });
        var rest = await RestAsync($"/v0.1/servers/{Uri.EscapeDataString(Sample)}/versions/latest");

        Assert.True(JsonNode.DeepEquals(rest["server"], tool["server"]), tool.ToJsonString());
        AssertSameMeta(rest, tool);
    }

    [Fact]
    public async Task ListServerVersionsAnswersTheVersionsRestLists()
    {
        await using var client = await ConnectAsync();

        var tool = await CallAsync(client, "list_server_versions", new() { ["name"] = Sample });
        var rest = await RestAsync($"/v0.1/servers/{Uri.EscapeDataString(Sample)}/versions");

        Assert.Equal(Versions(rest), Versions(tool));
        Assert.Equal(rest["servers"]!.AsArray().Count, tool["count"]!.GetValue<int>());
    }

    public static TheoryData<string, string> Searches => new()
    {
        { """{"query":"weather filesystem database","limit":10}""", "q=weather%20filesystem%20database&limit=10" },
        { """{"query":"weather filesystem database","registryType":"oci"}""", "q=weather%20filesystem%20database&registryType=oci" },
        { """{"query":"filesystem","hasRemote":true,"transport":"streamable-http"}""", "q=filesystem&hasRemote=true&transport=streamable-http" },
        { """{"query":"weather filesystem database","namespace":"io.github.EXAMPLE","status":"active"}""", "q=weather%20filesystem%20database&namespace=io.github.EXAMPLE&status=active" },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchServersRanksAsTheRestRankedSearchDoes(string arguments, string restQuery)
    {
        await using var client = await ConnectAsync();

        var tool = await CallAsync(client, "search_servers", Arguments(arguments));
        var rest = await RestAsync($"/v0.1/x/dev.mcpregistry/search?{restQuery}");

        Assert.NotEmpty(Ranked(rest));
        Assert.NotEmpty(Facets(rest));
        AssertSamePage(rest, tool);
    }

    [Fact]
    public async Task SearchServersFiltersAsTheRestSearchDoes()
    {
        await using var client = await ConnectAsync();

        var oci = await CallAsync(client, "search_servers", new() { ["query"] = "database", ["registryType"] = "oci", ["limit"] = 100 });
        var all = await CallAsync(client, "search_servers", new() { ["query"] = "database", ["limit"] = 100 });

        Assert.Contains(("io.github.example/database-manager", "3.1.0"), Versions(oci));
        Assert.All(oci["servers"]!.AsArray(), s => Assert.Contains(s!["server"]!["packages"]!.AsArray(), p => p!["registryType"]!.GetValue<string>() == "oci"));
        Assert.Equal(all["facets"]!["registryType"]!["oci"]!.GetValue<int>(), oci["metadata"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task SearchServersPagesWithTheRestSearchsCursor()
    {
        await using var client = await ConnectAsync();

        var first = await CallAsync(client, "search_servers", new() { ["query"] = "weather filesystem database", ["limit"] = 2 });
        var restFirst = await RestAsync("/v0.1/x/dev.mcpregistry/search?q=weather%20filesystem%20database&limit=2");
        var cursor = first["metadata"]!["nextCursor"]!.GetValue<string>();
        var second = await CallAsync(client, "search_servers", new() { ["query"] = "weather filesystem database", ["limit"] = 2, ["cursor"] = cursor });
        var restSecond = await RestAsync($"/v0.1/x/dev.mcpregistry/search?q=weather%20filesystem%20database&limit=2&cursor={Uri.EscapeDataString(cursor)}");

        AssertSamePage(restFirst, first);
        AssertSamePage(restSecond, second);
        Assert.NotEmpty(Ranked(second));
        Assert.Empty(Ranked(first).Select(r => r.Name).Intersect(Ranked(second).Select(r => r.Name)));
    }

    [Fact]
    public async Task SearchServersShowsADeletedServerOnlyWhenStatusDeletedIsAsked()
    {
        var publisher = new Publisher(registry.Gateway);
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");
        (await publisher.DeleteAsync(name, "1.0.0", token)).EnsureSuccessStatusCode();
        var word = name[(name.LastIndexOf('-') + 1)..];
        await using var client = await ConnectAsync();

        var restDeleted = await RestUntilAsync($"/v0.1/x/dev.mcpregistry/search?q={word}&status=deleted", page => Ranked(page).Count == 1);
        var deleted = await CallAsync(client, "search_servers", new() { ["query"] = word, ["status"] = "deleted" });
        var hidden = await CallAsync(client, "search_servers", new() { ["query"] = word });
        var restHidden = await RestAsync($"/v0.1/x/dev.mcpregistry/search?q={word}");

        Assert.Equal(name, Assert.Single(Ranked(deleted)).Name);
        Assert.Equal("deleted", Publisher.Official(deleted["servers"]![0]!)["status"]!.GetValue<string>());
        AssertSamePage(restDeleted, deleted);
        Assert.Empty(Ranked(hidden));
        Assert.Equal(0, hidden["metadata"]!["total"]!.GetValue<int>());
        AssertSamePage(restHidden, hidden);
    }

    [Fact]
    public async Task SearchArgumentsTheRestSearchRefusesAreToolErrorsWithTheReason()
    {
        await using var client = await ConnectAsync();

        var registryType = await client.CallToolAsync("search_servers", new Dictionary<string, object?> { ["query"] = "x", ["registryType"] = "maven" });
        var limit = await client.CallToolAsync("search_servers", new Dictionary<string, object?> { ["query"] = "x", ["limit"] = 101 });
        var cursor = await client.CallToolAsync("search_servers", new Dictionary<string, object?> { ["query"] = "x", ["cursor"] = "nonsense" });
        var noWords = await client.CallToolAsync("search_servers", new Dictionary<string, object?> { ["query"] = "  " });
        var noQuery = await client.CallToolAsync("search_servers", new Dictionary<string, object?> { ["registryType"] = "npm" });
        using var rest = await registry.Gateway.GetAsync("/v0.1/x/dev.mcpregistry/search?q=x&registryType=maven");

        Assert.All([registryType, limit, cursor, noWords, noQuery], result => Assert.True(result.IsError));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rest.StatusCode);
        var problem = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!;
        var error = problem["errors"]![0]!;
        Assert.Equal("query.registryType", error["location"]!.GetValue<string>());
        Assert.Equal($"{problem["detail"]}: registryType: {error["message"]}", Text(registryType));
        Assert.StartsWith("validation failed: limit: ", Text(limit));
        Assert.StartsWith("validation failed: cursor: ", Text(cursor));
        Assert.Contains("at least one word", Text(noWords));
    }

    [Fact]
    public async Task InstallConfigGivesVsCodeAnMcpJsonThatRunsThePackage()
    {
        await using var client = await ConnectAsync();

        var tool = await CallAsync(client, "install_config", new() { ["name"] = Sample, ["client"] = "vscode" });
        var rest = await RestAsync($"/v0.1/servers/{Uri.EscapeDataString(Sample)}/versions/latest");

        Assert.Equal("mcp.json", tool["file"]!.GetValue<string>());
        var entry = tool["config"]!["servers"]![Sample]!;
        var package = rest["server"]!["packages"]![0]!;
        Assert.Equal("dnx", entry["command"]!.GetValue<string>());
        Assert.Contains($"{package["identifier"]}@{package["version"]}", entry["args"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task AnUnknownNameOrVersionIsAToolErrorNotAFailure()
    {
        await using var client = await ConnectAsync();

        var missing = await client.CallToolAsync("get_server", new Dictionary<string, object?> { ["name"] = "io.github.nobody/nothing" });
        var noVersion = await client.CallToolAsync("get_server", new Dictionary<string, object?> { ["name"] = Sample, ["version"] = "99.0.0" });
        var badClient = await client.CallToolAsync("install_config", new Dictionary<string, object?> { ["name"] = Sample, ["client"] = "cursor" });

        Assert.All([missing, noVersion, badClient], result => Assert.True(result.IsError));
        Assert.Contains("search_servers", Text(missing));
        Assert.Contains("list_server_versions", Text(noVersion));
    }

    [Fact]
    public async Task McpRequestsDrawOnTheSamePerClientBucketAsTheRestApi()
    {
        await using var gateway = await ExtraGateway.StartAsync(registry.App,
            "--Registry:RateLimit:RequestsPerMinute=6", "--Registry:RateLimit:Burst=3");

        using var first = await gateway.Client.SendAsync(Initialize());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        for (var i = 0; i < 2; i++)
        {
            using var rest = await gateway.Client.GetAsync("/v0/servers?limit=1");
            Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        }

        using var refused = await gateway.Client.SendAsync(Initialize());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    private static HttpRequestMessage Initialize()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"e2e","version":"1.0"}}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    private async Task<McpClient> ConnectAsync()
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(registry.Gateway.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            registry.Gateway);
        return await McpClient.CreateAsync(transport);
    }

    private static async Task<JsonNode> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        Assert.True(result.IsError != true, Text(result));
        return JsonNode.Parse(Text(result))!;
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private async Task<JsonNode> RestAsync(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonNode> RestUntilAsync(string path, Func<JsonNode, bool> done)
    {
        // A write reaches the ranked search soon after it commits, not necessarily before the next read.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var page = await RestAsync(path);
        while (!done(page) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            page = await RestAsync(path);
        }

        return page;
    }

    private static Dictionary<string, object?> Arguments(string json) =>
        JsonNode.Parse(json)!.AsObject().ToDictionary(p => p.Key, p => (object?)p.Value!.DeepClone());

    /// <summary>Same entries in the same order with the same scores, the same counts, cursor and facets.</summary>
    private static void AssertSamePage(JsonNode rest, JsonNode tool)
    {
        Assert.Equal(Ranked(rest), Ranked(tool));
        Assert.Equal(Versions(rest), Versions(tool));
        foreach (var (restEntry, toolEntry) in rest["servers"]!.AsArray().Zip(tool["servers"]!.AsArray()))
        {
            Assert.True(JsonNode.DeepEquals(restEntry!["server"], toolEntry!["server"]), toolEntry.ToJsonString());
            AssertSameMeta(restEntry, toolEntry);
        }

        Assert.Equal(rest["metadata"]!["total"]!.GetValue<int>(), tool["metadata"]!["total"]!.GetValue<int>());
        Assert.Equal(rest["metadata"]!["count"]!.GetValue<int>(), tool["metadata"]!["count"]!.GetValue<int>());
        Assert.Equal(rest["metadata"]!["nextCursor"]?.GetValue<string>(), tool["metadata"]!["nextCursor"]?.GetValue<string>());
        Assert.Equal(Facets(rest), Facets(tool));
    }

    private static List<(string Name, double Score)> Ranked(JsonNode page) =>
    [
        .. page["servers"]!.AsArray().Select(s => (s!["server"]!["name"]!.GetValue<string>(), s["score"]!.GetValue<double>())),
    ];

    /// <summary>Every facet count as <c>facet.value=count</c>; a facet left out counts nothing.</summary>
    private static List<string> Facets(JsonNode page) =>
    [
        .. (page["facets"]?.AsObject() ?? [])
            .SelectMany(f => f.Value!.AsObject().Select(v => $"{f.Key}.{v.Key}={v.Value!.GetValue<int>()}"))
            .Order(StringComparer.Ordinal),
    ];

    private static List<(string, string)> Versions(JsonNode list) =>
    [
        .. list["servers"]!.AsArray().Select(s => (s!["server"]!["name"]!.GetValue<string>(), s["server"]!["version"]!.GetValue<string>())),
    ];

    private static void AssertSameMeta(JsonNode rest, JsonNode tool)
    {
        var expected = rest["_meta"]![OfficialKey]!;
        var actual = tool["_meta"]![OfficialKey]!;
        Assert.Equal(expected["status"]!.GetValue<string>(), actual["status"]!.GetValue<string>());
        Assert.Equal(expected["isLatest"]!.GetValue<bool>(), actual["isLatest"]!.GetValue<bool>());
        Assert.Equal(DateTimeOffset.Parse(expected["publishedAt"]!.GetValue<string>()), DateTimeOffset.Parse(actual["publishedAt"]!.GetValue<string>()));
    }
}
