using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Cli;

/// <summary>The CLI's reads over gRPC show what the REST API shows through the gateway.</summary>
[Collection(RegistryAppCollection.Name)]
public class CliReadCommandTests(RegistryAppFixture registry)
{
    private readonly CliHarness cli = new(registry);

    private static string SeedName => SampleSeed.Versions()[0].Name;

    [Fact]
    public async Task ListingEveryPageGivesTheSameVersionsAsTheRestApi()
    {
        var run = await cli.RunAsync("servers", "list", "--all", "--limit", "7", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var listed = Entries(JsonNode.Parse(run.Out)!["servers"]!);
        Assert.Equal(await RestListAsync(), listed);
        Assert.Superset(SampleSeed.Versions().ToHashSet(), listed.ToHashSet());
    }

    [Fact]
    public async Task OnePageIsATableOfTheFirstNamesWithTheCursorOfTheNextPage()
    {
        var run = await cli.RunAsync("servers", "list", "--limit", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rest = JsonNode.Parse(await registry.Gateway.GetStringAsync("/v0/servers?limit=3"))!;
        foreach (var (name, version) in Entries(rest["servers"]!))
        {
            Assert.Contains(run.Out.Split('\n'), line => line.Contains(name) && line.Contains(version));
        }

        Assert.Contains($"--cursor {rest["metadata"]!["nextCursor"]!.GetValue<string>()}", run.Err);
    }

    [Fact]
    public async Task SearchRanksAsTheRestSearchDoes()
    {
        var word = SeedName.Split('/')[1].Split('-')[0];

        var run = await cli.RunAsync("servers", "search", word, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rest = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/x/dev.mcpregistry/search?q={Uri.EscapeDataString(word)}"))!;
        Assert.NotEmpty(Entries(rest["servers"]!));
        Assert.Equal(Entries(rest["servers"]!), Entries(JsonNode.Parse(run.Out)!["servers"]!));
    }

    [Fact]
    public async Task GetShowsTheLatestVersionOfASeedServer()
    {
        var rest = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/servers/{Uri.EscapeDataString(SeedName)}/versions/latest"))!;

        var table = await cli.RunAsync("servers", "get", SeedName);
        var json = await cli.RunAsync("servers", "get", SeedName, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(rest["server"]!["description"]!.GetValue<string>(), table.Out);
        Assert.Contains(table.Out.Split('\n'), l => l.Contains("Version") && l.Contains(rest["server"]!["version"]!.GetValue<string>()));
        Assert.Equal(rest["server"]!["version"]!.GetValue<string>(), JsonNode.Parse(json.Out)!["server"]!["version"]!.GetValue<string>());
        Assert.Equal(Publisher.Official(rest)["publishedAt"]!.GetValue<string>(),
            JsonNode.Parse(json.Out)!["_meta"]!["io.modelcontextprotocol.registry/official"]!["publishedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task VersionsListsEveryVersionOfAServerAsTheRestApiDoes()
    {
        var publisher = new Publisher(registry.Gateway);
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0", "1.1.0", "2.0.0");

        var run = await cli.RunAsync("servers", "versions", name, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rest = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/servers/{Uri.EscapeDataString(name)}/versions"))!;
        Assert.Equal(Entries(rest["servers"]!), Entries(JsonNode.Parse(run.Out)!["servers"]!));
        Assert.Equal(3, Entries(rest["servers"]!).Count);
    }

    [Fact]
    public async Task AServerThatDoesNotExistIsNotFoundWithTheRefusedCode()
    {
        var run = await cli.RunAsync("servers", "get", $"{Publisher.AnonymousNamespace}/never-{Guid.NewGuid():N}");

        Assert.Equal(Registry.Cli.ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("error: Not found:", run.Err);
        Assert.Equal("", run.Out);
    }

    private async Task<List<(string Name, string Version)>> RestListAsync()
    {
        var all = new List<(string, string)>();
        var path = "/v0/servers?limit=100";
        while (true)
        {
            var page = JsonNode.Parse(await registry.Gateway.GetStringAsync(path))!;
            all.AddRange(Entries(page["servers"]!));
            if (page["metadata"]?["nextCursor"]?.GetValue<string>() is not { } cursor)
            {
                return all;
            }

            path = $"/v0/servers?limit=100&cursor={Uri.EscapeDataString(cursor)}";
        }
    }

    private static List<(string Name, string Version)> Entries(JsonNode servers) =>
        servers.AsArray().Select(e => (e!["server"]!["name"]!.GetValue<string>(), e["server"]!["version"]!.GetValue<string>())).ToList();
}
