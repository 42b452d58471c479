using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;
using Registry.Contracts.V0;
using Registry.Publish.Publishing;

namespace Registry.Publish.Tests;

/// <summary>
/// The publish service as it runs, in process: its own Program and wiring, a migrated database of its own on the
/// run's PostgreSQL, no cache, <see cref="FakeVerification"/> in place of the verification service, and every log
/// record kept. One host serves the whole run; tests keep apart by publishing names of their own.
/// </summary>
public sealed class PublishHost : IAsyncLifetime
{
    private readonly PostgresFixture postgres = new();
    private WebApplicationFactory<Program>? factory;
    private GrpcChannel? channel;

    public TestTokens Tokens { get; } = new();

    public FakeVerification Verification { get; } = new();

    public NpgsqlDataSource Database { get; private set; } = null!;

    public ServerPublisher Publisher => Services.GetRequiredService<ServerPublisher>();

    public StatusChanger Statuses => Services.GetRequiredService<StatusChanger>();

    public Annotator Annotator => Services.GetRequiredService<Annotator>();

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    /// <summary>A native gRPC client of the service, as another service would call it.</summary>
    public Contracts.V0.Publish.PublishClient GrpcClient => new(channel ??= GrpcChannel.ForAddress(
        Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Factory.Server.CreateHandler() }));

    /// <summary>A REST client of the transcoded routes, as the gateway calls them.</summary>
    public HttpClient RestClient() => Factory.CreateClient();

    private IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        await postgres.InitializeAsync();
        var connectionString = await postgres.CreateMigratedConnectionStringAsync();
        Database = NpgsqlDataSource.Create(connectionString);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:registrydb", connectionString)
            .UseSetting("Registry:Auth:JwtPublicKey", Tokens.PublicKeyHex)
            .ConfigureLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .ConfigureTestServices(services => services.AddSingleton<Verification.VerificationClient>(Verification)));
        _ = factory.Server;
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Database.DisposeAsync();
        await postgres.DisposeAsync();
    }

    /// <summary>Marks a name as mirrored from an upstream registry, as the mirror worker does on its first import.</summary>
    public async Task MirrorAsync(string serverName)
    {
        await using var command = Database.CreateCommand(
            "INSERT INTO mirrored_names (server_name, upstream, first_mirrored_at) VALUES (@name, 'https://upstream.example', now())");
        command.Parameters.AddWithValue("name", serverName);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PublishHostCollection : ICollectionFixture<PublishHost>
{
    public const string Name = "publish host";
}
