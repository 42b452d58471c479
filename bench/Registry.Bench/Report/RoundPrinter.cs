using Registry.Bench.Load;

namespace Registry.Bench.Report;

/// <summary>The per-size table: throughput, latency, ratio to the floor, failures; then page sizes, publish check and memory.</summary>
public static class RoundPrinter
{
    public static void Print(TextWriter output, RoundResult round)
    {
        output.WriteLine();
        output.WriteLine($"== {round.Versions:N0} versions ({round.Names:N0} names) ==");
        output.WriteLine($"seed: {round.SeedDuration.TotalSeconds:0.0} s for the migration service ({round.SeedLog}); VACUUM ANALYZE {round.AnalyzeDuration.TotalSeconds:0.00} s");
        output.WriteLine();
        PrintScenarios(output, round.Scenarios, round[Scenarios.Floor]?.RequestsPerSecond ?? 0);

        foreach (var (name, _, r) in round.Scenarios.Where(s => s.Result.FailedStatuses.Count > 0))
        {
            output.WriteLine($"{name} failures by status: {string.Join(", ", r.FailedStatuses.OrderBy(f => f.Key).Select(f => $"{f.Key} x{f.Value:N0}"))}");
        }

        output.WriteLine();
        output.WriteLine("page sizes (HTML body, uncompressed)");
        foreach (var page in round.Pages)
        {
            output.WriteLine($"  {page.Page,-26} {page.Bytes / 1024.0,8:N1} KB  {page.Path}");
        }

        var publish = round.Publish;
        output.WriteLine();
        output.WriteLine($"publish check (SQL): {publish.Versions:N0} versions over {publish.Names:N0} names; names without exactly one latest: {publish.Violations}"
            + (publish.Examples.Count > 0 ? $" (e.g. {string.Join("; ", publish.Examples)})" : ""));
        PrintMemory(output, round.Memory);
    }

    /// <summary>The scenarios' table; with a floor, each one's ratio to it.</summary>
    public static void PrintScenarios(TextWriter output, IEnumerable<ScenarioResult> scenarios, double? floor)
    {
        var ratioHeader = floor is null ? "" : $" {"vs floor",9}";
        output.WriteLine($"{"scenario",-22} {"req/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}{ratioHeader} {"non-2xx",8} {"sock err",8}");
        foreach (var (name, _, r) in scenarios)
        {
            var ratio = floor is null ? "" : $" {(floor > 0 ? $"{r.RequestsPerSecond / floor.Value:P0}" : ""),9}";
            output.WriteLine($"{name,-22} {r.RequestsPerSecond,10:N0} {r.P50Ms,8:0.00} {r.P95Ms,8:0.00} {r.P99Ms,8:0.00}{ratio} {r.Non2xx,8:N0} {r.SocketErrors,8:N0}");
        }
    }

    public static void PrintMemory(TextWriter output, IEnumerable<MemoryRow> memory)
    {
        output.WriteLine();
        output.WriteLine("peak memory (VmHWM)");
        foreach (var row in memory)
        {
            var value = row.PeakKilobytes is { } kb ? $"{kb / 1024.0:N0} MB" : "n/a";
            output.WriteLine($"  {row.Process,-26} {value,8}  {row.Note}");
        }
    }
}
