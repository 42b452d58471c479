using System.Diagnostics;
using Registry.Testing;

namespace Registry.Bench.Stack;

/// <summary>
/// One of our .NET processes (<c>dotnet &lt;dll&gt;</c>), configured through command-line settings. It runs in its
/// output folder, which is its content root, so that its appsettings.json is read.
/// </summary>
public sealed class DotnetProcess(string name, ChildProcess process, IReadOnlyList<int> ports) : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    public string Name { get; } = name;

    /// <summary>The loopback ports it was started on.</summary>
    public IReadOnlyList<int> Ports { get; } = ports;

    public int ProcessId => process.Id;

    public string Output => process.Output;

    public static DotnetProcess Start(string name, string dll, IReadOnlyDictionary<string, string> settings) =>
        StartWithArguments(name, dll, Arguments(settings), []);

    public static IEnumerable<string> Arguments(IReadOnlyDictionary<string, string> settings) => settings.Select(s => $"--{s.Key}={s.Value}");

    /// <summary>
    /// Starts a process that listens on <paramref name="portCount"/> ports picked free just before, and waits until
    /// <paramref name="probe"/> answers 200. A port taken by another process in between fails the bind; the start is
    /// then tried again on other ports.
    /// </summary>
    public static async Task<DotnetProcess> StartOnFreePortsAsync(
        string name, string dll, int portCount, Func<int[], IEnumerable<string>> arguments, Func<int[], Uri> probe,
        HttpClient http, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = LoopbackPorts.Pick(portCount);
            var started = StartWithArguments(name, dll, arguments(ports), ports);
            try
            {
                await started.WaitUntilReadyAsync(http, probe(ports), cancellationToken);
                return started;
            }
            catch (InvalidOperationException) when (attempt < PortRace.StartAttempts && PortRace.WasLost(started.Output))
            {
                await started.DisposeAsync();
            }
            catch
            {
                await started.DisposeAsync();
                throw;
            }
        }
    }

    private static DotnetProcess StartWithArguments(string name, string dll, IEnumerable<string> arguments, IReadOnlyList<int> ports) =>
        new(name, ChildProcess.Start(DotnetHost.Path, [dll, .. arguments], Path.GetDirectoryName(dll)), ports);

    /// <summary>Polls an HTTP/1.1 URL until it answers 200.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, Uri probe, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(probe, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{Name} did not answer {probe} within {ReadyTimeout.TotalSeconds:0} s.\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await process.WaitForExitAsync(timeout, cancellationToken))
        {
            throw new TimeoutException($"{Name} did not finish within {timeout}.\n{Output}");
        }

        return process.ExitCode;
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
