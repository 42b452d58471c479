using Registry.Bench.Report;

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
        RoundPrinter.PrintScenarios(output, stress.Scenarios, floor: null);
        RoundPrinter.PrintMemory(output, stress.Memory);
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
}
