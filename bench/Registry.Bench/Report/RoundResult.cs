using Registry.Bench.Load;

namespace Registry.Bench.Report;

/// <summary>Everything measured for one catalog size.</summary>
public sealed record RoundResult(
    int Versions,
    int Names,
    TimeSpan SeedDuration,
    string SeedLog,
    TimeSpan AnalyzeDuration,
    IReadOnlyList<ScenarioResult> Scenarios,
    PublishCheck.Outcome Publish,
    IReadOnlyList<MemoryRow> Memory,
    IReadOnlyList<PageSize> Pages)
{
    public WrkResult? this[string scenario] => Scenarios.FirstOrDefault(s => s.Name == scenario)?.Result;
}
