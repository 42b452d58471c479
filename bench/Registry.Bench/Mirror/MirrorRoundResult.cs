namespace Registry.Bench.Mirror;

/// <summary>What the mirror round measured: two passes over the official-shaped upstream and the mirror's peak memory.</summary>
public sealed record MirrorRoundResult(
    string Catalog,
    int UpstreamVersions,
    TimeSpan Startup,
    MirrorPassResult FirstPass,
    MirrorPassResult SecondPass,
    long StoredVersions,
    long StoredLatest,
    long? PeakKilobytes)
{
    public MirrorPassCpu? FirstPassCpu { get; init; }
}

/// <summary>CPU time the mirror (its start included) and PostgreSQL used from the mirror's start to the end of a pass.</summary>
public sealed record MirrorPassCpu(TimeSpan Mirror, TimeSpan Postgres);

/// <param name="Duration">From the pass's first upstream request until the mirror's status shows it complete.</param>
/// <param name="LoggedMs">The pass time the mirror logged itself, when its log line was found.</param>
/// <param name="Written">Versions the pass wrote, from the same log line (null when not found).</param>
public sealed record MirrorPassResult(TimeSpan Duration, int Requests, double? LoggedMs, int? Pages, int? Read, int? Written);
