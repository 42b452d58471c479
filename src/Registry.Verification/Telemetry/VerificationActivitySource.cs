using System.Diagnostics;

namespace Registry.Verification.Telemetry;

/// <summary>The spans of the verification service: one per login, one per package-ownership check.</summary>
public static class VerificationActivitySource
{
    public const string Name = "Registry.Verification";

    public static readonly ActivitySource Instance = new(Name);

    public static long ElapsedMs(long startedTimestamp) => (long)Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
}
