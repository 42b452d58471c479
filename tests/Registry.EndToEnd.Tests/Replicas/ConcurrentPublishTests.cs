using System.Net;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Replicas;

/// <summary>
/// Writes through both gateways at once reach both publish replicas; the database decides, so the outcome is the
/// same as through one process.
/// </summary>
[Collection(ReplicatedRegistryCollection.Name)]
public class ConcurrentPublishTests(ReplicatedRegistryFixture registry)
{
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";
    private const int Publishes = 20;

    [Fact]
    public async Task DistinctVersionsPublishedAtOnceThroughBothGatewaysAreAllListedWithTheHighestAloneLatest()
    {
        var token = await new Publisher(registry.Gateways[0]).AnonymousTokenAsync();
        var name = Publisher.NewServer()["name"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, Publishes).Select(i =>
            ThroughGateway(i).PublishAsync(Publisher.NewServer($"3.{i}.0", name), token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var gateway in registry.Gateways)
        {
            var versions = JsonNode.Parse(await gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions"))!["servers"]!.AsArray();
            Assert.Equal(
                Enumerable.Range(0, Publishes).Select(i => $"3.{i}.0").Order(StringComparer.Ordinal),
                versions.Select(v => v!["server"]!["version"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            var latest = Assert.Single(versions, v => v!["_meta"]![OfficialKey]!["isLatest"]!.GetValue<bool>());
            Assert.Equal($"3.{Publishes - 1}.0", latest!["server"]!["version"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task OneVersionPublishedAtOnceThroughBothGatewaysSucceedsOnceAndConflictsOtherwise()
    {
        var token = await new Publisher(registry.Gateways[0]).AnonymousTokenAsync();
        var document = Publisher.NewServer();

        var responses = await Task.WhenAll(Enumerable.Range(0, Publishes).Select(i => ThroughGateway(i).PublishAsync(document, token)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(Publishes - 1, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        foreach (var gateway in registry.Gateways)
        {
            var versions = JsonNode.Parse(await gateway.GetStringAsync(
                $"/v0.1/servers/{Uri.EscapeDataString(document["name"]!.GetValue<string>())}/versions"))!["servers"]!.AsArray();
            Assert.Single(versions);
        }
    }

    private Publisher ThroughGateway(int request) => new(registry.Gateways[request % registry.Gateways.Count]);
}
