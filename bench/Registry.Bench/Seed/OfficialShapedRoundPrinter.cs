using Registry.Bench.Load;

namespace Registry.Bench.Seed;

/// <summary>The official-shaped round's table, in the columns of the sizes' table, then its processes' peak memory.</summary>
public static class OfficialShapedRoundPrinter
{
    public static void Print(TextWriter output, OfficialShapedRoundResult round)
    {
        output.WriteLine();
        output.WriteLine($"== {round.Label} ==");
        output.WriteLine($"seed: {round.SeedDuration.TotalSeconds:0.0} s for the migration service ({round.SeedLog})");
        output.WriteLine();
        output.WriteLine($"{"scenario",-22} {"req/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"vs floor",9} {"non-2xx",8} {"sock err",8}");
        var floor = round[Scenarios.Floor]?.RequestsPerSecond;
        foreach (var (name, _, r) in round.Scenarios)
        {
            var ratio = floor is > 0 ? $"{r.RequestsPerSecond / floor.Value:P0}" : "";
            output.WriteLine($"{name,-22} {r.RequestsPerSecond,10:N0} {r.P50Ms,8:0.00} {r.P95Ms,8:0.00} {r.P99Ms,8:0.00} {ratio,9} {r.Non2xx,8:N0} {r.SocketErrors,8:N0}");
        }

        output.WriteLine();
        output.WriteLine("peak memory (VmHWM)");
        foreach (var row in round.Memory)
        {
            var value = row.PeakKilobytes is { } kb ? $"{kb / 1024.0:N0} MB" : "n/a";
            output.WriteLine($"  {row.Process,-26} {value,8}  {row.Note}");
        }
    }
}
