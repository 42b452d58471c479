using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Registry.Bench.Report;
using Registry.Bench.Seed;
using Registry.Bench.Stack;
using Registry.Testing;

namespace Registry.Bench.Mirror;

/// <summary>
/// The mirror round: the official-shaped catalog on a loopback upstream, a fresh database with the schema only, and
/// the real mirror process configured as the AppHost configures it (database, cache, the Registry:Mirror section).
/// It times the first pass (everything new) and the next one (nothing new), counts the upstream requests of each, and
/// reads the mirror's peak memory.
/// </summary>
public sealed partial class MirrorRoundRunner(BenchOptions options, ReleaseOutputs outputs, HttpClient http, TextWriter log)
{
    private static readonly TimeSpan PassTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StatusPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Long enough to tell the passes apart in the upstream's request log, short enough not to wait for nothing.</summary>
    private const string PollInterval = "00:00:03";

    public async Task<MirrorRoundResult> RunAsync(OfficialShapedCatalog catalog, CancellationToken cancellationToken)
    {
        log.WriteLine($"[mirror] load average before start: {RoundLoad()}");
        log.WriteLine("[mirror] starting PostgreSQL, the cache, migrations (schema only) and the upstream");
        await using var postgres = await PostgresServer.StartAsync(cancellationToken);
        await using var cache = await RedisServer.StartAsync(cancellationToken);
        var connection = await postgres.CreateDatabaseAsync("mirror", cancellationToken);
        await MigrateAsync(connection, cancellationToken);
        await using var upstream = await OfficialShapedUpstream.StartAsync(catalog, cancellationToken);

        log.WriteLine($"[mirror] starting the mirror against {upstream.BaseUrl} ({catalog.Entries.Count:N0} versions)");
        var postgresCpuBefore = ProcessCpu.OfPostgres(postgres.Port);
        var started = Stopwatch.GetTimestamp();
        await using var mirror = await DotnetProcess.StartOnFreePortsAsync("mirror", MirrorDll(), 1,
            p => DotnetProcess.Arguments(Settings(p[0], connection, cache.ConnectionString, upstream.BaseUrl)),
            p => new Uri(LoopbackPorts.Address(p[0]), "/health"), http, cancellationToken);
        var status = new Uri(LoopbackPorts.Address(mirror.Ports[0]), "/status");

        var firstDone = await WaitForPassAsync(status, previous: null, mirror, cancellationToken);
        var firstCpu = new MirrorPassCpu(ProcessCpu.Used(mirror.ProcessId) ?? TimeSpan.Zero, ProcessCpu.OfPostgres(postgres.Port) - postgresCpuBefore);
        var firstRequests = upstream.RequestCount;
        var firstListRequests = upstream.ListRequestTimestamps;
        var startup = Stopwatch.GetElapsedTime(started, firstListRequests[0]);
        var first = Pass(firstListRequests[0], firstDone.At, firstRequests, mirror.Output, 0);
        log.WriteLine($"[mirror] first pass: {first.Duration.TotalSeconds:0.00} s, {firstRequests:N0} requests; waiting for the next pass");

        var secondDone = await WaitForPassAsync(status, firstDone.SyncedAt, mirror, cancellationToken);
        var secondStarted = upstream.ListRequestTimestamps[firstListRequests.Count];
        var second = Pass(secondStarted, secondDone.At, upstream.RequestCount - firstRequests, mirror.Output, 1);
        var peak = ProcessMemory.PeakKilobytes(mirror.ProcessId);

        var (stored, latest) = await CountRowsAsync(connection, cancellationToken);
        return new MirrorRoundResult(catalog.Summary, catalog.Entries.Count, startup, first, second, stored, latest, peak) { FirstPassCpu = firstCpu };
    }

    private async Task MigrateAsync(string connection, CancellationToken cancellationToken)
    {
        await using var migrations = DotnetProcess.Start("migrations", outputs.MigrationService,
            new Dictionary<string, string> { ["ConnectionStrings:registrydb"] = connection });
        if (await migrations.WaitForExitAsync(TimeSpan.FromMinutes(5), cancellationToken) != 0)
        {
            throw new InvalidOperationException($"The migration service failed.\n{migrations.Output}");
        }
    }

    /// <summary>As Registry.AppHost/Infrastructure/MirrorResources.cs hands them over, with loopback addresses.</summary>
    private static Dictionary<string, string> Settings(int port, string database, string cache, string upstream) => new()
    {
        ["urls"] = LoopbackPorts.Address(port).ToString(),
        ["ConnectionStrings:registrydb"] = database,
        ["ConnectionStrings:cache"] = cache,
        ["Registry:Mirror:Upstream"] = upstream,
        ["Registry:Mirror:PollInterval"] = PollInterval,
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    private string MirrorDll()
    {
        var path = Path.Combine(options.Root, "src", "Registry.Mirror", "bin", options.Configuration, "net10.0", "Registry.Mirror.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; bench/run.sh builds it.");
    }

    private sealed record PassEnd(long At, string SyncedAt);

    /// <summary>Polls the status until <c>lastSuccessfulSyncAt</c> is set and differs from <paramref name="previous"/>.</summary>
    private async Task<PassEnd> WaitForPassAsync(Uri status, string? previous, DotnetProcess mirror, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < PassTimeout)
        {
            using var response = await http.GetAsync(status, cancellationToken);
            var at = Stopwatch.GetTimestamp();
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                if (body.TryGetProperty("lastSuccessfulSyncAt", out var synced) && synced.ValueKind == JsonValueKind.String
                    && synced.GetString() is { } value && value != previous)
                {
                    return new PassEnd(at, value);
                }
            }

            await Task.Delay(StatusPollInterval, cancellationToken);
        }

        throw new TimeoutException($"The mirror did not complete a pass within {PassTimeout.TotalMinutes:0} minutes.\n{Tail(mirror.Output)}");
    }

    private static MirrorPassResult Pass(long firstRequest, long done, int requests, string output, int index)
    {
        var logged = PassLogLine().Matches(output).ElementAtOrDefault(index);
        int? Number(string group) => logged is null ? null : int.Parse(logged.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return new MirrorPassResult(Stopwatch.GetElapsedTime(firstRequest, done), requests,
            logged is null ? null : double.Parse(logged.Groups["ms"].Value, CultureInfo.InvariantCulture),
            Number("pages"), Number("read"), Number("written"));
    }

    private static async Task<(long Versions, long Latest)> CountRowsAsync(string connection, CancellationToken cancellationToken)
    {
        await using var database = NpgsqlDataSource.Create(connection);
        await using var command = database.CreateCommand("SELECT count(*), count(*) FILTER (WHERE is_latest) FROM servers");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static string RoundLoad() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(30));

    [GeneratedRegex(@"Mirror pass complete: (?<pages>[\d,]+) pages, (?<read>[\d,]+) versions read, (?<written>[\d,]+) written, [\d,]+ rejected, in (?<ms>[\d.]+) ms")]
    private static partial Regex PassLogLine();
}
