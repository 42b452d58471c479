using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Registry.Bench.Report;
using Registry.Bench.Seed;
using Registry.Bench.Stack;

namespace Registry.Bench.Load;

/// <summary>
/// One catalog size: seed a fresh stack, measure every scenario with wrk (the web pages after the API reads), check
/// publishing, read memory.
/// </summary>
public sealed class RoundRunner(BenchOptions options, ReleaseOutputs outputs, Wrk wrk, HttpClient http, TextWriter log)
{
    public async Task<RoundResult> RunAsync(int versions, string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var seedFile = Path.Combine(workDirectory, "seed.json");
        log.WriteLine($"[{versions:N0}] writing the seed ({BenchCatalog.NameCount(versions):N0} names)");
        await SeedFileWriter.WriteAsync(seedFile, versions, cancellationToken);

        log.WriteLine($"[{versions:N0}] load average before start: {LoadAverage()}");
        log.WriteLine($"[{versions:N0}] starting PostgreSQL, the cache, migrations + seed, services and gateways");
        await using var stack = await RegistryStack.StartAsync(outputs, seedFile, http, cancellationToken);
        log.WriteLine($"[{versions:N0}] seeded in {stack.SeedDuration.TotalSeconds:0.0} s: {stack.SeedLog}");
        var analyze = await AnalyzeAsync(stack, cancellationToken);
        if (options.Serve)
        {
            await ServeAsync(stack, cancellationToken);
        }

        var paths = await RequestPaths.WriteAsync(stack.Database, workDirectory, cancellationToken);
        var bodyFile = Path.Combine(workDirectory, "floor-body.json");
        await File.WriteAllBytesAsync(bodyFile, await OkResponses.GetBytesAsync(http, new Uri(stack.CachedGateway, Scenarios.CachedListPath), cancellationToken), cancellationToken);
        await stack.StartFloorAsync(outputs, bodyFile, http, cancellationToken);

        var scenarios = new List<ScenarioResult>
        {
            await MeasureAsync(versions, Scenarios.Floor, new Uri(stack.Floor, Scenarios.CachedListPath), "fixed.lua", _ => [], cancellationToken),
            await MeasureAsync(versions, Scenarios.CachedList, new Uri(stack.CachedGateway, Scenarios.CachedListPath), "fixed.lua", _ => [], cancellationToken),
            await MeasurePathsAsync(versions, Scenarios.UncachedList, stack.UncachedGateway, paths.ListCursors, cancellationToken),
            await MeasurePathsAsync(versions, Scenarios.GetVersion, stack.UncachedGateway, paths.Versions, cancellationToken),
            await MeasurePathsAsync(versions, Scenarios.Search, stack.UncachedGateway, paths.Searches, cancellationToken),
            await MeasureAsync(versions, Scenarios.SearchFewClients, stack.UncachedGateway, "paths.lua", _ => [paths.Searches], cancellationToken,
                Scenarios.FewClients),
        };

        var rankedSearches = await RankedSearchPaths.WriteAsync(http, stack.UncachedGateway, workDirectory, cancellationToken);
        scenarios.Add(await MeasurePathsAsync(versions, Scenarios.RankedSearch, stack.UncachedGateway, rankedSearches, cancellationToken,
            "paths-statuses.lua"));
        scenarios.Add(await MeasureAsync(versions, Scenarios.RankedSearchFewClients, stack.UncachedGateway, "paths-statuses.lua", _ => [rankedSearches],
            cancellationToken, Scenarios.FewClients));

        var pages = await WebPagePaths.WriteAsync(http, stack.UncachedGateway, stack.Database, workDirectory, cancellationToken);
        foreach (var (many, few, cached, file) in new[]
                 {
                     (Scenarios.CatalogPage, Scenarios.CatalogPageFewClients, Scenarios.CachedCatalogPage, pages.CatalogPages),
                     (Scenarios.ServerPage, Scenarios.ServerPageFewClients, Scenarios.CachedServerPage, pages.ServerPages),
                 })
        {
            scenarios.Add(await MeasureAsync(versions, many, stack.UncachedGateway, "paths-statuses.lua", _ => [file], cancellationToken));
            scenarios.Add(await MeasureAsync(versions, few, stack.UncachedGateway, "paths-statuses.lua", _ => [file], cancellationToken,
                Scenarios.FewClients));
            scenarios.Add(await MeasureAsync(versions, cached, stack.CachedGateway, "paths-statuses.lua", _ => [file], cancellationToken));
        }

        var token = await AnonymousTokenAsync(stack.UncachedGateway, cancellationToken);
        scenarios.Add(await MeasureAsync(versions, Scenarios.Publish, new Uri(stack.UncachedGateway, "/v0.1/publish"), "publish.lua",
            run => [token, BenchCatalog.PublishNamePrefix, BenchCatalog.PublishNames.ToString(CultureInfo.InvariantCulture), run.ToString(CultureInfo.InvariantCulture)],
            cancellationToken));
        var publish = await PublishCheck.RunAsync(stack.Database, BenchCatalog.PublishNamePrefix, cancellationToken);

        return new RoundResult(versions, BenchCatalog.NameCount(versions), stack.SeedDuration, stack.SeedLog, analyze,
            scenarios, publish, StackMemory.Read(stack), pages.Sizes);
    }

