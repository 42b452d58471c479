using System.Diagnostics;
using System.Text.Json;
using Registry.Bench.Load;
using Registry.Bench.Seed;
using Registry.Bench.Stack;

namespace Registry.Bench.Relevance;

/// <summary>
/// Starts a stack of its own seeded with bench/search/catalog.json and asks the gateway's ranked search every
/// judged query of bench/search/judged-queries.json.
/// </summary>
public sealed class RelevanceRunner(BenchOptions options, ReleaseOutputs outputs, HttpClient http, TextWriter log)
{
    private const int Limit = 10;
    private static readonly TimeSpan SearchReadyTimeout = TimeSpan.FromSeconds(30);

    public async Task<RelevanceResult> RunAsync(string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var judgedSet = Path.Combine(options.Root, "bench", "search");
        var seedFile = Path.Combine(workDirectory, "seed.json");
        var entries = await JudgedCatalogSeedWriter.WriteAsync(Path.Combine(judgedSet, "catalog.json"), seedFile, cancellationToken);
        var queries = JudgedQuery.Load(Path.Combine(judgedSet, "judged-queries.json"));

        log.WriteLine($"[relevance] starting a stack seeded with the {entries} entries of bench/search/catalog.json");
        await using var stack = await RegistryStack.StartAsync(outputs, seedFile, http, cancellationToken);
        await CheckSeedAsync(stack, entries, cancellationToken);
        await WaitUntilSearchFindsAsync(stack.UncachedGateway, queries[0].Q, cancellationToken);

        log.WriteLine($"[relevance] {queries.Count} judged queries, top {Limit} each");
        var outcomes = new List<QueryOutcome>();
        foreach (var query in queries)
        {
            outcomes.Add(new QueryOutcome(query, await SearchAsync(stack.UncachedGateway, query.Q, cancellationToken)));
        }

        return new RelevanceResult(entries, outcomes);
    }

    /// <summary>The migration service logs a rejected entry and goes on; a judged set missing entries would mislead.</summary>
    private static async Task CheckSeedAsync(RegistryStack stack, int entries, CancellationToken cancellationToken)
    {
        await using var command = stack.Database.CreateCommand("SELECT count(*) FROM servers");
        var stored = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
        if (stored != entries)
        {
            throw new InvalidOperationException($"The judged catalog has {entries} entries but {stored} were stored ({stack.SeedLog}).");
        }
    }

    /// <summary>The catalog may answer health before its search index holds the seed; the first judged query waits for it.</summary>
    private async Task WaitUntilSearchFindsAsync(Uri gateway, string q, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while ((await SearchAsync(gateway, q, cancellationToken)).Count == 0)
        {
            if (elapsed.Elapsed > SearchReadyTimeout)
            {
                log.WriteLine($"[relevance] \"{q}\" still finds nothing after {SearchReadyTimeout.TotalSeconds:0} s; measuring anyway");
                return;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> SearchAsync(Uri gateway, string q, CancellationToken cancellationToken)
    {
        var path = RankedSearchPaths.PathFor(q, $"&limit={Limit}");
        using var body = JsonDocument.Parse(await OkResponses.GetBytesAsync(http, new Uri(gateway, path), cancellationToken));
        return body.RootElement.GetProperty("servers").EnumerateArray()
            .Select(s => s.GetProperty("server").GetProperty("name").GetString() ?? "")
            .ToList();
    }
}
