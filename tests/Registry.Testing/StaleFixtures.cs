namespace Registry.Testing;

/// <summary>Stops servers and removes folders left by test runs that died without cleaning up.</summary>
internal static class StaleFixtures
{
    private static readonly Lazy<bool> Swept = new(Sweep);

    public static void SweepOnce() => _ = Swept.Value;

    private static bool Sweep()
    {
        foreach (var directory in Directory.EnumerateDirectories(FixtureDirectory.Parent, FixtureDirectory.Prefix + "*"))
        {
            if (!OwnerIsAlive(directory))
            {
                ServerProcesses.StopAllUnderAsync(directory, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
                FixtureDirectory.TryDelete(directory);
            }
        }
        return true;
    }

    private static bool OwnerIsAlive(string directory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(directory, FixtureDirectory.OwnerFile));
            return int.TryParse(text, out var pid) && Unix.IsAlive(pid);
        }
        catch (FileNotFoundException)
        {
            return Directory.GetLastWriteTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-1);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
