using System.Runtime.InteropServices;

namespace Registry.Testing;

internal static class Unix
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private const int NoPermission = 1;

    public static bool IsRoot => geteuid() == 0;

    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    public static bool IsAlive(int pid) => kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == NoPermission;

    /// <summary>Resolves a command name against PATH (runuser may not keep PATH, so pass it absolute paths).</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern uint geteuid();
}
