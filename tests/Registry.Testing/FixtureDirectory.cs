using System.Collections.Concurrent;

namespace Registry.Testing;

/// <summary>
/// A fresh folder under /tmp for one server (readable by the postgres user). It records the test process
/// id so that a later run can clean up after a run that crashed; servers use it as working directory.
/// </summary>
internal sealed class FixtureDirectory
{
    public const string Parent = "/tmp";
    public const string Prefix = "registry-fixture-";
    public const string OwnerFile = "owner.pid";

    private const UnixFileMode ReadableByAll =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly ConcurrentDictionary<string, byte> Live = new();

    static FixtureDirectory() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllLive();

    private FixtureDirectory(string path) => Path = path;

    public string Path { get; }

    public static FixtureDirectory Create(string kind)
    {
        StaleFixtures.SweepOnce();
        var path = System.IO.Path.Combine(Parent, $"{Prefix}{kind}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, ReadableByAll);
        }
        File.WriteAllText(System.IO.Path.Combine(path, OwnerFile), Environment.ProcessId.ToString());
        Live[path] = 0;
        return new FixtureDirectory(path);
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public async Task DeleteAsync()
    {
        await ServerProcesses.StopAllUnderAsync(Path, TimeSpan.FromSeconds(5));
        TryDelete(Path);
        Live.TryRemove(Path, out _);
    }

    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover folder in /tmp is swept by the next run.
        }
    }

    /// <summary>
    /// Last resort for fixtures nobody disposed. The test host may be killed soon after it starts exiting, so
    /// every server is signalled first; a folder left behind is swept by the next run.
    /// </summary>
    private static void StopAllLive()
    {
        var paths = Live.Keys.ToList();
        var pids = paths.SelectMany(ServerProcesses.FindUnder).ToList();
        ServerProcesses.TerminateAsync(pids, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
        foreach (var path in paths)
        {
            TryDelete(path);
        }
    }
}
