using System.Diagnostics;

namespace Registry.Mirror.Sync;

/// <summary>The spans of the mirror: one per pass, one per page under it.</summary>
public static class MirrorActivitySource
{
    public const string Name = "Registry.Mirror";

    public static readonly ActivitySource Instance = new(Name);

    public static long ElapsedMs(long startedTimestamp) => (long)Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
}
