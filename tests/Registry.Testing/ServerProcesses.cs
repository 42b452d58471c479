namespace Registry.Testing;

/// <summary>Finds and stops the processes whose working directory lies in a fixture folder.</summary>
internal static class ServerProcesses
{
    public static Task StopAllUnderAsync(string directory, TimeSpan grace) =>
        TerminateAsync(FindUnder(directory), grace);

    /// <summary>SIGTERM now; SIGKILL for whatever still runs after the grace period.</summary>
    public static async Task TerminateAsync(IReadOnlyCollection<int> pids, TimeSpan grace)
    {
        if (pids.Count == 0)
        {
            return;
        }
        foreach (var pid in pids)
        {
            Unix.Signal(pid, Unix.SigTerm);
        }
        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && pids.Any(Unix.IsAlive))
        {
            await Task.Delay(50);
        }
        foreach (var pid in pids.Where(Unix.IsAlive))
        {
            Unix.Signal(pid, Unix.SigKill);
        }
    }

    public static List<int> FindUnder(string directory)
    {
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var pid) &&
                pid != Environment.ProcessId &&
                WorkingDirectory(entry) is { } cwd &&
                (cwd == directory || cwd.StartsWith(directory + "/", StringComparison.Ordinal)))
            {
                found.Add(pid);
            }
        }
        return found;
    }

    private static string? WorkingDirectory(string procEntry)
    {
        try
        {
            return new DirectoryInfo(Path.Combine(procEntry, "cwd")).LinkTarget;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
