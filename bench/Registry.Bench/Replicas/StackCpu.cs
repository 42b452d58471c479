using Registry.Bench.Report;
using Registry.Bench.Stack;

namespace Registry.Bench.Replicas;

/// <summary>
/// The CPU time of every process of a stack at one moment, by name: our .NET processes, PostgreSQL's postmaster and
/// its children (backends, background workers) and the cache. wrk is not counted.
/// </summary>
public sealed record StackCpu(IReadOnlyDictionary<int, (string Name, TimeSpan Used)> Processes)
{
    public const string Postgres = "postgres";
    public const string Cache = "cache";

    public static StackCpu Read(RegistryStack stack)
    {
        var processes = new Dictionary<int, (string, TimeSpan)>();
        void Add(int pid, string name)
        {
            if (ProcessCpu.Used(pid) is { } used)
            {
                processes[pid] = (name, used);
            }
        }

        foreach (var process in stack.Processes)
        {
            Add(process.ProcessId, process.Name);
        }

        if (ProcessMemory.ListeningOn(stack.Postgres.Port) is { } postmaster)
        {
            Add(postmaster, Postgres);
            foreach (var child in ProcessMemory.ChildrenOf(postmaster))
            {
                Add(child, Postgres);
            }
        }

        if (ProcessMemory.ListeningOn(stack.Cache.Port) is { } cache)
        {
            Add(cache, Cache);
        }

        return new StackCpu(processes);
    }

    /// <summary>
    /// CPU used between <paramref name="before"/> and this reading, by process name. A process that started in between
    /// (a new PostgreSQL backend) counts from zero; one that ended in between is lost, which undercounts a little.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> Since(StackCpu before) =>
        Processes
            .Select(p => (p.Value.Name, Used: p.Value.Used - (before.Processes.TryGetValue(p.Key, out var b) ? b.Used : TimeSpan.Zero)))
            .GroupBy(p => p.Name)
            .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Used));
}
