namespace Registry.Bench.Replicas;

/// <summary>
/// One scenario measured against every gateway of a stack at once: requests/s summed over the wrk processes, p50 their
/// mean, p99 the worst of them, and the CPU every stack process used in the measured interval, by process name.
/// </summary>
public sealed record ReplicaScenario(
    string Name,
    double RequestsPerSecond,
    long Requests,
    double P50Ms,
    double P99Ms,
    long Failures,
    IReadOnlyDictionary<string, TimeSpan> Cpu)
{
    public TimeSpan TotalCpu => Cpu.Values.Aggregate(TimeSpan.Zero, (sum, used) => sum + used);

    /// <summary>Milliseconds of CPU, across every process of the stack, per request answered.</summary>
    public double CpuMsPerRequest => Requests == 0 ? double.NaN : TotalCpu.TotalMilliseconds / Requests;

    /// <summary>The CPU of the processes whose names start with <paramref name="role"/> (every replica of it).</summary>
    public IReadOnlyList<(string Process, TimeSpan Used)> Role(string role) =>
        Cpu.Where(c => c.Key.StartsWith(role, StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c.Key, c.Value)).ToList();
}
