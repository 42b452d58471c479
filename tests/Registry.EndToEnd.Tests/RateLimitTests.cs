using System.Net;
using System.Text.Json;

namespace Registry.EndToEnd.Tests;

/// <summary>The per-client limit, on a gateway of its own with a small bucket so the test is quick.</summary>
[Collection(RegistryAppCollection.Name)]
public class RateLimitTests(RegistryAppFixture registry)
{
    [Fact]
    public async Task ABurstBeyondTheBucketIsRefusedWithRetryAfterWhileHealthStaysOpen()
    {
        await using var gateway = await ExtraGateway.StartAsync(registry.App,
            "--Registry:RateLimit:RequestsPerMinute=6", "--Registry:RateLimit:Burst=3");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await gateway.Client.GetAsync("/v0/servers?limit=1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await gateway.Client.GetAsync("/v0/servers?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(seconds, 1, 10);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too Many Requests", problem.GetProperty("title").GetString());

        using var publishRefused = await gateway.Client.PostAsync("/v0/auth/none", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, publishRefused.StatusCode);
        foreach (var exempt in new[] { "/v0/health", "/v0.1/health", "/v0/ping", "/health" })
        {
            using var health = await gateway.Client.GetAsync(exempt);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(seconds + 0.5));
        using var again = await gateway.Client.GetAsync("/v0/servers?limit=1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
