using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Registry.EndToEnd.Tests.Replicas;

[Collection(ReplicatedRegistryCollection.Name)]
public class ReplicaHealthTests(ReplicatedRegistryFixture registry)
{
    [Fact]
    public async Task EveryReplicaOfEachServiceRunsHealthyOnItsOwnAddress()
    {
        var addresses = new HashSet<Uri>();
        foreach (var replica in ReplicatedRegistryFixture.AllReplicas)
        {
            Assert.True(registry.App.ResourceNotifications.TryGetCurrentState(replica, out var state), $"{replica} is not a resource");
            Assert.Equal(KnownResourceStates.Running, state!.Snapshot.State?.Text);
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state.Snapshot.HealthStatus);

            var healthEndpoint = replica.StartsWith("gateway", StringComparison.Ordinal) ? "http" : "health";
            using var client = new HttpClient { BaseAddress = registry.App.GetEndpoint(replica, healthEndpoint) };
            using var health = await client.GetAsync("/health");
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"{replica}/health answered {(int)health.StatusCode}");
            Assert.True(addresses.Add(registry.App.GetEndpoint(replica, "http")), $"{replica} shares its address with another replica");
        }
    }

    [Fact]
    public async Task EachGatewayAnswersReadsAndWrites()
    {
        foreach (var gateway in registry.Gateways)
        {
            using var list = await gateway.GetAsync("/v0.1/servers?limit=1");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var publisher = new Publisher(gateway);
            var token = await publisher.AnonymousTokenAsync();
            using var published = await publisher.PublishAsync(Publisher.NewServer(), token);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }
    }
}
