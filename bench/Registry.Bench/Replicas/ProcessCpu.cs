using System.Globalization;

namespace Registry.Bench.Replicas;

/// <summary>CPU time a process has used so far: utime + stime of /proc/&lt;pid&gt;/stat.</summary>
public static class ProcessCpu
{
    /// <summary>The kernel reports those fields in clock ticks of USER_HZ, which is 100 on every Linux build that matters here.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan? Used(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces and parentheses; the fields after its closing parenthesis do not.
            // From there, utime and stime are the 12th and 13th fields (14 and 15 of the whole line).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
