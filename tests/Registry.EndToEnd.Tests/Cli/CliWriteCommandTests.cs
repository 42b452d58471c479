using System.Text.Json.Nodes;
using Registry.Cli;

namespace Registry.EndToEnd.Tests.Cli;

/// <summary>Publishing, validating and status changes through the CLI, checked through the REST API.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class CliWriteCommandTests(RegistryAppFixture registry) : IDisposable
{
    private readonly CliHarness cli = new(registry);
    private readonly Publisher publisher = new(registry.Gateway);
    private readonly string folder = Directory.CreateTempSubdirectory("registry-cli-e2e-").FullName;

    [Fact]
    public async Task PublishWithAnAnonymousLoginStoresTheVersionTheRestApiThenServes()
    {
        var document = Publisher.NewServer("1.2.3");
        var name = document["name"]!.GetValue<string>();

        var run = await cli.RunAsync("publish", WriteFile(document), "--login", "anonymous", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("1.2.3", JsonNode.Parse(run.Out)!["server"]!["version"]!.GetValue<string>());
        var stored = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/servers/{Uri.EscapeDataString(name)}/versions/1.2.3"))!;
        Assert.Equal("End-to-end test server", stored["server"]!["description"]!.GetValue<string>());
        var got = await cli.RunAsync("servers", "get", name);
        Assert.Contains(got.Out.Split('\n'), l => l.Contains("Latest") && l.Contains("yes"));
    }

    [Fact]
    public async Task ATokenFromLoginIsAcceptedByPublishThroughTheVariableOrTheOption()
    {
        var login = await cli.RunAsync("login", "anonymous");
        var token = login.Out.Trim();
        var document = Publisher.NewServer("1.0.0");

        var run = await cli.RunAsync("publish", WriteFile(document), "--token", token);

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Published {document["name"]} 1.0.0.", run.Err);
    }

    [Fact]
    public async Task ValidatingABadDocumentExitsNonZeroAndListsTheIssue()
    {
        var document = Publisher.NewServer("latest");

        var run = await cli.RunAsync("validate", WriteFile(document));
        var json = await cli.RunAsync("validate", WriteFile(document), "--json");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains(run.Out.Split('\n'), l => l.Contains("error") && l.Contains("version"));
        Assert.Contains("The document is invalid", run.Err);
        Assert.Equal(ExitCodes.Refused, json.ExitCode);
        Assert.False(JsonNode.Parse(json.Out)!["valid"]?.GetValue<bool>() ?? false);
        Assert.Contains(JsonNode.Parse(json.Out)!["issues"]!.AsArray(), i => i!["path"]?.GetValue<string>() == "version");
    }

    [Fact]
    public async Task ValidatingAGoodDocumentSucceedsAndStoresNothing()
    {
        var document = Publisher.NewServer();

        var run = await cli.RunAsync("validate", WriteFile(document));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The document is valid.", run.Err);
        using var stored = await registry.Gateway.GetAsync($"/v0/servers/{Uri.EscapeDataString(document["name"]!.GetValue<string>())}/versions");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task PublishingAnInvalidDocumentNamesEachFieldAndChangesNothing()
    {
        var document = Publisher.NewServer("1.0.0");
        document["websiteUrl"] = "not a url";

        var run = await cli.RunAsync("publish", WriteFile(document), "--login", "anonymous");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("error: ", run.Err);
        Assert.Contains("websiteUrl", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public async Task PublishingOutsideTheTokensNamespaceIsNotPermitted()
    {
        var document = Publisher.NewServer("1.0.0", name: $"io.github.someone-else/cli-{Guid.NewGuid():N}");

        var run = await cli.RunAsync("publish", WriteFile(document), "--login", "anonymous");

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
        Assert.StartsWith("error: Not permitted:", run.Err);
    }

    [Fact]
    public async Task AnInvalidTokenIsNotAuthenticated()
    {
        var run = await cli.RunAsync("publish", WriteFile(Publisher.NewServer()), "--token", "not-a-token");

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
        Assert.StartsWith("error: Not authenticated:", run.Err);
    }

    [Fact]
    public async Task AStatusChangeIsVisibleThroughTheRestApi()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");

        var run = await cli.RunAsync("status", name, "1.0.0", "--status", "deprecated", "--message", "Use 2.0.0", "--token", token);

        Assert.True(run.ExitCode == 0, run.ToString());
        var official = Publisher.Official(JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/servers/{Uri.EscapeDataString(name)}/versions/1.0.0"))!);
        Assert.Equal("deprecated", official["status"]!.GetValue<string>());
        Assert.Equal("Use 2.0.0", official["statusMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task AllVersionsChangeTogether()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");

        var run = await cli.RunAsync("status", name, "--all-versions", "--status", "deleted", "--message", "Retired", "--token", token, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, JsonNode.Parse(run.Out)!["updatedCount"]!.GetValue<int>());
        var versions = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/servers/{Uri.EscapeDataString(name)}/versions?include_deleted=true"))!;
        Assert.All(versions["servers"]!.AsArray(), v => Assert.Equal("deleted", Publisher.Official(v!)["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AStatusChangeWithNothingToChangeIsRefusedWithTheRegistrysReason()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");

        var run = await cli.RunAsync("status", name, "1.0.0", "--status", "active", "--token", token);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("No changes to apply", run.Err);
    }

    private string WriteFile(JsonNode document)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
