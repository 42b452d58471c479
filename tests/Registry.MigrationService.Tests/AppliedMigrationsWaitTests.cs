using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Data.Migrations;

namespace Registry.MigrationService.Tests;

/// <summary>The wait-only mode that gates the services in Kubernetes, against a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public class AppliedMigrationsWaitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ACompleteSchemaEndsTheWaitAtOnce()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();

        Assert.True(await Wait(dataSource, TimeSpan.FromSeconds(30)).WaitAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnEmptyDatabaseTimesOutAndIsLeftWithoutASchema()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());

        Assert.False(await Wait(dataSource, TimeSpan.FromSeconds(1)).WaitAsync(CancellationToken.None));
        Assert.False(await HasMigrationTableAsync(dataSource));
    }

    [Fact]
    public async Task OneMissingMigrationKeepsItWaiting()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();
        await using (var delete = dataSource.CreateCommand("DELETE FROM schema_migrations WHERE id = @id"))
        {
            delete.Parameters.AddWithValue("id", MigrationRunner.KnownMigrationIds[^1]);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        Assert.False(await Wait(dataSource, TimeSpan.FromSeconds(1)).WaitAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheWaitEndsOnceAnotherRunAppliesTheMigrations()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        var waiting = Wait(dataSource, TimeSpan.FromSeconds(60)).WaitAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(waiting.IsCompleted);

        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TheWaitOnlyProcessAppliesNothingAndFailsWhenTheSchemaNeverComes()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrydb"] = connectionString,
            ["Registry:Migrations:WaitOnly"] = "true",
            ["Registry:Migrations:WaitTimeout"] = "00:00:01",
            ["Registry:Migrations:PollInterval"] = "00:00:00.100",
        });
        builder.AddMigrationWorker();
        try
        {
            using var host = builder.Build();
            await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.False(await HasMigrationTableAsync(dataSource));
    }

    private static AppliedMigrationsWait Wait(NpgsqlDataSource dataSource, TimeSpan timeout) => new(
        dataSource,
        Options.Create(new MigrationWaitOptions { WaitOnly = true, WaitTimeout = timeout, PollInterval = TimeSpan.FromMilliseconds(50) }),
        TimeProvider.System,
        NullLogger<AppliedMigrationsWait>.Instance);

    private static async Task<bool> HasMigrationTableAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass('schema_migrations') IS NOT NULL");
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
