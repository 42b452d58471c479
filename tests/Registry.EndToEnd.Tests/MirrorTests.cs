using System.Net;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

[Collection(MirroringRegistryCollection.Name)]
public class MirrorTests(MirroringRegistryFixture registry)
{
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(60);
    private readonly Publisher publisher = new(registry.Gateway);

    /// <summary>The versions of <paramref name="name"/> the gateway lists, as "version:status:latest".</summary>
    private async Task<string[]> ListedAsync(string name, bool includeDeleted)
    {
        var page = JsonNode.Parse(await registry.Gateway.GetStringAsync(
            $"/v0.1/servers?search={Uri.EscapeDataString(name)}&include_deleted={(includeDeleted ? "true" : "false")}"))!;
        return page["servers"]!.AsArray()
            .Select(s => (Server: s!["server"]!, Official: s["_meta"]![OfficialKey]!))
            .Where(s => s.Server["name"]!.GetValue<string>() == name)
            .Select(s => $"{s.Server["version"]!.GetValue<string>()}:{s.Official["status"]!.GetValue<string>()}:{s.Official["isLatest"]!.GetValue<bool>()}")
            .ToArray();
    }

    private async Task ListedEventuallyAsync(string name, bool includeDeleted, params string[] expected)
    {
        var deadline = DateTime.UtcNow + CatchUpTimeout;
        string[] listed;
        while (!(listed = await ListedAsync(name, includeDeleted)).SequenceEqual(expected))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The gateway still lists [{string.Join(", ", listed)}] for {name}, not [{string.Join(", ", expected)}].");
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task UpstreamPublishesDeprecationsAndDeletionsReachTheGatewayAndTheChangeFeed()
    {
        var name = $"com.example.upstream/e2e-{Guid.NewGuid():N}";
        using var feed = new ChangeFeedClient(registry);
        var start = await feed.EndAsync();
        // Read before anything is mirrored, so that a stale cached page would show if the mirror did not invalidate.
        Assert.Empty(await ListedAsync(name, includeDeleted: true));

        registry.Upstream.Publish(name, "1.0.0");
        await ListedEventuallyAsync(name, false, "1.0.0:active:True");

        registry.Upstream.Publish(name, "1.1.0");
        registry.Upstream.Deprecate(name, "1.0.0", "use 1.1.0");
        await ListedEventuallyAsync(name, false, "1.0.0:deprecated:False", "1.1.0:active:True");
        var version = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/1.0.0"))!;
        Assert.Equal("use 1.1.0", version["_meta"]![OfficialKey]!["statusMessage"]!.GetValue<string>());

        registry.Upstream.Delete(name, "1.1.0");
        await ListedEventuallyAsync(name, false, "1.0.0:deprecated:False");
        Assert.Equal(["1.0.0:deprecated:False", "1.1.0:deleted:True"], await ListedAsync(name, includeDeleted: true));
        // Each state the mirror took once, whichever passes saw them (the second publish and the deprecation may come together).
        var logged = (await feed.ReadAfterAsync(start)).Where(c => c.Name == name).Select(c => $"{c.Version}:{c.Kind}:{c.Status}");
        Assert.Equal(
            ["1.0.0:mirrored:active", "1.0.0:mirrored:deprecated", "1.1.0:mirrored:active", "1.1.0:mirrored:deleted"],
            logged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ALocalPublishStatusChangeOrDeleteOfAMirroredNameIsRefused()
    {
        var name = $"{Publisher.AnonymousNamespace}/mirrored-{Guid.NewGuid():N}";
        registry.Upstream.Publish(name, "1.0.0");
        await ListedEventuallyAsync(name, false, "1.0.0:active:True");
        var token = await publisher.AnonymousTokenAsync();

        using var publish = await publisher.PublishAsync(Publisher.NewServer("2.0.0", name), token);
        using var status = await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated" }, token);
        using var delete = await publisher.DeleteAsync(name, "1.0.0", token);
        using var local = await publisher.PublishAsync(Publisher.NewServer(), token);

        var problem = await ProblemAssert.IsProblemAsync(publish, HttpStatusCode.BadRequest, "Bad Request");
        Assert.Equal("Failed to publish server", problem.GetProperty("detail").GetString());
        Assert.Contains("mirrored from an upstream registry", problem.GetProperty("errors")[0].GetProperty("message").GetString());
        await ProblemAssert.IsProblemAsync(status, HttpStatusCode.BadRequest, "Bad Request");
        var deleteProblem = await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.BadRequest, "Bad Request");
        Assert.Contains("mirrored from an upstream registry", deleteProblem.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(["1.0.0:active:True"], await ListedAsync(name, includeDeleted: true));
    }

    [Fact]
    public async Task TheMirrorReportsItsUpstreamAndLastSuccessfulSync()
    {
        var deadline = DateTime.UtcNow + CatchUpTimeout;
        JsonNode status;
        while ((status = JsonNode.Parse(await registry.Gateway.GetStringAsync("/v0/x/dev.mcpregistry/mirror"))!)["lastSuccessfulSyncAt"] is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the mirror never completed a pass");
            await Task.Delay(200);
        }

        Assert.Equal(registry.Upstream.BaseUrl, status["upstream"]!.GetValue<string>());
        Assert.True(status["enabled"]!.GetValue<bool>());
        Assert.NotNull(status["position"]);
        Assert.Equal(status["upstream"]!.GetValue<string>(),
            JsonNode.Parse(await registry.Gateway.GetStringAsync("/v0.1/x/dev.mcpregistry/mirror"))!["upstream"]!.GetValue<string>());
    }
}
