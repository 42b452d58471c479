namespace Registry.Bench.Report;

/// <summary>What the figures were measured on: they mean little without the machine and the load shape.</summary>
public static class MachineHeader
{
    public static void Print(TextWriter output, BenchOptions options)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        output.WriteLine("Registry benchmark");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), .NET {Environment.Version}, {options.Configuration} build");
        output.WriteLine($"load: wrk -t{BenchOptions.Threads} -c{BenchOptions.Connections} --latency, {options.DurationSeconds} s per scenario after a {options.WarmupSeconds} s warm-up with {BenchOptions.WarmupConnections} connections; wrk shares the machine with every server");
        output.WriteLine($"sizes: {string.Join(", ", options.Sizes.Select(s => s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} versions, a fresh database and fresh processes per size");
    }
}
