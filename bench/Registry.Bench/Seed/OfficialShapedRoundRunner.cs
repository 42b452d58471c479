using Registry.Bench.Load;
using Registry.Bench.Report;
using Registry.Bench.Stack;

namespace Registry.Bench.Seed;

/// <summary>
/// The official-shaped round: the catalog seeded through the migration service into a fresh stack (as the sizes are),
/// then the read scenarios that matter for a catalog of that shape, with wrk as in <see cref="RoundRunner"/>: the
/// floor, the cached list, the uncached list, one version, and ranked search from 64 and from 4 connections.
/// </summary>
public sealed class OfficialShapedRoundRunner(BenchOptions options, ReleaseOutputs outputs, Wrk wrk, HttpClient http, TextWriter log)
{
    private const string Tag = "[official-shaped]";

    public async Task<OfficialShapedRoundResult> RunAsync(OfficialShapedCatalog catalog, string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var seedFile = Path.Combine(workDirectory, "seed.json");
        await OfficialShapedSeedWriter.WriteAsync(catalog, seedFile, cancellationToken);
        log.WriteLine($"{Tag} load average before start: {LoadAverage()}");
        log.WriteLine($"{Tag} starting PostgreSQL, the cache, migrations + seed ({catalog.Entries.Count:N0} versions), services and gateways");
        await using var stack = await RegistryStack.StartAsync(outputs, seedFile, http, cancellationToken);
        log.WriteLine($"{Tag} seeded in {stack.SeedDuration.TotalSeconds:0.0} s: {stack.SeedLog}");
        await using (var analyze = stack.Database.CreateCommand("VACUUM ANALYZE servers, server_names"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        var paths = await RequestPaths.WriteAsync(stack.Database, workDirectory, cancellationToken);
        var bodyFile = Path.Combine(workDirectory, "floor-body.json");
        await File.WriteAllBytesAsync(bodyFile, await OkResponses.GetBytesAsync(http, new Uri(stack.CachedGateway, Scenarios.CachedListPath), cancellationToken), cancellationToken);
        await stack.StartFloorAsync(outputs, bodyFile, http, cancellationToken);
        var rankedSearches = await RankedSearchPaths.WriteAsync(http, stack.UncachedGateway, workDirectory, cancellationToken);

        var scenarios = new List<ScenarioResult>
        {
            await MeasureAsync(Scenarios.Floor, new Uri(stack.Floor, Scenarios.CachedListPath), "fixed.lua", [], cancellationToken),
            await MeasureAsync(Scenarios.CachedList, new Uri(stack.CachedGateway, Scenarios.CachedListPath), "fixed.lua", [], cancellationToken),
            await MeasureAsync(Scenarios.UncachedList, stack.UncachedGateway, "paths.lua", [paths.ListCursors], cancellationToken),
            await MeasureAsync(Scenarios.GetVersion, stack.UncachedGateway, "paths.lua", [paths.Versions], cancellationToken),
            await MeasureAsync(Scenarios.RankedSearch, stack.UncachedGateway, "paths-statuses.lua", [rankedSearches], cancellationToken),
            await MeasureAsync(Scenarios.RankedSearchFewClients, stack.UncachedGateway, "paths-statuses.lua", [rankedSearches], cancellationToken,
                Scenarios.FewClients),
        };

        var label = $"official-shaped {catalog.Servers / 1000:N0}k servers / {catalog.Entries.Count / 1000:N0}k versions";
        return new OfficialShapedRoundResult(label, stack.SeedDuration, stack.SeedLog, scenarios, StackMemory.Read(stack));
    }

    /// <summary>A warm-up with few connections, a pause for what it left in flight, then the measured run.</summary>
    private async Task<ScenarioResult> MeasureAsync(
        string name, Uri target, string script, IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        int connections = BenchOptions.Connections)
    {
        log.WriteLine($"{Tag} {name}: warm-up {options.WarmupSeconds} s, then {options.DurationSeconds} s");
        await wrk.RunAsync(target, script, arguments, options.WarmupSeconds, cancellationToken, BenchOptions.WarmupConnections);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var result = await wrk.RunAsync(target, script, arguments, options.DurationSeconds, cancellationToken, connections);
        return new ScenarioResult(name, target.GetLeftPart(UriPartial.Authority), result);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
