using Registry.Bench.Load;
using Registry.Bench.Report;

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
        RoundPrinter.PrintScenarios(output, round.Scenarios, round[Scenarios.Floor]?.RequestsPerSecond ?? 0);
        RoundPrinter.PrintMemory(output, round.Memory);
    }
}
