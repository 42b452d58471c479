using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Data.Migrations;

namespace Registry.Data.Tests;

[Collection(PostgresCollection.Name)]
public class SchemaTests(PostgresFixture postgres)
{
    [Fact]
    public async Task MigrationsCanRunAgainWithoutChangingAnything()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();

        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);

        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)MigrationRunner.KnownMigrationIds.Count, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ConcurrentMigrationRunsApplyEachMigrationOnce()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => runner.ApplyAsync(CancellationToken.None)));

        await using var command = dataSource.CreateCommand("SELECT id FROM schema_migrations ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }

        Assert.Equal(["0001_servers", "0002_remote_urls_index", "0003_change_log", "0005_mirror", "0006_server_names", "0007_server_wire_json", "0008_change_kind_became_latest", "0009_server_names_descriptions", "0010_server_search", "0011_search_index_in_process", "0012_audit_events", "0013_annotations"], applied);
        Assert.Equal(MigrationRunner.KnownMigrationIds, applied);
    }

    [Fact]
    public async Task TheSameVersionOfANameCannotBeStoredTwice()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0");

        var error = await Assert.ThrowsAsync<PostgresException>(() => ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondLatestVersionForOneName()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0", isLatest: true);
        await ServerRows.InsertAsync(dataSource, "com.example/b", "1.0.0", isLatest: true);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ServerRows.InsertAsync(dataSource, "com.example/a", "2.0.0", isLatest: true));

        Assert.Equal("servers_one_latest_per_name", error.ConstraintName);
    }

    [Fact]
    public async Task UnknownStatusesAndOverlongMessagesAreRefused()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();

        await Assert.ThrowsAsync<PostgresException>(() => ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0", status: "retired"));
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0");
        await using var command = dataSource.CreateCommand("UPDATE servers SET status_message = repeat('x', 501)");
        await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }
}
