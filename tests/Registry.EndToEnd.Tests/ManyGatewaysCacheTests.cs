using System.Text.Json;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Gateways keep the cache's generation tokens in memory; a write through any of them must still be visible through
/// every other at once, while all of them are being read.
/// </summary>
[Collection(RegistryAppCollection.Name)]
public class ManyGatewaysCacheTests(RegistryAppFixture registry)
{
    /// <summary>The readers below ask as fast as they can, from one address.</summary>
    private const string Unlimited = "--Registry:RateLimit:Enabled=false";

    [Fact]
    public async Task AWriteThroughOneOfThreeGatewaysIsReadThroughTheOthersAtOnceWhileTheyAreBeingRead()
    {
        await using var second = await ExtraGateway.StartAsync(registry.App, Unlimited);
        await using var third = await ExtraGateway.StartAsync(registry.App, Unlimited);
        HttpClient[] gateways = [registry.Gateway, second.Client, third.Client];
        var token = await new Publisher(registry.Gateway).AnonymousTokenAsync();
        var name = (string)Publisher.NewServer("1.0.0")["name"]!;
        (await new Publisher(registry.Gateway).PublishAsync(Publisher.NewServer("1.0.0", name), token)).EnsureSuccessStatusCode();
        var latest = $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/latest";
        var versions = $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions";
        var search = $"/v0.1/servers?search={Uri.EscapeDataString(name)}";

        using var stop = new CancellationTokenSource();
        var background = gateways.Select(gateway => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                using var response = await gateway.GetAsync(reads++ % 2 == 0 ? latest : search, CancellationToken.None);
                response.EnsureSuccessStatusCode();
            }

            return reads;
        })).ToArray();

        try
        {
            for (var major = 2; major <= 10; major++)
            {
                var writer = gateways[major % gateways.Length];
                (await new Publisher(writer).PublishAsync(Publisher.NewServer($"{major}.0.0", name), token)).EnsureSuccessStatusCode();

                // Every gateway at the same moment, each through all three cached shapes of the name.
                var reads = await Task.WhenAll(gateways.SelectMany(gateway => new[] { latest, versions, search }
                    .Select(path => ResponseCacheTests.ReadAsync(gateway, path))));
                foreach (var (body, _) in reads)
                {
                    Assert.Contains($"{major}.0.0", VersionsIn(body));
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.All(await Task.WhenAll(background), reads => Assert.True(reads > 0));
        foreach (var gateway in gateways)
        {
            await ResponseCacheTests.ReadAsync(gateway, latest);
            Assert.Equal("hit", (await ResponseCacheTests.ReadAsync(gateway, latest)).Cache);
        }
    }

    private static IEnumerable<string?> VersionsIn(JsonElement body) =>
        body.TryGetProperty("servers", out var servers)
            ? servers.EnumerateArray().Select(entry => entry.GetProperty("server").GetProperty("version").GetString())
            : [body.GetProperty("server").GetProperty("version").GetString()];
}
