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
        var search = tools.Single(t => t.Name == "search_servers").JsonSchema.GetProperty("properties");
        Assert.Equal(["hasRemote", "includeDeleted", "limit", "namespace", "query", "registryType", "transport"],
            search.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
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

    [Fact]
    public async Task SearchServersFindsWhatTheRestSearchFindsAndFiltersByPackageRegistry()
    {
        await using var client = await ConnectAsync();

        var tool = await CallAsync(client, "search_servers", new() { ["query"] = "knapcode", ["limit"] = 10 });
        var rest = await RestAsync("/v0.1/servers?search=knapcode&version=latest&limit=10");
        var oci = await CallAsync(client, "search_servers", new() { ["registryType"] = "oci", ["limit"] = 100 });

        Assert.Equal(Versions(rest), Versions(tool));
        Assert.Contains(("io.github.example/database-manager", "3.1.0"), Versions(oci));
        Assert.All(oci["servers"]!.AsArray(), s => Assert.Contains(s!["server"]!["packages"]!.AsArray(), p => p!["registryType"]!.GetValue<string>() == "oci"));
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
