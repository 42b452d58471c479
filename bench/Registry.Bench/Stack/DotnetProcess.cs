using System.Diagnostics;
using Registry.Testing;

namespace Registry.Bench.Stack;

/// <summary>
/// One of our .NET processes (<c>dotnet &lt;dll&gt;</c>), configured through command-line settings. It runs in its
/// output folder, which is its content root, so that its appsettings.json is read.
/// </summary>
public sealed class DotnetProcess(string name, ChildProcess process) : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    public string Name { get; } = name;

    public int ProcessId => process.Id;

    public string Output => process.Output;

    public static DotnetProcess Start(string name, string dll, IReadOnlyDictionary<string, string> settings) =>
        StartWithArguments(name, dll, settings.Select(s => $"--{s.Key}={s.Value}"));

    public static DotnetProcess StartWithArguments(string name, string dll, IEnumerable<string> arguments) =>
        new(name, ChildProcess.Start(DotnetHost.Path, [dll, .. arguments], Path.GetDirectoryName(dll)));

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
