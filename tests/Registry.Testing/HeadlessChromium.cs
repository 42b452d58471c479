namespace Registry.Testing;

/// <summary>
/// Where Debian's Chromium is, for the tests of pages, which drive it with Playwright. When it is missing and the tests
/// run as root it is installed with apt-get (as bench/run.sh installs wrk), so that the README's test command works on a
/// fresh machine; otherwise the failure says how to install it.
/// </summary>
public static class HeadlessChromium
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The path of Debian's chromium, installed first when it is missing and the tests run as root.</summary>
    public static async Task<string> ExecutableAsync(CancellationToken cancellationToken = default)
    {
        if (Unix.FindOnPath("chromium") is { } found)
        {
            return found;
        }

        await Installing.WaitAsync(cancellationToken);
        try
        {
            if (Unix.FindOnPath("chromium") is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            if (!Unix.IsRoot)
            {
                throw new InvalidOperationException("Chromium is not on PATH: install Debian's chromium (sudo apt-get install -y chromium).");
            }

            string[] install = ["install", "-y", "-qq", "chromium"];
            try
            {
                await ChildProcess.RunAsync("apt-get", install, timeout: TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
            }
            catch (InvalidOperationException)
            {
                // A fresh machine has no package lists yet.
                await ChildProcess.RunAsync("apt-get", ["update", "-qq"], timeout: TimeSpan.FromMinutes(5), cancellationToken: cancellationToken);
                await ChildProcess.RunAsync("apt-get", install, timeout: TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
            }

            return Unix.FindOnPath("chromium") ?? throw new InvalidOperationException("apt-get installed chromium, but it is not on PATH.");
        }
        finally
        {
            Installing.Release();
        }
    }
}
