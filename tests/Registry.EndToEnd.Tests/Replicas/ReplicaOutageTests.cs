using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.EndToEnd.Tests.Replicas;

/// <summary>
/// A replica that stops leaves the others serving: once the gateways' probes of it fail (two probes, two seconds
/// apart), every request goes to the replica that runs. Until then a request sent to the stopped one is refused at
/// once and answered 503, which is why each test first waits for a run of successes.
/// </summary>
[Collection(ReplicatedRegistryCollection.Name)]
public class ReplicaOutageTests(ReplicatedRegistryFixture registry)
{
    private const int RequestsPerGateway = 20;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ReadsThroughEveryGatewayAndTheWebCatalogKeepWorkingWhileTheFirstCatalogReplicaIsStopped()
    {
        using var web = registry.App.CreateHttpClient("web", "http");
        await WhileStoppedAsync("catalog", async () =>
        {
            foreach (var gateway in registry.Gateways)
            {
                // A search no one made before misses the response cache, so the catalog answers it.
                await KeepsAnsweringAsync(() => gateway.GetAsync($"/v0.1/servers?search={Guid.NewGuid():N}"));
            }

            await KeepsAnsweringAsync(() => web.GetAsync("/"));
        });
    }

    [Fact]
    public async Task PublishesThroughEveryGatewayKeepWorkingWhileTheFirstPublishReplicaIsStopped()
    {
        var token = await new Publisher(registry.Gateways[0]).AnonymousTokenAsync();
        await WhileStoppedAsync("publish", async () =>
        {
            foreach (var gateway in registry.Gateways)
            {
                await KeepsAnsweringAsync(() => new Publisher(gateway).PublishAsync(Publisher.NewServer(), token));
            }
        });
    }

    [Fact]
    public async Task LoginsThroughEveryGatewayKeepWorkingWhileTheFirstVerificationReplicaIsStopped()
    {
        await WhileStoppedAsync("verification", async () =>
        {
            foreach (var gateway in registry.Gateways)
            {
                await KeepsAnsweringAsync(() => gateway.PostAsync("/v0/auth/none", null));
            }
        });
    }

    private async Task WhileStoppedAsync(string replica, Func<Task> exercise)
    {
        var health = registry.App.GetEndpoint(replica, "health");
        await RunCommandAsync(replica, KnownResourceCommands.StopCommand);
        try
        {
            using var client = new HttpClient { BaseAddress = health };
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/health"));
            await exercise();
        }
        finally
        {
            await RunCommandAsync(replica, KnownResourceCommands.StartCommand);
            using var timeout = new CancellationTokenSource(RestartTimeout);
            await registry.App.ResourceNotifications.WaitForResourceHealthyAsync(replica, timeout.Token);
        }
    }

    /// <summary>Waits until requests succeed, then sends more and expects every one to succeed.</summary>
    private static async Task KeepsAnsweringAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var settle = new CancellationTokenSource(SettleTimeout);
        for (var successes = 0; successes < 5;)
        {
            using var response = await send();
            successes = response.IsSuccessStatusCode ? successes + 1 : 0;
            if (successes == 0)
            {
                Assert.False(settle.IsCancellationRequested, $"no run of successes within {SettleTimeout}; last answer {(int)response.StatusCode}");
                await Task.Delay(200);
            }
        }

        for (var request = 0; request < RequestsPerGateway; request++)
        {
            using var response = await send();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {request} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task RunCommandAsync(string resource, string command)
    {
        var result = await registry.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} on {resource} failed: {result.Message}");
    }
}
