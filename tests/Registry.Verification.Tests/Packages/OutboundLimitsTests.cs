using Microsoft.AspNetCore.Http;
using Registry.Testing.Fakes;
using Registry.Testing.Fakes.Packages;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

/// <summary>The shared outbound client's limits, seen through the npm check.</summary>
public class OutboundLimitsTests : IAsyncLifetime
{
    private static readonly PackageReference Weather = new("npm", null, "weather", "1.0.0", null);
    private FakeNpmRegistry npm = null!;

    public async Task InitializeAsync() => npm = await FakeNpmRegistry.StartAsync();

    public async Task DisposeAsync() => await npm.DisposeAsync();

    private PackageChecks Checks(Action<PackageOptions>? configure = null) => new(o =>
    {
        o.NpmBaseUrl = npm.BaseUrl;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task AResponseOverTheSizeCapIsRefused()
    {
        npm.Http.MapJson(HttpMethods.Get, "/weather/1.0.0", new { mcpName = PackageChecks.ServerName, padding = new string('x', 4096) });
        using var checks = Checks(o => o.MaxResponseBytes = 1024);

        Assert.Contains("is larger than 1024 bytes", await checks.RefusedAsync(Weather));
    }

    [Fact]
    public async Task AServerSlowerThanTheTimeoutIsRefused()
    {
        npm.Http.Map(HttpMethods.Get, "/weather/1.0.0", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        });
        using var checks = Checks(o => o.Timeout = TimeSpan.FromMilliseconds(300));

        Assert.Contains("did not answer within 0.3 s", await checks.RefusedAsync(Weather));
    }

    [Fact]
    public async Task ARedirectWithinTheRegistryHostIsFollowed()
    {
        npm.AddVersion("elsewhere", "1.0.0", PackageChecks.ServerName);
        npm.Http.MapRedirect("/weather/1.0.0", npm.BaseUrl + "/elsewhere/1.0.0");
        using var checks = Checks();

        Assert.Empty(await checks.CheckAsync(Weather));
        Assert.Equal(2, npm.Http.Requests.Count);
    }

    [Fact]
    public async Task ARedirectToAnotherHostIsFollowedOnlyWhenThatHostIsAllowed()
    {
        await using var storage = await FakeNpmRegistry.StartAsync();
        storage.AddVersion("stored", "1.0.0", PackageChecks.ServerName);
        var storageUrl = storage.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/stored/1.0.0";
        npm.Http.MapRedirect("/weather/1.0.0", storageUrl);
        using var strict = Checks();
        using var allowing = Checks(o => o.RedirectAllowedHosts = ["localhost"]);

        Assert.Contains("redirect to localhost, which is not allowed", await strict.RefusedAsync(Weather));
        Assert.Empty(storage.Http.Requests);
        Assert.Empty(await allowing.CheckAsync(Weather));
        Assert.Single(storage.Http.Requests);
    }

    [Fact]
    public async Task ARedirectLoopStops()
    {
        npm.Http.MapRedirect("/weather/1.0.0", npm.BaseUrl + "/weather/1.0.0");
        using var checks = Checks();

        Assert.Contains("a redirect that is not followed", await checks.RefusedAsync(Weather));
        Assert.Equal(4, npm.Http.Requests.Count);
    }

    [Fact]
    public async Task LoopbackIsRefusedUnlessPrivateAddressesAreAllowed()
    {
        npm.AddVersion("weather", "1.0.0", PackageChecks.ServerName);
        using var checks = Checks(o => o.AllowPrivateAddresses = false);

        Assert.Contains("could not be fetched", await checks.RefusedAsync(Weather));
        Assert.Empty(npm.Http.Requests);
    }
}
