using System.Globalization;

namespace Registry.Bench.Report;

/// <summary>CPU time a process has used so far: utime + stime of /proc/&lt;pid&gt;/stat.</summary>
public static class ProcessCpu
{
    /// <summary>The kernel reports those fields in clock ticks of USER_HZ, which is 100 on every Linux build that matters here.</summary>
    private const double TicksPerSecond = 100;

    /// <param name="withExitedChildren">Also the children that have exited and been waited for (cutime + cstime).</param>
    public static TimeSpan? Used(int pid, bool withExitedChildren = false)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces and parentheses; the fields after its closing parenthesis do not.
            // From there, utime and stime are the 12th and 13th fields (14 and 15 of the whole line), cutime and cstime the next two.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = Enumerable.Range(11, withExitedChildren ? 4 : 2).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>PostgreSQL: the postmaster, its live backends and the ones that already exited.</summary>
    public static TimeSpan OfPostgres(int port) =>
        ProcessMemory.ListeningOn(port) is not { } postmaster
            ? TimeSpan.Zero
            : (Used(postmaster, withExitedChildren: true) ?? TimeSpan.Zero)
              + ProcessMemory.ChildrenOf(postmaster).Aggregate(TimeSpan.Zero, (sum, child) => sum + (Used(child) ?? TimeSpan.Zero));
}
