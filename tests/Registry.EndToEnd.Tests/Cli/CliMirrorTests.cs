using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Cli;

/// <summary><c>mirror status</c> against a registry that mirrors an upstream.</summary>
[Collection(MirroringRegistryCollection.Name)]
public sealed class CliMirrorTests(MirroringRegistryFixture registry)
{
    [Fact]
    public async Task MirrorStatusShowsTheUpstreamFromTheMirrorItselfAndThroughTheGateway()
    {
        var cli = new CliHarness(registry);
        var mirror = registry.App.GetEndpoint("mirror", "http").ToString();
        var gateway = new Uri(registry.App.GetEndpoint("gateway", "http"), "/v0.1/x/dev.mcpregistry/mirror").ToString();

        var table = await cli.RunAsync("mirror", "status", "--mirror", mirror);
        var json = await cli.RunAsync("mirror", "status", "--mirror", gateway, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(table.Out.Split('\n'), l => l.Contains("upstream") && l.Contains(registry.Upstream.BaseUrl.TrimEnd('/')));
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.StartsWith(registry.Upstream.BaseUrl.TrimEnd('/'), JsonNode.Parse(json.Out)!["upstream"]!.GetValue<string>());
    }
}
