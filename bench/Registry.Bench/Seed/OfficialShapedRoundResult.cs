using Registry.Bench.Load;
using Registry.Bench.Report;

namespace Registry.Bench.Seed;

/// <summary>The read scenarios measured over the official-shaped catalog, and what seeding it cost.</summary>
public sealed record OfficialShapedRoundResult(
    string Label,
    TimeSpan SeedDuration,
    string SeedLog,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<MemoryRow> Memory)
{
    public WrkResult? this[string scenario] => Scenarios.FirstOrDefault(s => s.Name == scenario)?.Result;
}
