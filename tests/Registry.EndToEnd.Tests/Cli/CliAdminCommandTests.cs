using System.Text.Json.Nodes;
using Registry.Cli;

namespace Registry.EndToEnd.Tests.Cli;

/// <summary>
/// The operators' commands: annotations and the audit trail, with an administrator's OIDC login (annotate on
/// com.acme.registry/*, audit access).
/// </summary>
[Collection(RegistryAppCollection.Name)]
public sealed class CliAdminCommandTests(RegistryAppFixture registry)
{
    private const string ReviewKey = "com.acme.registry/review";
    private readonly CliHarness cli = new(registry);
    private readonly Publisher publisher = new(registry.Gateway);

    private string AdminIdToken() =>
        registry.World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = "admin" }, audience: OutsideWorld.AdminClientId);

    [Fact]
    public async Task AnAnnotationSetThroughTheCliIsListedServedInMetaAndRemoved()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0");
        var admin = AdminIdToken();

        var set = await cli.RunAsync("annotate", "set", name, ReviewKey, """{"verdict":"approved"}""", "--login", "oidc", "--oidc-token", admin);
        var list = await cli.RunAsync("annotate", "list", name, "--json");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.True(list.ExitCode == 0, list.ToString());
        var annotation = Assert.Single(JsonNode.Parse(list.Out)!["annotations"]!.AsArray());
        Assert.Equal(ReviewKey, annotation!["key"]!.GetValue<string>());
        Assert.Equal("approved", JsonNode.Parse(annotation["valueJson"]!.GetValue<string>())!["verdict"]!.GetValue<string>());
        var entry = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/servers/{Uri.EscapeDataString(name)}/versions/1.0.0"))!;
        Assert.Equal("approved", entry["_meta"]![ReviewKey]!["verdict"]!.GetValue<string>());

        var remove = await cli.RunAsync("annotate", "remove", name, ReviewKey, "--login", "oidc", "--oidc-token", admin);
        var after = await cli.RunAsync("annotate", "list", name, "--json");

        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Empty(JsonNode.Parse(after.Out)!["annotations"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task AVersionAnnotationIsShownAgainstItsVersion()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");

        var set = await cli.RunAsync("annotate", "set", name, ReviewKey, """{"verdict":"rejected"}""", "--version", "1.0.0",
            "--login", "oidc", "--oidc-token", AdminIdToken());
        var list = await cli.RunAsync("annotate", "list", name);

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains(list.Out.Split('\n'), l => l.Contains(ReviewKey) && l.Contains("1.0.0") && l.Contains("rejected"));
    }

    [Fact]
    public async Task AKeyOutsideTheAdministratorsPatternIsNotPermitted()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0");

        var run = await cli.RunAsync("annotate", "set", name, "org.other/review", """{"verdict":"approved"}""", "--login", "oidc", "--oidc-token", AdminIdToken());

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
        Assert.StartsWith("error: Not permitted:", run.Err);
    }

    [Fact]
    public async Task TheAuditTrailShowsAPublishMadeThroughTheCli()
    {
        var document = Publisher.NewServer("1.0.0");
        var name = document["name"]!.GetValue<string>();
        var file = Path.Combine(Path.GetTempPath(), $"cli-audit-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());
        try
        {
            Assert.Equal(0, (await cli.RunAsync("publish", file, "--login", "anonymous")).ExitCode);
        }
        finally
        {
            File.Delete(file);
        }

        var page = await cli.RunAsync("audit", "--name", name, "--action", "publish", "--json", "--login", "oidc", "--oidc-token", AdminIdToken());
        var table = await cli.RunAsync("audit", "--name", name, "--login", "oidc", "--oidc-token", AdminIdToken());

        Assert.True(page.ExitCode == 0, page.ToString());
        var audited = Assert.Single(JsonNode.Parse(page.Out)!["events"]!.AsArray());
        Assert.Equal("anonymous", audited!["actor"]!.GetValue<string>());
        Assert.Equal("succeeded", audited["outcome"]!.GetValue<string>());
        Assert.Contains(table.Out.Split('\n'), l => l.Contains(name) && l.Contains("publish") && l.Contains("succeeded"));
    }

    [Fact]
    public async Task TheExportIsOneJsonEventPerLine()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0", "1.1.0");

        var run = await cli.RunAsync("audit", "export", "--name", name, "--login", "oidc", "--oidc-token", AdminIdToken());

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["1.0.0", "1.1.0"], events.Where(e => e["action"]!.GetValue<string>() == "publish").Select(e => e["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ReadingTheAuditTrailWithoutTheAuditPermissionIsNotPermitted()
    {
        var run = await cli.RunAsync("audit", "--login", "anonymous");

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
    }
}
