using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Registry.Testing;

namespace Registry.Bench.Stack;

/// <summary>
/// One round's processes on loopback: PostgreSQL and the cache, the migration service (schema and seed), the three
/// services, the web catalog, a gateway with the response cache and one without, and later the floor. Disposing stops them all.
/// With <c>replicas</c> above one, every service and both gateways run that many times: each gateway and each publish
/// service is given every replica's address (<c>services:catalog:http:0</c>, <c>:1</c>, ...), as service discovery
/// hands a resource's replicas over; the web catalog runs once.
/// </summary>
public sealed class RegistryStack : IAsyncDisposable
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(15);

    private readonly List<IAsyncDisposable> owned = [];
    private readonly List<DotnetProcess> processes = [];
    private DotnetProcess[] cachedGateways = [];
    private DotnetProcess[] uncachedGateways = [];
    private DotnetProcess? floor;

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Cache { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public string SeedLog { get; private set; } = "";

    public TimeSpan SeedDuration { get; private set; }

    /// <summary>What the seed cost in CPU, for the stress round; the size rounds do not print it.</summary>
    public SeedCpu? SeedCpu { get; private set; }

    public Uri CachedGateway => CachedGateways[0];

    public Uri UncachedGateway => UncachedGateways[0];

    public IReadOnlyList<Uri> CachedGateways => cachedGateways.Select(g => LoopbackPorts.Address(g.Ports[0])).ToList();

    public IReadOnlyList<Uri> UncachedGateways => uncachedGateways.Select(g => LoopbackPorts.Address(g.Ports[0])).ToList();

    public Uri Floor => LoopbackPorts.Address((floor ?? throw new InvalidOperationException("The floor has not started.")).Ports[0]);

    public IReadOnlyList<DotnetProcess> Processes => processes;

    public static async Task<RegistryStack> StartAsync(
        ReleaseOutputs outputs, string seedFile, HttpClient http, CancellationToken cancellationToken, int replicas = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        var stack = new RegistryStack();
        try
        {
            await stack.StartProcessesAsync(outputs, seedFile, http, replicas, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessesAsync(ReleaseOutputs outputs, string seedFile, HttpClient http, int replicas, CancellationToken cancellationToken)
    {
        Postgres = Own(await PostgresServer.StartAsync(cancellationToken));
        Cache = Own(await RedisServer.StartAsync(cancellationToken));
        var connection = await Postgres.CreateDatabaseAsync("registry", cancellationToken);
        Database = Own(NpgsqlDataSource.Create(connection));
        var settings = new StackSettings(connection, Cache.ConnectionString);

        await SeedAsync(outputs.MigrationService, settings.Migrations(seedFile), cancellationToken);

        // Publish is told the verification services' ports, so it starts once they are listening.
        var replicaNumbers = Enumerable.Range(1, replicas).ToList();
        var catalogStarts = replicaNumbers.Select(r =>
            StartServiceAsync(Named("catalog", r, replicas), outputs.Catalog, settings.Catalog, http, cancellationToken)).ToList();
        var verificationStarts = replicaNumbers.Select(r =>
            StartServiceAsync(Named("verification", r, replicas), outputs.Verification, settings.Verification, http, cancellationToken)).ToList();
        await Task.WhenAll(catalogStarts.Concat(verificationStarts));
        var (catalogs, verifications) = (await Task.WhenAll(catalogStarts), await Task.WhenAll(verificationStarts));
        var verificationPorts = GrpcPorts(verifications);
        var publishStarts = replicaNumbers.Select(r =>
            StartServiceAsync(Named("publish", r, replicas), outputs.Publish,
                p => WithReplicas(settings.Publish(p, verificationPorts[0]), "verification", verificationPorts), http, cancellationToken)).ToList();
        var webStart = StartWebAsync(outputs.Web, catalogs[0].Ports[0], http, cancellationToken);
        await Task.WhenAll(publishStarts.Append(webStart));
        var (publishes, web) = (await Task.WhenAll(publishStarts), await webStart);

        var (catalogPorts, publishPorts) = (GrpcPorts(catalogs), GrpcPorts(publishes));
        var services = new StackSettings.ServicePorts(catalogPorts[0], publishPorts[0], verificationPorts[0], web.Ports[0]);
        Dictionary<string, string> Gateway(int port, bool responseCache) =>
            WithReplicas(WithReplicas(WithReplicas(settings.Gateway(port, responseCache, services),
                "catalog", catalogPorts), "publish", publishPorts), "verification", verificationPorts);
        var cachedStarts = replicaNumbers.Select(r =>
            StartGatewayAsync(Named("gateway (cache on)", r, replicas), outputs.Gateway, p => Gateway(p, responseCache: true), http, cancellationToken)).ToList();
        var uncachedStarts = replicaNumbers.Select(r =>
            StartGatewayAsync(Named("gateway (cache off)", r, replicas), outputs.Gateway, p => Gateway(p, responseCache: false), http, cancellationToken)).ToList();
        await Task.WhenAll(cachedStarts.Concat(uncachedStarts));
        (cachedGateways, uncachedGateways) = (await Task.WhenAll(cachedStarts), await Task.WhenAll(uncachedStarts));
    }

    private static string Named(string role, int replica, int replicas) => replicas == 1 ? role : $"{role} #{replica}";

    private static int[] GrpcPorts(IEnumerable<DotnetProcess> replicas) => replicas.Select(r => r.Ports[0]).ToArray();

    /// <summary>Every replica's address under <c>services:&lt;cluster&gt;:http:&lt;i&gt;</c>, the first one included.</summary>
    private static Dictionary<string, string> WithReplicas(Dictionary<string, string> settings, string cluster, int[] grpcPorts)
    {
        for (var i = 0; i < grpcPorts.Length; i++)
        {
            settings[$"services:{cluster}:http:{i}"] = LoopbackPorts.Address(grpcPorts[i]).ToString();
        }

        return settings;
    }

    /// <summary>Starts bare Kestrel answering every request with <paramref name="bodyFile"/>'s bytes.</summary>
    public async Task StartFloorAsync(ReleaseOutputs outputs, string bodyFile, HttpClient http, CancellationToken cancellationToken)
    {
        floor = Track(await DotnetProcess.StartOnFreePortsAsync("floor", outputs.Floor, 1,
            p => ["--port", p[0].ToString(CultureInfo.InvariantCulture), "--body", bodyFile],
            p => LoopbackPorts.Address(p[0]), http, cancellationToken));
    }

    /// <summary>A service listens on two ports: gRPC and REST, then health, which is probed.</summary>
    private async Task<DotnetProcess> StartServiceAsync(
        string name, string dll, Func<int[], Dictionary<string, string>> settings, HttpClient http, CancellationToken cancellationToken) =>
        Track(await DotnetProcess.StartOnFreePortsAsync(name, dll, 2, p => DotnetProcess.Arguments(settings(p)), p => Health(p[1]), http, cancellationToken));

    /// <summary>The web catalog listens on one port, which serves its pages and its health.</summary>
    private async Task<DotnetProcess> StartWebAsync(string dll, int catalogGrpcPort, HttpClient http, CancellationToken cancellationToken) =>
        Track(await DotnetProcess.StartOnFreePortsAsync("web", dll, 1, p => DotnetProcess.Arguments(StackSettings.Web(p[0], catalogGrpcPort)),
            p => Health(p[0]), http, cancellationToken));

    private async Task<DotnetProcess> StartGatewayAsync(
        string name, string dll, Func<int, Dictionary<string, string>> settings, HttpClient http, CancellationToken cancellationToken) =>
        Track(await DotnetProcess.StartOnFreePortsAsync(name, dll, 1, p => DotnetProcess.Arguments(settings(p[0])), p => Health(p[0]), http, cancellationToken));

    private async Task SeedAsync(string dll, Dictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        await using var migrations = DotnetProcess.Start("migrations", dll, settings);
        var exit = migrations.WaitForExitAsync(SeedTimeout, cancellationToken);
        SeedCpu = await SeedCpu.SampleUntilAsync(migrations.ProcessId, Postgres.Port, exit, cancellationToken);
        var exitCode = await exit;
        SeedDuration = elapsed.Elapsed;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The migration service exited with code {exitCode}.\n{migrations.Output}");
        }

        SeedLog = migrations.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Contains("Seed imported", StringComparison.Ordinal)) ?? "";
    }

    /// <summary>Processes start concurrently, so their continuations may record them at the same time.</summary>
    private DotnetProcess Track(DotnetProcess process)
    {
        lock (processes)
        {
            processes.Add(process);
            return Own(process);
        }
    }

    private T Own<T>(T resource) where T : IAsyncDisposable
    {
        owned.Add(resource);
        return resource;
    }

    private static Uri Health(int port) => new(LoopbackPorts.Address(port), "/health");

    public async ValueTask DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            try
            {
                await owned[i].DisposeAsync();
            }
            catch (Exception error)
            {
                Console.Error.WriteLine($"Cleanup: {error.Message}");
            }
        }

        owned.Clear();
    }
}
