using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Registry.Testing;

namespace Registry.Bench.Stack;

/// <summary>
/// One round's processes on loopback: PostgreSQL and the cache, the migration service (schema and seed), the three
/// services, a gateway with the response cache and one without, and later the floor. Disposing stops them all.
/// </summary>
public sealed class RegistryStack : IAsyncDisposable
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(15);

    private readonly List<IAsyncDisposable> owned = [];
    private readonly List<DotnetProcess> processes = [];
    private readonly StackPorts ports = StackPorts.Pick();

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Cache { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public string SeedLog { get; private set; } = "";

    public TimeSpan SeedDuration { get; private set; }

    public Uri CachedGateway => StackPorts.Loopback(ports.CachedGateway);

    public Uri UncachedGateway => StackPorts.Loopback(ports.UncachedGateway);

    public Uri Floor => StackPorts.Loopback(ports.Floor);

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
        var settings = new StackSettings(ports, connection, Cache.ConnectionString);

        await SeedAsync(outputs.MigrationService, settings.Migrations(seedFile), cancellationToken);

        var catalog = Start("catalog", outputs.Catalog, settings.Catalog());
        var verification = Start("verification", outputs.Verification, settings.Verification());
        var publish = Start("publish", outputs.Publish, settings.Publish());
        await Task.WhenAll(
            catalog.WaitUntilReadyAsync(http, Health(ports.CatalogHealth), cancellationToken),
            verification.WaitUntilReadyAsync(http, Health(ports.VerificationHealth), cancellationToken),
            publish.WaitUntilReadyAsync(http, Health(ports.PublishHealth), cancellationToken));

        var cached = Start("gateway (cache on)", outputs.Gateway, settings.Gateway(ports.CachedGateway, responseCache: true));
        var uncached = Start("gateway (cache off)", outputs.Gateway, settings.Gateway(ports.UncachedGateway, responseCache: false));
        await Task.WhenAll(
            cached.WaitUntilReadyAsync(http, Health(ports.CachedGateway), cancellationToken),
            uncached.WaitUntilReadyAsync(http, Health(ports.UncachedGateway), cancellationToken));
    }

    /// <summary>Starts bare Kestrel answering every request with <paramref name="bodyFile"/>'s bytes.</summary>
    public async Task StartFloorAsync(ReleaseOutputs outputs, string bodyFile, HttpClient http, CancellationToken cancellationToken)
    {
        var floor = DotnetProcess.StartWithArguments("floor", outputs.Floor,
            ["--port", ports.Floor.ToString(CultureInfo.InvariantCulture), "--body", bodyFile]);
        processes.Add(floor);
        owned.Add(floor);
        await floor.WaitUntilReadyAsync(http, Floor, cancellationToken);
    }

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

    private DotnetProcess Start(string name, string dll, Dictionary<string, string> settings)
    {
        var process = DotnetProcess.Start(name, dll, settings);
        processes.Add(process);
        owned.Add(process);
        return process;
    }

    private T Own<T>(T resource) where T : IAsyncDisposable
    {
        owned.Add(resource);
        return resource;
    }

    private static Uri Health(int port) => new(StackPorts.Loopback(port), "/health");

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
