using System.Diagnostics;
using System.Net;
using Registry.Testing;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// A service that does not run is named in a prompt 503, never a connection held open. A second gateway is pointed at
/// a port where nothing listens in place of the verification service, so the shared registry is not disturbed.
/// </summary>
[Collection(RegistryAppCollection.Name)]
public class ServiceOutageTests(RegistryAppFixture registry)
{
    [Fact]
    public async Task RoutesOfAServiceThatIsDownAnswer503NamingItAndTheGatewayIsNotReady()
    {
        await using var gateway = await ExtraGateway.StartAsync(registry.App, untilHealthy: false,
            $"--services:verification:http:0=http://127.0.0.1:{FreePort.Next()}");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var elapsed = Stopwatch.StartNew();
        using var login = await gateway.Client.PostAsync("/v0/auth/none", null, limit.Token);
        var problem = await ProblemAssert.IsProblemAsync(login, HttpStatusCode.ServiceUnavailable, "Service Unavailable");
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"the 503 took {elapsed.Elapsed}");

        Assert.Contains("verification", problem.GetProperty("detail").GetString());
        Assert.NotNull(login.Headers.RetryAfter);
        using var read = await gateway.Client.GetAsync("/v0.1/servers?limit=1");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var health = await gateway.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
