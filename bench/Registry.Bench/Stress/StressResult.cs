using Registry.Bench.Load;
using Registry.Bench.Report;

namespace Registry.Bench.Stress;

/// <summary>The stress round: how long a very large catalog takes to seed, what it costs on disk and in memory, and its read latency.</summary>
public sealed record StressResult(
    int Versions,
    int Names,
    long SeedFileBytes,
    TimeSpan SeedDuration,
    Stack.SeedCpu? SeedCpu,
    string SeedLog,
    string LoadAverage,
    TimeSpan AnalyzeDuration,
    long DatabaseBytes,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<MemoryRow> Memory)
{
    public WrkResult? this[string scenario] => Scenarios.FirstOrDefault(s => s.Name == scenario)?.Result;
}
