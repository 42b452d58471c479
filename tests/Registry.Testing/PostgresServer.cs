using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Registry.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb into a fresh folder under /tmp) running as a child process on a
/// free port of 127.0.0.1, with durability switched off for speed.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly FixtureDirectory _directory;
    private readonly ChildProcess _process;
    private int _disposed;

    private PostgresServer(FixtureDirectory directory, ChildProcess process, int port)
    {
        _directory = directory;
        _process = process;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>Connects as the superuser to the postgres database.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's log so far (useful in assertion messages).</summary>
    public string Log => _process.Output;

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = FixtureDirectory.Create("pg");
        try
        {
            var data = directory.Combine("data");
            var sockets = directory.Combine("sock");
            Directory.CreateDirectory(sockets);
            await PostgresTools.GiveToServiceUserAsync(directory.Path, cancellationToken);
            var (initdb, initdbArguments) = PostgresTools.Command(
                "initdb", "-D", data, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
            await ChildProcess.RunAsync(initdb, initdbArguments, directory.Path, TimeSpan.FromMinutes(2), cancellationToken);

            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Next();
                var (postgres, arguments) = PostgresTools.Command(
                    "postgres", "-D", data, "-k", sockets, "-p", port.ToString(CultureInfo.InvariantCulture),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "fsync=off",
                    "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off",
                    "-c", "max_connections=200");
                var server = new PostgresServer(directory, ChildProcess.Start(postgres, arguments, directory.Path), port);
                if (await server.WaitUntilReadyAsync(cancellationToken))
                {
                    return server;
                }
                var failure = new InvalidOperationException(
                    $"PostgreSQL exited with code {server._process.ExitCode} before accepting connections on port {port}.\n" +
                    $"Command: {server._process.CommandLine}\nServer log:\n{server.Log}");
                await server._process.DisposeAsync();
                if (attempt == PortRace.StartAttempts || !server.LostPortRace())
                {
                    throw failure;
                }
            }
        }
        catch
        {
            await directory.DeleteAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database (a unique name unless one is given) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name (letters, digits, underscores; at most 63).", nameof(name));
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (PostmasterPid() is { } postmaster)
        {
            Unix.Signal(postmaster, Unix.SigInt);
        }
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(15));
        await _process.DisposeAsync();
        await _directory.DeleteAsync();
    }

    /// <returns>true once a query succeeds; false when the server exited first.</returns>
    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        var elapsed = Stopwatch.StartNew();
        Exception? lastError = null;
        while (elapsed.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                return false;
            }
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException)
            {
                lastError = error;
            }
            await Task.Delay(100, cancellationToken);
        }
        _process.Kill();
        throw new TimeoutException(
            $"PostgreSQL on 127.0.0.1:{Port} did not answer SELECT 1 within {ReadyTimeout.TotalSeconds:0} s " +
            $"(last error: {lastError?.Message}).\nCommand: {_process.CommandLine}\nServer log:\n{Log}");
    }

    private bool LostPortRace() => PortRace.WasLost(Log);

    private int? PostmasterPid()
    {
        try
        {
            var firstLine = File.ReadLines(Path.Combine(_directory.Path, "data", "postmaster.pid")).FirstOrDefault();
            return int.TryParse(firstLine, out var pid) ? pid : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
