namespace Registry.Testing;

/// <summary>
/// Debian's Chromium, headless, for tests of pages: it loads a page, runs its scripts and prints the DOM they leave.
/// When it is missing and the tests run as root it is installed with apt-get (as bench/run.sh installs wrk), so that
/// the README's test command works on a fresh machine; otherwise the failure says how to install it.
/// </summary>
public static class HeadlessChromium
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The DOM after the page's scripts ran for at most <paramref name="scriptTime"/> of virtual time.</summary>
    public static async Task<string> RenderAsync(Uri page, TimeSpan scriptTime, CancellationToken cancellationToken = default)
    {
        var chromium = await ExecutableAsync(cancellationToken);
        var profile = Directory.CreateTempSubdirectory("registry-chromium-");
        try
        {
            // No background networking: this machine's network is closed, and the page must not need it.
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile.FullName}",
                $"--virtual-time-budget={(int)scriptTime.TotalMilliseconds}",
                "--dump-dom", page.ToString(),
            ];
            await using var process = ChildProcess.Start(chromium, arguments, profile.FullName);
            if (!await process.WaitForExitAsync(TimeSpan.FromSeconds(60), cancellationToken))
            {
                throw new TimeoutException($"Chromium did not render {page} within 60 s.\n{process.Output}");
            }

            return process.Output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

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
