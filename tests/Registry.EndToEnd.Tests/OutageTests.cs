using System.Diagnostics;
using System.Net;
using Npgsql;
using Registry.Testing;
using Xunit.Abstractions;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Mixed load while the database, then the cache, is killed as a crash would (SIGKILL): what was acknowledged is kept,
/// cached reads never fail, everything else gets a prompt 503, health says so, and the AppHost starts the process
/// again on its own so that the registry serves writes again within seconds. The figures go to the test output.
/// </summary>
[Collection(OutageRegistryCollection.Name)]
public class OutageTests(OutageRegistryFixture registry, ITestOutputHelper output)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WhileTheDatabaseIsDownCachedReadsAreServedAndEverythingElseGetsAPrompt503UntilItComesBackByItself()
    {
        var (load, _) = await StartLoadAsync();
        var connection = await registry.DatabaseConnectionStringAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var killedAt = DateTimeOffset.UtcNow;
        ListeningProcess.Kill(new NpgsqlConnectionStringBuilder(connection).Port);
        var degradedAt = await WaitForHealthAsync(HttpStatusCode.ServiceUnavailable);
        var databaseBackAt = await WaitForDatabaseAsync(connection);
        var healthyAt = await WaitForHealthAsync(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await load.StopAsync();

        var samples = load.Samples.ToList();
        var outage = samples.Where(s => s.StartedAt >= killedAt && s.StartedAt < databaseBackAt).ToList();
        var cached = samples.Where(s => s.Kind == MixedLoad.Kind.CachedRead).ToList();
        var others = samples.Where(s => s.Kind != MixedLoad.Kind.CachedRead).ToList();
        var firstWriteAfter = samples.Where(s => s.Kind == MixedLoad.Kind.Publish && MixedLoad.Succeeded(s) && s.StartedAt >= databaseBackAt)
            .Select(s => s.StartedAt + s.Took).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        output.WriteLine($"requests {samples.Count}, during the outage {outage.Count}; database down {(databaseBackAt - killedAt).TotalSeconds:0.0} s; " +
            $"health degraded after {(degradedAt - killedAt).TotalSeconds:0.0} s, healthy {(healthyAt - databaseBackAt).TotalSeconds:0.0} s after the database; " +
            $"first write {(firstWriteAfter - databaseBackAt).TotalSeconds:0.0} s after it");
        output.WriteLine($"cached reads {cached.Count}: {Tally(cached)}; slowest {cached.Max(s => s.Took).TotalMilliseconds:0} ms");
        output.WriteLine($"other requests {others.Count}: {Tally(others)}; slowest 503 {others.Where(s => s.Status == 503).Select(s => s.Took.TotalMilliseconds).DefaultIfEmpty().Max():0} ms");

        Assert.All(cached, s => Assert.True(MixedLoad.Succeeded(s), Describe(s)));
        Assert.Contains(cached, s => s.Cache == "stale" && s.StartedAt >= killedAt);
        Assert.All(others, s => Assert.True(MixedLoad.Succeeded(s) || (s.Status == 503 && s.Took < Prompt), Describe(s)));
        Assert.Contains(outage, s => s.Kind == MixedLoad.Kind.Publish && s.Status == 503);
        Assert.Contains(outage, s => s.Kind == MixedLoad.Kind.UncachedRead && s.Status == 503);
        Assert.True(firstWriteAfter - databaseBackAt < TimeSpan.FromSeconds(10), $"writes came back {(firstWriteAfter - databaseBackAt).TotalSeconds:0.0} s after the database");
        await AssertAcknowledgedPublishesAreStoredAsync(samples, connection);
    }

    [Fact]
    public async Task WhileTheCacheIsDownEveryRequestSucceedsAndTheCacheIsUsedAgainOnceItIsBack()
    {
        var (load, cachedPaths) = await StartLoadAsync();
        var cache = await registry.App.GetConnectionStringAsync("cache") ?? throw new InvalidOperationException("No cache connection string.");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var killedAt = DateTimeOffset.UtcNow;
        ListeningProcess.Kill(int.Parse(cache.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture));
        var hitAgainAt = await WaitForCacheHitAsync(cachedPaths[0], killedAt);
        await load.StopAsync();

        var samples = load.Samples.ToList();
        output.WriteLine($"requests {samples.Count}: {Tally(samples)}; cache hits again {(hitAgainAt - killedAt).TotalSeconds:0.0} s after the kill; " +
            $"slowest {samples.Max(s => s.Took).TotalMilliseconds:0} ms");
        Assert.All(samples, s => Assert.True(MixedLoad.Succeeded(s), Describe(s)));
        Assert.Contains(samples, s => s.Cache == "bypass" && s.StartedAt >= killedAt);
        await AssertAcknowledgedPublishesAreStoredAsync(samples, await registry.DatabaseConnectionStringAsync());
    }

    /// <summary>
    /// Six clients: per-name reads of sample names (cached, and never written), new searches, new publishes. Each kind
    /// of request is made once before, so that what is measured is the registry, not its first compilation of a path.
    /// </summary>
    private async Task<(MixedLoad Load, IReadOnlyList<string> CachedPaths)> StartLoadAsync()
    {
        await WaitForHealthAsync(HttpStatusCode.OK);
        var publisher = new Publisher(registry.Gateway);
        var token = await publisher.AnonymousTokenAsync();
        for (var i = 0; i < 3; i++)
        {
            (await publisher.PublishAsync(Publisher.NewServer(), token)).EnsureSuccessStatusCode();
            (await registry.Gateway.GetAsync($"/v0.1/servers?limit=5&search=warm-up-{Guid.NewGuid():N}")).EnsureSuccessStatusCode();
        }

        var cachedPaths = SampleSeed.Documents().Take(3)
            .Select(d => Uri.EscapeDataString(d["name"]!.GetValue<string>()))
            .SelectMany(name => new[] { $"/v0.1/servers/{name}/versions/latest", $"/v0.1/servers/{name}/versions" })
            .ToList();
        foreach (var path in cachedPaths)
        {
            (await registry.Gateway.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var load = new MixedLoad(registry.NewGatewayClient, token, cachedPaths);
        load.Start(clients: 6);
        return (load, cachedPaths);
    }

    private async Task<DateTimeOffset> WaitForHealthAsync(HttpStatusCode wanted)
    {
        using var client = registry.NewGatewayClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Recovery)
        {
            try
            {
                using var health = await client.GetAsync("/v0/health");
                if (health.StatusCode == wanted)
                {
                    return DateTimeOffset.UtcNow;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"/v0/health did not answer {(int)wanted} within {Recovery.TotalSeconds:0} s.");
    }

    private static async Task<DateTimeOffset> WaitForDatabaseAsync(string connection)
    {
        var probe = new NpgsqlConnectionStringBuilder(connection) { Pooling = false, Timeout = 1 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Recovery)
        {
            try
            {
                await using var database = new NpgsqlConnection(probe);
                await database.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT 1", database);
                await command.ExecuteScalarAsync();
                return DateTimeOffset.UtcNow;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"PostgreSQL did not come back within {Recovery.TotalSeconds:0} s.");
    }

    private async Task<DateTimeOffset> WaitForCacheHitAsync(string path, DateTimeOffset after)
    {
        using var client = registry.NewGatewayClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Recovery)
        {
            using var read = await client.GetAsync(path);
            if (DateTimeOffset.UtcNow - after > TimeSpan.FromSeconds(1)
                && read.Headers.TryGetValues("X-Registry-Cache", out var cache) && cache.First() == "hit")
            {
                return DateTimeOffset.UtcNow;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The cache did not answer {path} again within {Recovery.TotalSeconds:0} s.");
    }

    private static async Task AssertAcknowledgedPublishesAreStoredAsync(IReadOnlyList<MixedLoad.Sample> samples, string connection)
    {
        var acknowledged = samples.Where(s => s.Kind == MixedLoad.Kind.Publish && MixedLoad.Succeeded(s)).ToList();
        await using var database = new NpgsqlConnection(connection);
        await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM servers s JOIN unnest(@names, @versions) AS a(name, version) ON s.server_name = a.name AND s.version = a.version",
            database);
        command.Parameters.AddWithValue("names", acknowledged.Select(s => s.Name!).ToArray());
        command.Parameters.AddWithValue("versions", acknowledged.Select(s => s.Version!).ToArray());

        Assert.NotEmpty(acknowledged);
        Assert.Equal(acknowledged.Count, (long)(await command.ExecuteScalarAsync())!);
    }

    private static string Tally(IEnumerable<MixedLoad.Sample> samples) =>
        string.Join(", ", samples.GroupBy(s => s.Status == 200 ? $"200 {s.Cache ?? ""}".TrimEnd() : s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));

    private static string Describe(MixedLoad.Sample s) =>
        $"{s.Kind} at {s.StartedAt:HH:mm:ss.fff} answered {s.Status} {s.Cache} in {s.Took.TotalMilliseconds:0} ms {s.Failure}";
}
