using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Data.Migrations;
using Registry.Testing;

namespace Registry.Mirror.Tests;

/// <summary>One throwaway PostgreSQL cluster for the run; each test migrates a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? server;

    public async Task InitializeAsync() => server = await PostgresServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The connection string of a new, migrated database.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var connectionString = await (server ?? throw new InvalidOperationException("PostgreSQL has not started.")).CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        return connectionString;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
