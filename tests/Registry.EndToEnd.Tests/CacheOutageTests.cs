using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.EndToEnd.Tests;

/// <summary>Redis is a cache only: losing it mid-run costs speed, never an error or a stale answer.</summary>
[Collection(RegistryAppCollection.Name)]
public class CacheOutageTests(RegistryAppFixture registry)
{
    private const string CacheServer = "cache-server";
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ReadsAndWritesGoOnWithoutRedisAndTheCacheIsUsedAgainWhenItReturns()
    {
        var publisher = new Publisher(registry.Gateway);
        var token = await publisher.AnonymousTokenAsync();
        var server = Publisher.NewServer("1.0.0");
        var name = (string)server["name"]!;
        (await publisher.PublishAsync(server, token)).EnsureSuccessStatusCode();
        var latest = $"/v0/servers/{Uri.EscapeDataString(name)}/versions/latest";
        await ResponseCacheTests.ReadAsync(registry.Gateway, latest);
        Assert.Equal("hit", (await ResponseCacheTests.ReadAsync(registry.Gateway, latest)).Cache);

        await RunCommandAsync(KnownResourceCommands.StopCommand);
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var read = await ResponseCacheTests.ReadAsync(registry.Gateway, latest);
                Assert.Equal("bypass", read.Cache);
                using var page = await registry.Gateway.GetAsync("/v0/servers?limit=100");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            using var published = await publisher.PublishAsync(Publisher.NewServer("2.0.0", name), token);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            var afterWrite = await ResponseCacheTests.ReadAsync(registry.Gateway, latest);
            Assert.Equal("2.0.0", afterWrite.Body.GetProperty("server").GetProperty("version").GetString());
        }
        finally
        {
            await RunCommandAsync(KnownResourceCommands.StartCommand);
        }

        using var timeout = new CancellationTokenSource(RecoveryTimeout);
        await registry.App.ResourceNotifications.WaitForResourceHealthyAsync(CacheServer, timeout.Token);
        while (true)
        {
            var read = await ResponseCacheTests.ReadAsync(registry.Gateway, latest);
            Assert.Equal("2.0.0", read.Body.GetProperty("server").GetProperty("version").GetString());
            if (read.Cache == "hit")
            {
                break;
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    private async Task RunCommandAsync(string command)
    {
        var commands = registry.App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(CacheServer, command);
        Assert.True(result.Success, $"{command} on {CacheServer} failed: {result.Message}");
    }
}
