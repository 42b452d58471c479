using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Data.Migrations;

namespace Registry.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster for a test run; each test (or test class) migrates a database of its own. Each
/// test project declares the xunit collection that shares it (<c>PostgresCollection</c>): xunit finds collection
/// definitions only in the test assembly itself.
/// </summary>
public sealed class PostgresFixture : Xunit.IAsyncLifetime
{
    private PostgresServer? server;

    public PostgresServer Server => server ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync() => server = await PostgresServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A data source on a new, migrated database; the caller disposes it.</summary>
    public async Task<NpgsqlDataSource> CreateMigratedDatabaseAsync() =>
        NpgsqlDataSource.Create(await CreateMigratedConnectionStringAsync());

    /// <summary>The connection string of a new, migrated database, for a host that opens its own data source.</summary>
    public async Task<string> CreateMigratedConnectionStringAsync()
    {
        var connectionString = await Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        return connectionString;
    }
}
