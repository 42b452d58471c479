using System.Globalization;

namespace Registry.Testing;

/// <summary>
/// The process that listens on a TCP port of this machine, found through /proc: the server itself, whatever wrapper
/// (runuser, dotnet run) started it. Fault tests kill it to cut a dependency the way a crash would.
/// </summary>
public static class ListeningProcess
{
    private const string ListenState = "0A";

    public static int? Find(int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[3] == ListenState
                    && int.Parse(columns[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    inodes.Add($"socket:[{columns[9]}]");
                }
            }
        }

        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFiles(Path.Combine(process, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended, or is not ours to look into.
            }
        }

        return null;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would end it.</summary>
    public static void Kill(int port)
    {
        var pid = Find(port) ?? throw new InvalidOperationException($"Nothing listens on port {port}.");
        Unix.Signal(pid, Unix.SigKill);
    }
}
