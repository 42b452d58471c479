using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Registry.Testing;

namespace Registry.Bench.Stack;

/// <summary>
/// One round's processes on loopback: PostgreSQL and the cache, the migration service (schema and seed), the three
/// services, the web catalog, a gateway with the response cache and one without, and later the floor. Disposing stops them all.
/// </summary>
public sealed class RegistryStack : IAsyncDisposable
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(15);

    private readonly List<IAsyncDisposable> owned = [];
    private readonly List<DotnetProcess> processes = [];
    private DotnetProcess cachedGateway = null!;
    private DotnetProcess uncachedGateway = null!;
    private DotnetProcess? floor;

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Cache { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public string SeedLog { get; private set; } = "";

    public TimeSpan SeedDuration { get; private set; }

    public Uri CachedGateway => LoopbackPorts.Address(cachedGateway.Ports[0]);

    public Uri UncachedGateway => LoopbackPorts.Address(uncachedGateway.Ports[0]);

    public Uri Floor => LoopbackPorts.Address((floor ?? throw new InvalidOperationException("The floor has not started.")).Ports[0]);

    public IReadOnlyList<DotnetProcess> Processes => processes;

    public static async Task<RegistryStack> StartAsync(
        ReleaseOutputs outputs, string seedFile, HttpClient http, CancellationToken cancellationToken)
    {
        var stack = new RegistryStack();
        try
        {
            await stack.StartProcessesAsync(outputs, seedFile, http, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessesAsync(ReleaseOutputs outputs, string seedFile, HttpClient http, CancellationToken cancellationToken)
    {
        Postgres = Own(await PostgresServer.StartAsync(cancellationToken));
        Cache = Own(await RedisServer.StartAsync(cancellationToken));
        var connection = await Postgres.CreateDatabaseAsync("registry", cancellationToken);
        Database = Own(NpgsqlDataSource.Create(connection));
        var settings = new StackSettings(connection, Cache.ConnectionString);

        await SeedAsync(outputs.MigrationService, settings.Migrations(seedFile), cancellationToken);

        // Publish is told the verification service's port, so it starts once that one is listening.
        var catalogAndVerification = await Task.WhenAll(
            StartServiceAsync("catalog", outputs.Catalog, settings.Catalog, http, cancellationToken),
            StartServiceAsync("verification", outputs.Verification, settings.Verification, http, cancellationToken));
        var (catalog, verification) = (catalogAndVerification[0], catalogAndVerification[1]);
        var publishAndWeb = await Task.WhenAll(
            StartServiceAsync("publish", outputs.Publish, p => settings.Publish(p, verification.Ports[0]), http, cancellationToken),
            StartWebAsync(outputs.Web, catalog.Ports[0], http, cancellationToken));
        var (publish, web) = (publishAndWeb[0], publishAndWeb[1]);

        var services = new StackSettings.ServicePorts(catalog.Ports[0], publish.Ports[0], verification.Ports[0], web.Ports[0]);
        var gateways = await Task.WhenAll(
            StartGatewayAsync("gateway (cache on)", outputs.Gateway, p => settings.Gateway(p, responseCache: true, services), http, cancellationToken),
            StartGatewayAsync("gateway (cache off)", outputs.Gateway, p => settings.Gateway(p, responseCache: false, services), http, cancellationToken));
        (cachedGateway, uncachedGateway) = (gateways[0], gateways[1]);
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
        var exitCode = await migrations.WaitForExitAsync(SeedTimeout, cancellationToken);
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
