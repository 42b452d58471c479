using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Cli;

/// <summary><c>watch</c> streams the change feed as it happens.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class CliWatchTests(RegistryAppFixture registry)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
    private readonly CliHarness cli = new(registry);

    [Fact]
    public async Task WatchPrintsAChangePublishedWhileItRunsAndEndsCleanlyWhenInterrupted()
    {
        using var feed = new ChangeFeedClient(registry);
        var end = await feed.EndAsync();
        await using var watch = cli.Start("watch", "--from", end.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (_, name) = await new Publisher(registry.Gateway).PublishNewServerAsync("1.0.0");

        await watch.WaitForOutputAsync(o => o.Contains(name), ReadTimeout);
        Assert.Contains(watch.Out.Split('\n'), l => l.EndsWith($" published {name} 1.0.0 active"));
        Assert.Equal(0, await watch.InterruptAsync());
    }

    [Fact]
    public async Task WatchWithJsonWritesOneChangePerLineFromTheGivenSequence()
    {
        using var feed = new ChangeFeedClient(registry);
        var (token, name) = await new Publisher(registry.Gateway).PublishNewServerAsync("1.0.0");
        var after = (await feed.EndAsync()) - 1;
        await using var watch = cli.Start("watch", "--from", after.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        await watch.WaitForOutputAsync(o => o.Contains(name), ReadTimeout);
        await new Publisher(registry.Gateway).SetStatusAsync(name, "1.0.0", new { status = "deprecated" }, token);
        await watch.WaitForOutputAsync(o => o.Contains("status_changed"), ReadTimeout);

        var changes = watch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(after + 1, changes[0]["sequence"]!.GetValue<long>());
        Assert.Contains(changes, c => c["serverName"]!.GetValue<string>() == name && c["kind"]!.GetValue<string>() == "status_changed"
            && c["status"]!.GetValue<string>() == "deprecated");
    }
}
