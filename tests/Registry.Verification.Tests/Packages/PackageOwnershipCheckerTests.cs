using Registry.Testing.Fakes.Packages;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

public class PackageOwnershipCheckerTests : IAsyncLifetime
{
    private FakeNpmRegistry npm = null!;

    public async Task InitializeAsync() => npm = await FakeNpmRegistry.StartAsync();

    public async Task DisposeAsync() => await npm.DisposeAsync();

    [Fact]
    public async Task EachRefusalNamesThePackageIndexAndIdentifierInPackageOrder()
    {
        npm.AddVersion("owned", "1.0.0", PackageChecks.ServerName);
        npm.AddVersion("foreign", "1.0.0", "io.github.someone/else");
        using var checks = new PackageChecks(o =>
        {
            o.NpmBaseUrl = npm.BaseUrl;
            o.MaxConcurrentChecks = 2;
        });

        var failures = await checks.CheckAsync(
            new PackageReference("npm", null, "owned", "1.0.0", null),
            new PackageReference("npm", null, "foreign", "1.0.0", null),
            new PackageReference("gem", null, "weather", "1.0.0", null),
            new PackageReference("npm", null, "ghost", "1.0.0", null));

        Assert.Equal(
            [
                "registry validation failed for package 1 (foreign): npm package 'foreign@1.0.0' declares mcpName 'io.github.someone/else', not 'io.github.octo/weather'",
                "registry validation failed for package 2 (weather): unsupported registry type: gem",
                "registry validation failed for package 3 (ghost): npm package 'ghost' not found",
            ],
            failures);
    }

    [Fact]
    public async Task DisabledChecksPassEverythingWithoutAnyRequest()
    {
        using var checks = new PackageChecks(o =>
        {
            o.Enabled = false;
            o.NpmBaseUrl = npm.BaseUrl;
        });

        Assert.Empty(await checks.CheckAsync(
            new PackageReference("npm", null, "ghost", "1.0.0", null),
            new PackageReference("gem", null, "weather", null, null)));
        Assert.Empty(npm.Http.Requests);
    }

    [Fact]
    public async Task EachCheckLeavesOneEventWithTheRegistryTypeIdentifierAndOutcome()
    {
        npm.AddVersion("owned", "1.0.0", PackageChecks.ServerName);
        using var checks = new PackageChecks(o => o.NpmBaseUrl = npm.BaseUrl);

        await checks.CheckAsync(
            new PackageReference("npm", null, "owned", "1.0.0", null),
            new PackageReference("gem", null, "weather", "1.0.0", null));

        var events = checks.Logs.GetSnapshot().Where(r => r.Category == typeof(PackageOwnershipChecker).FullName).Select(r => r.Message).ToList();
        Assert.Equal(2, events.Count);
        Assert.Contains(events, m => m.StartsWith($"Package npm owned of {PackageChecks.ServerName} verified in ", StringComparison.Ordinal));
        Assert.Contains(events, m => m.StartsWith($"Package gem weather of {PackageChecks.ServerName} refused in ", StringComparison.Ordinal)
            && m.EndsWith(" ms: unsupported registry type: gem", StringComparison.Ordinal));
    }
}
