using Registry.Bench.Stack;

namespace Registry.Bench.Report;

/// <summary>Peak memory of every process of a round, read while they still run.</summary>
public static class StackMemory
{
    public static IReadOnlyList<MemoryRow> Read(RegistryStack stack)
    {
        var rows = new List<MemoryRow>();
        if (ProcessMemory.ListeningOn(stack.Postgres.Port) is { } postmaster)
        {
            var backends = ProcessMemory.ChildrenOf(postmaster).Select(ProcessMemory.PeakKilobytes).OfType<long>().ToList();
            rows.Add(new MemoryRow("postgres (postmaster)", ProcessMemory.PeakKilobytes(postmaster)));
            rows.Add(new MemoryRow("postgres (largest child)", backends.Count == 0 ? null : backends.Max(),
                $"{backends.Count} children, VmHWM sum {backends.Sum() / 1024:N0} MB (shared buffers counted in each)"));
        }

        var cacheName = stack.Cache.Engine == Registry.Testing.CacheEngine.RedisServer ? "redis-server" : "cache (Garnet)";
        rows.Add(new MemoryRow(cacheName, ProcessMemory.ListeningOn(stack.Cache.Port) is { } cache ? ProcessMemory.PeakKilobytes(cache) : null));
        rows.AddRange(stack.Processes.Select(p => new MemoryRow(p.Name, ProcessMemory.PeakKilobytes(p.ProcessId))));
        return rows;
    }
}
