namespace Registry.Bench.Replicas;

/// <summary>One line per scenario with both replica counts side by side, then how the CPU spread over the replicas.</summary>
public static class ReplicaPrinter
{
    public static void Print(TextWriter output, ReplicaResult result)
    {
        output.WriteLine();
        output.WriteLine($"== replicas: {result.Versions:N0} versions, {BenchOptions.Connections} connections in two wrk processes of "
            + $"{BenchOptions.Connections / 2} (one per gateway with two replicas) ==");
        output.WriteLine("CPU: utime + stime of every stack process (services, gateways, web, PostgreSQL and its children, cache) over the measured interval; p99 the worse of the two wrk runs");
        output.WriteLine();
        output.WriteLine($"{"scenario",-18} {"x1 req/s",10} {"x2 req/s",10} {"x2/x1",6} {"x1 p50",7} {"x2 p50",7} {"x1 p99",7} {"x2 p99",7} {"x1 CPU ms/req",14} {"x2 CPU ms/req",14} {"failed",7}");
        foreach (var name in ReplicaRoundRunner.Measured)
        {
            var (one, two) = (result[1, name], result[2, name]);
            if (one is null || two is null)
            {
                continue;
            }

            output.WriteLine($"{name,-18} {one.RequestsPerSecond,10:N0} {two.RequestsPerSecond,10:N0} {two.RequestsPerSecond / one.RequestsPerSecond,6:0.00} "
                + $"{one.P50Ms,7:0.00} {two.P50Ms,7:0.00} {one.P99Ms,7:0.00} {two.P99Ms,7:0.00} {one.CpuMsPerRequest,14:0.000} {two.CpuMsPerRequest,14:0.000} "
                + $"{one.Failures + two.Failures,7:N0}");
        }

        output.WriteLine();
        output.WriteLine("CPU seconds by process with two replicas (both replicas of a role busy: the gateways spread over both destinations)");
        foreach (var name in ReplicaRoundRunner.Measured)
        {
            if (result[2, name] is { } two)
            {
                output.WriteLine($"  {name,-18} " + string.Join(", ", two.Cpu.OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Where(c => c.Value > TimeSpan.Zero).Select(c => $"{c.Key} {c.Value.TotalSeconds:0.0}")));
            }
        }
    }

    /// <summary>The smaller replica's share of a role's CPU in a scenario: 0.5 when even, 0 when one replica did nothing.</summary>
    public static double SmallerShare(ReplicaScenario scenario, string role)
    {
        var used = scenario.Role(role).Select(r => r.Used.TotalSeconds).ToList();
        return used.Count < 2 || used.Sum() <= 0 ? 0 : used.Min() / used.Sum();
    }
}
