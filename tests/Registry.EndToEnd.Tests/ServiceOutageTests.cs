using System.Diagnostics;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.EndToEnd.Tests;

/// <summary>A service that is not running is named in a prompt 503, never a connection held open; it is served again once back.</summary>
[Collection(RegistryAppCollection.Name)]
public class ServiceOutageTests(RegistryAppFixture registry)
{
    private const string Verification = "verification";
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WhileAServiceIsDownItsRoutesAnswer503NamingItAndTheGatewayIsNotReady()
    {
        await RunCommandAsync(KnownResourceCommands.StopCommand);
        try
        {
            using var client = registry.NewGatewayClient();
            client.Timeout = TimeSpan.FromSeconds(10);
            var elapsed = Stopwatch.StartNew();
            using var login = await client.PostAsync("/v0/auth/none", null);

            var problem = await ProblemAssert.IsProblemAsync(login, HttpStatusCode.ServiceUnavailable, "Service Unavailable");
            Assert.Contains(Verification, problem.GetProperty("detail").GetString());
            Assert.True(login.Headers.RetryAfter is not null, "a 503 says when to try again");
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"the 503 took {elapsed.Elapsed}");
            using var read = await client.GetAsync("/v0.1/servers?limit=1");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            await WaitForGatewayHealthAsync(client, HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await RunCommandAsync(KnownResourceCommands.StartCommand);
        }

        using var recovered = registry.NewGatewayClient();
        await WaitForGatewayHealthAsync(recovered, HttpStatusCode.OK);
        using var again = await recovered.PostAsync("/v0/auth/none", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static async Task WaitForGatewayHealthAsync(HttpClient client, HttpStatusCode expected)
    {
        using var timeout = new CancellationTokenSource(RecoveryTimeout);
        while (true)
        {
            using var health = await client.GetAsync("/health", timeout.Token);
            if (health.StatusCode == expected)
            {
                return;
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    private async Task RunCommandAsync(string command)
    {
        var commands = registry.App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(Verification, command);
        Assert.True(result.Success, $"{command} on {Verification} failed: {result.Message}");
    }
}
