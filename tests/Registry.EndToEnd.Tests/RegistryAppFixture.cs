using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Testing;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// The whole system as a user starts it: the AppHost with a throwaway PostgreSQL data folder, the sample seed,
/// the gateway on a free port, and fakes of the outside services logins talk to. Tests talk to it through the gateway's
/// REST surface, and to the catalog's gRPC-only change feed directly.
/// </summary>
public class RegistryAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "registry-e2e-" + Guid.NewGuid().ToString("N"));
    private DistributedApplication? app;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The running system, for tests that operate on its resources (stop the cache, find endpoints).</summary>
    public DistributedApplication App => app ?? throw new InvalidOperationException("The registry has not started.");

    public OutsideWorld World { get; private set; } = null!;

    /// <summary>Settings a variant of the system adds; later arguments win over earlier ones.</summary>
    protected virtual Task<IEnumerable<string>> ExtraArgumentsAsync() => Task.FromResult(Enumerable.Empty<string>());

    public virtual async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        World = await OutsideWorld.StartAsync();
        var extra = await ExtraArgumentsAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Registry_AppHost>(
            [
                "--Registry:GatewayPort=0",
                $"--Registry:DataDirectory={dataDirectory}",
                $"--Registry:SeedFrom={SampleSeed.Path}",
                // Tests send far more than a client is allowed to; the limiter has its own tests on another gateway.
                "--Registry:RateLimit:RequestsPerMinute=1000000",
                "--Registry:RateLimit:Burst=1000000",
                $"--Registry:CacheServer={CacheEngineChoice.AppHostSetting()}",
                .. World.AppHostArguments(),
                .. extra,
            ],
            timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        Gateway = app.CreateHttpClient("gateway", "http");
    }

    /// <summary>The catalog's own endpoint, HTTP/2 cleartext, for native gRPC clients.</summary>
    public Uri CatalogGrpcAddress => app!.GetEndpoint("catalog", "http");

    /// <summary>The registry's database, for tests that inject faults below the API.</summary>
    public async Task<string> DatabaseConnectionStringAsync() =>
        await app!.GetConnectionStringAsync("registrydb") ?? throw new InvalidOperationException("registrydb has no connection string.");

    /// <summary>
    /// A client with its own connection pool, for tests that may leave a connection unusable. Clients from
    /// <c>CreateHttpClient</c> share one pooled handler, so a connection the server closes could reach another test.
    /// </summary>
    public HttpClient NewGatewayClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { BaseAddress = app!.GetEndpoint("gateway", "http") };

    public virtual async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (World is not null)
        {
            await World.DisposeAsync();
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryAppCollection : ICollectionFixture<RegistryAppFixture>
{
    public const string Name = "registry-app";
}
