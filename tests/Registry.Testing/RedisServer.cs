using System.Diagnostics;
using System.Globalization;

namespace Registry.Testing;

/// <summary>
/// A Redis-protocol server on a free port of 127.0.0.1 without persistence: redis-server when it is on PATH,
/// otherwise Microsoft Garnet through Registry.CacheHost. It can be stopped and started again on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PortReleaseTimeout = TimeSpan.FromSeconds(10);

    private readonly FixtureDirectory _directory;
    private ChildProcess? _process;
    private int _disposed;

    private RedisServer(FixtureDirectory directory, CacheEngine engine, int port)
    {
        _directory = directory;
        Engine = engine;
        Port = port;
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis configuration string: "127.0.0.1:port".</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Which server actually runs (never Auto).</summary>
    public CacheEngine Engine { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server's output so far (useful in assertion messages).</summary>
    public string Log => _process?.Output ?? string.Empty;

    public static Task<RedisServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(CacheEngine.Auto, cancellationToken);

    public static async Task<RedisServer> StartAsync(CacheEngine engine, CancellationToken cancellationToken = default)
    {
        var resolved = CacheEngineChoice.Resolve(engine);
        var directory = FixtureDirectory.Create(resolved == CacheEngine.Garnet ? "garnet" : "redis");
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var server = new RedisServer(directory, resolved, FreePort.Next());
                if (await server.LaunchAsync(cancellationToken))
                {
                    return server;
                }
                var failure = server.StartFailure();
                await server.StopAsync();
                if (attempt == PortRace.StartAttempts || !failure.PortTaken)
                {
                    throw failure.Error;
                }
            }
        }
        catch
        {
            await directory.DeleteAsync();
            throw;
        }
    }

    /// <summary>Kills the server (an abrupt outage: its data is gone). Does nothing if it is not running.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }
    }

    /// <summary>Starts an empty server again on the same port, waiting for the port to be released if needed.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (IsRunning)
        {
            return;
        }
        await StopAsync();
        var elapsed = Stopwatch.StartNew();
        while (!await LaunchAsync(cancellationToken))
        {
            var failure = StartFailure();
            await StopAsync();
            if (!failure.PortTaken || elapsed.Elapsed > PortReleaseTimeout)
            {
                throw failure.Error;
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await StopAsync();
        await _directory.DeleteAsync();
    }

    /// <returns>true once PING answers; false when the server exited first.</returns>
    private async Task<bool> LaunchAsync(CancellationToken cancellationToken)
    {
        var process = Launch();
        _process = process;
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                return false;
            }
            if (await Resp.PingAsync(Port, cancellationToken) && !process.HasExited)
            {
                return true;
            }
            await Task.Delay(50, cancellationToken);
        }
        await StopAsync();
        throw new TimeoutException(
            $"{Engine} on {ConnectionString} did not answer PING within {ReadyTimeout.TotalSeconds:0} s.\n" +
            $"Command: {process.CommandLine}\nOutput:\n{process.Output}");
    }

    private ChildProcess Launch()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        return Engine == CacheEngine.RedisServer
            ? ChildProcess.Start(
                CacheEngineChoice.RedisServerPath!,
                ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                _directory.Path)
            : ChildProcess.Start(DotnetHost.Path, [CacheHostLocator.Dll(), "--port", port], _directory.Path);
    }

    private (Exception Error, bool PortTaken) StartFailure()
    {
        var process = _process!;
        var portTaken = PortRace.WasLost(process.Output);
        var error = new InvalidOperationException(
            $"{Engine} exited with code {process.ExitCode} before answering PING on {ConnectionString}.\n" +
            $"Command: {process.CommandLine}\nOutput:\n{process.Output}");
        return (error, portTaken);
    }
}
