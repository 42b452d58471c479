using Registry.Bench.Report;

namespace Registry.Bench.Stack;

/// <summary>
/// The CPU the seed costs, sampled while the migration service runs: its own (parsing, rendering, sending) and that
/// of PostgreSQL's processes (the inserts, indexes and triggers). On a busy machine the seed's wall time says more about
/// the other work than about the seed; these say what it would need on an idle one.
/// </summary>
public sealed class SeedCpu
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Dictionary<int, TimeSpan> postgres = [];

    /// <summary>The migration service's CPU at its last sample, up to half a second before it exited.</summary>
    public TimeSpan MigrationService { get; private set; }

    /// <summary>What PostgreSQL's postmaster and children used from the seed's start to its end (CPU they had before is subtracted).</summary>
    public TimeSpan Postgres => postgres.Values.Aggregate(TimeSpan.Zero, (sum, used) => sum + used) - postgresBefore;

    private TimeSpan postgresBefore;

    public static async Task<SeedCpu> SampleUntilAsync(int migrationPid, int postgresPort, Task exited, CancellationToken cancellationToken)
    {
        var cpu = new SeedCpu();
        var postmaster = ProcessMemory.ListeningOn(postgresPort);
        cpu.Sample(migrationPid, postmaster);
        cpu.postgresBefore = cpu.Postgres;
        while (!exited.IsCompleted)
        {
            await Task.WhenAny(exited, Task.Delay(Interval, cancellationToken));
            cpu.Sample(migrationPid, postmaster);
        }

        return cpu;
    }

    private void Sample(int migrationPid, int? postmaster)
    {
        if (ProcessCpu.Used(migrationPid) is { } used)
        {
            MigrationService = used;
        }

        if (postmaster is { } parent)
        {
            foreach (var pid in ProcessMemory.ChildrenOf(parent).Append(parent))
            {
                if (ProcessCpu.Used(pid) is { } pgUsed)
                {
                    postgres[pid] = pgUsed;
                }
            }
        }
    }
}
