using Registry.Bench.Load;
using Registry.Bench.Seed;
using Registry.Bench.Stack;

namespace Registry.Bench.Replicas;

/// <summary>
/// Throughput and CPU per request with one and with two replicas of every service and gateway, behind one PostgreSQL
/// and one cache. The load is the same in both: <see cref="WrkProcesses"/> wrk processes of 32 connections each (64 in
/// all), spread over the gateways, so that only the number of server processes changes between the two.
/// </summary>
public sealed class ReplicaRoundRunner(BenchOptions options, ReleaseOutputs outputs, Wrk wrk, HttpClient http, TextWriter log)
{
    public static readonly IReadOnlyList<int> ReplicaCounts = [1, 2];
    public static readonly IReadOnlyList<string> Measured = [Scenarios.CachedList, Scenarios.UncachedList, Scenarios.GetVersion];
    private const int WrkProcesses = 2;
    private const int ConnectionsEach = BenchOptions.Connections / WrkProcesses;

    public async Task<ReplicaResult> RunAsync(int versions, string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var seedFile = Path.Combine(workDirectory, "seed.json");
        await SeedFileWriter.WriteAsync(seedFile, versions, cancellationToken);
        var results = new Dictionary<int, IReadOnlyList<ReplicaScenario>>();
        foreach (var replicas in ReplicaCounts)
        {
            var label = $"replicas x{replicas}, {versions:N0}";
            log.WriteLine($"[{label}] starting the stack with {replicas} of each service and gateway");
            await using var stack = await RegistryStack.StartAsync(outputs, seedFile, http, cancellationToken, replicas);
            await using (var analyze = stack.Database.CreateCommand("VACUUM ANALYZE servers, server_names"))
            {
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            var paths = await RequestPaths.WriteAsync(stack.Database, workDirectory, cancellationToken);
            results[replicas] =
            [
                await MeasureAsync(label, Scenarios.CachedList, stack, stack.CachedGateways, "fixed.lua", [], Scenarios.CachedListPath, cancellationToken),
                await MeasureAsync(label, Scenarios.UncachedList, stack, stack.UncachedGateways, "paths.lua", [paths.ListCursors], "/", cancellationToken),
                await MeasureAsync(label, Scenarios.GetVersion, stack, stack.UncachedGateways, "paths.lua", [paths.Versions], "/", cancellationToken),
            ];
        }

        return new ReplicaResult(versions, results);
    }

    private async Task<ReplicaScenario> MeasureAsync(
        string label, string name, RegistryStack stack, IReadOnlyList<Uri> gateways, string script, IReadOnlyList<string> arguments, string path,
        CancellationToken cancellationToken)
    {
        var targets = Enumerable.Range(0, WrkProcesses).Select(i => new Uri(gateways[i % gateways.Count], path)).ToList();
        log.WriteLine($"[{label}] {name}: warm-up {options.WarmupSeconds} s, then {options.DurationSeconds} s on {gateways.Count} gateway(s)");
        await Task.WhenAll(gateways.Select(g => wrk.RunAsync(new Uri(g, path), script, arguments, options.WarmupSeconds, cancellationToken,
            BenchOptions.WarmupConnections)));
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

        var before = StackCpu.Read(stack);
        var runs = await Task.WhenAll(targets.Select(t => wrk.RunAsync(t, script, arguments, options.DurationSeconds, cancellationToken, ConnectionsEach)));
        var cpu = StackCpu.Read(stack).Since(before);
        return new ReplicaScenario(
            name,
            runs.Sum(r => r.RequestsPerSecond),
            runs.Sum(r => r.Requests),
            runs.Average(r => r.P50Ms),
            runs.Max(r => r.P99Ms),
            runs.Sum(r => r.Failures),
            cpu);
    }
}
