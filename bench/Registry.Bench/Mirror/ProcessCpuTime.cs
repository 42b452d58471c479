using System.Globalization;
using Registry.Bench.Report;

namespace Registry.Bench.Mirror;

/// <summary>
/// CPU time used so far (user + system, from /proc/&lt;pid&gt;/stat), to tell which process a pass waited on. For
/// PostgreSQL it is the postmaster with its live backends and the ones that already exited (its children's times).
/// </summary>
public static class ProcessCpuTime
{
    /// <summary>The kernel's clock ticks per second (USER_HZ), 100 on Linux builds for every common architecture.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid) => TimeSpan.FromSeconds(Ticks(pid, withChildren: false) / TicksPerSecond);

    public static TimeSpan OfPostgres(int port)
    {
        if (ProcessMemory.ListeningOn(port) is not { } postmaster)
        {
            return TimeSpan.Zero;
        }

        var ticks = Ticks(postmaster, withChildren: true) + ProcessMemory.ChildrenOf(postmaster).Sum(child => Ticks(child, withChildren: false));
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static long Ticks(int pid, bool withChildren)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // After the command name's closing parenthesis: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var own = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return withChildren ? own + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : own;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }
}
