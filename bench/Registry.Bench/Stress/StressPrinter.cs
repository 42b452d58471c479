namespace Registry.Bench.Stress;

/// <summary>The stress round's seed, size, latency table and memory.</summary>
public static class StressPrinter
{
    public static void Print(TextWriter output, StressResult stress)
    {
        output.WriteLine();
        output.WriteLine($"== stress: {stress.Versions:N0} versions ({stress.Names:N0} names) ==");
        output.WriteLine($"seed: {stress.SeedDuration.TotalSeconds:0.0} s for the migration service from a {Megabytes(stress.SeedFileBytes)} file ({stress.SeedLog}); "
            + $"VACUUM ANALYZE {stress.AnalyzeDuration.TotalSeconds:0.0} s");
        if (stress.SeedCpu is { } cpu)
        {
            output.WriteLine($"seed CPU: migration service {cpu.MigrationService.TotalSeconds:0.0} s, PostgreSQL {cpu.Postgres.TotalSeconds:0.0} s "
                + $"(the wall time above includes waiting for a core; load average before the round {stress.LoadAverage})");
        }

        output.WriteLine($"database size (pg_database_size): {Megabytes(stress.DatabaseBytes)}");
        output.WriteLine();
        output.WriteLine($"{"scenario",-22} {"req/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"non-2xx",8} {"sock err",8}");
        foreach (var (name, _, r) in stress.Scenarios)
        {
            output.WriteLine($"{name,-22} {r.RequestsPerSecond,10:N0} {r.P50Ms,8:0.00} {r.P95Ms,8:0.00} {r.P99Ms,8:0.00} {r.Non2xx,8:N0} {r.SocketErrors,8:N0}");
        }

        output.WriteLine();
        output.WriteLine("peak memory (VmHWM)");
        foreach (var row in stress.Memory)
        {
            var value = row.PeakKilobytes is { } kb ? $"{kb / 1024.0:N0} MB" : "n/a";
            output.WriteLine($"  {row.Process,-26} {value,8}  {row.Note}");
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
}