    internal async Task<ScenarioResult> MeasurePathsAsync(
        int versions, string name, Uri gateway, string pathsFile, CancellationToken cancellationToken, string script = "paths.lua")
    {
        var first = (await File.ReadAllLinesAsync(pathsFile, cancellationToken))[0];
        await OkResponses.GetBytesAsync(http, new Uri(gateway, first), cancellationToken);
        return await MeasureAsync(versions, name, gateway, script, _ => [pathsFile], cancellationToken);
    }

    private async Task ServeAsync(RegistryStack stack, CancellationToken cancellationToken)
    {
        log.WriteLine($"gateway with the response cache: {stack.CachedGateway}");
        log.WriteLine($"gateway without it: {stack.UncachedGateway}");
        log.WriteLine($"PostgreSQL: {stack.Database.ConnectionString}");
        foreach (var process in stack.Processes)
        {
            log.WriteLine($"{process.Name}: pid {process.ProcessId}");
        }

        log.WriteLine("Serving until Ctrl-C.");
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>Other work on the machine skews every figure; the log shows how busy it was.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// A short unrecorded run first (JIT, connection pools, caches), then the measured one; each gets its own run
    /// number (1, 2) for scripts whose requests must differ between runs.
    /// </summary>
    internal async Task<ScenarioResult> MeasureAsync(
        int versions, string name, Uri target, string script, Func<int, IReadOnlyList<string>> arguments, CancellationToken cancellationToken,
        int connections = BenchOptions.Connections)
    {
        log.WriteLine($"[{versions:N0}] {name}: warm-up {options.WarmupSeconds} s, then {options.DurationSeconds} s");
        await wrk.RunAsync(target, script, arguments(1), options.WarmupSeconds, cancellationToken, BenchOptions.WarmupConnections);
        // Requests the warm-up left in flight are abandoned, not free: let the servers finish them first.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var result = await wrk.RunAsync(target, script, arguments(2), options.DurationSeconds, cancellationToken, connections);
        return new ScenarioResult(name, target.GetLeftPart(UriPartial.Authority), result);
    }

    /// <summary>
    /// The seed lands in one statement (and its names, through a trigger, in another); autovacuum would analyze both
    /// within a minute. The bench runs at once, so it does that now rather than measure plans made without statistics.
    /// </summary>
    private static async Task<TimeSpan> AnalyzeAsync(RegistryStack stack, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        await using var command = stack.Database.CreateCommand("VACUUM ANALYZE servers, server_names");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return elapsed.Elapsed;
    }

    private async Task<string> AnonymousTokenAsync(Uri gateway, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri(gateway, "/v0.1/auth/none"), null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("registry_token").GetString() ?? throw new InvalidOperationException("No registry_token in the login response.");
    }
}
