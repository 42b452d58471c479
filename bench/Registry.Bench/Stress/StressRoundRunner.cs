using System.Diagnostics;
using Npgsql;
using Registry.Bench.Load;
using Registry.Bench.Report;
using Registry.Bench.Seed;
using Registry.Bench.Stack;

namespace Registry.Bench.Stress;

/// <summary>
/// A catalog far past the size rounds (a million versions by default): the seed through the migration service, then
/// only the reads whose cost could grow with the table (a page of the uncached list, one version, ranked search), the
/// database's size and every process's memory.
/// </summary>
public sealed class StressRoundRunner(RoundRunner measure, ReleaseOutputs outputs, HttpClient http, TextWriter log)
{
    private static readonly TimeSpan SearchIndexTimeout = TimeSpan.FromMinutes(10);

    public async Task<StressResult> RunAsync(int versions, string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var seedFile = Path.Combine(workDirectory, "seed.json");
        var label = $"stress {versions:N0}";
        log.WriteLine($"[{label}] writing the seed ({BenchCatalog.NameCount(versions):N0} names)");
        await SeedFileWriter.WriteAsync(seedFile, versions, cancellationToken);
        var seedFileBytes = new FileInfo(seedFile).Length;

        var loadAverage = RoundRunner.LoadAverage();
        log.WriteLine($"[{label}] load average before start: {loadAverage}");
        log.WriteLine($"[{label}] starting PostgreSQL, the cache, migrations + seed ({seedFileBytes / 1024.0 / 1024.0:N0} MB), services and gateways");
        await using var stack = await RegistryStack.StartAsync(outputs, seedFile, http, cancellationToken);
        log.WriteLine($"[{label}] seeded in {stack.SeedDuration.TotalSeconds:0.0} s: {stack.SeedLog}");
        File.Delete(seedFile);
        var analyze = await AnalyzeAsync(stack.Database, cancellationToken);

        var paths = await RequestPaths.WriteAsync(stack.Database, workDirectory, cancellationToken);
        var indexLoad = await WaitForSearchIndexAsync(stack.UncachedGateway, cancellationToken);
        log.WriteLine($"[{label}] the catalog's search index answered {indexLoad.TotalSeconds:0.0} s after the catalog started answering");
        var rankedSearches = await RankedSearchPaths.WriteAsync(http, stack.UncachedGateway, workDirectory, cancellationToken);
        var scenarios = new List<ScenarioResult>
        {
            await measure.MeasurePathsAsync(versions, Scenarios.UncachedList, stack.UncachedGateway, paths.ListCursors, cancellationToken),
            await measure.MeasurePathsAsync(versions, Scenarios.GetVersion, stack.UncachedGateway, paths.Versions, cancellationToken),
            await measure.MeasurePathsAsync(versions, Scenarios.RankedSearch, stack.UncachedGateway, rankedSearches, cancellationToken,
                "paths-statuses.lua"),
            await measure.MeasureAsync(versions, Scenarios.RankedSearchFewClients, stack.UncachedGateway, "paths-statuses.lua", _ => [rankedSearches],
                cancellationToken, Scenarios.FewClients),
        };

        return new StressResult(versions, BenchCatalog.NameCount(versions), seedFileBytes, stack.SeedDuration, stack.SeedCpu, stack.SeedLog, loadAverage, analyze,
            await DatabaseBytesAsync(stack.Database, cancellationToken), scenarios, StackMemory.Read(stack));
    }

    /// <summary>
    /// The catalog loads its ranked-search index in the background after it starts; at this size that takes longer
    /// than one request's timeout, so the first search is retried until it answers.
    /// </summary>
    private async Task<TimeSpan> WaitForSearchIndexAsync(Uri gateway, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(gateway, RankedSearchPaths.PathFor("weather")), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return elapsed.Elapsed;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            if (elapsed.Elapsed > SearchIndexTimeout)
            {
                throw new TimeoutException($"Ranked search did not answer within {SearchIndexTimeout.TotalMinutes:0} minutes.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>As in the size rounds: plans made with statistics, not the ones autovacuum would give a minute later.</summary>
    private static async Task<TimeSpan> AnalyzeAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        await using var command = database.CreateCommand("VACUUM ANALYZE servers, server_names");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return elapsed.Elapsed;
    }

    private static async Task<long> DatabaseBytesAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT pg_database_size(current_database())");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
