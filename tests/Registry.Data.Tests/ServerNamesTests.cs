using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Data.Migrations;

namespace Registry.Data.Tests;

/// <summary><c>server_names</c>: every name in servers once, kept by a trigger whatever statement inserts the versions.</summary>
[Collection(PostgresCollection.Name)]
public class ServerNamesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync() => dataSource = await postgres.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task EveryKindOfInsertAddsItsNewNamesOnce()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/one", "1.0.0");
        await ServerRows.InsertAsync(dataSource, "com.example/one", "1.1.0");
        await ExecuteAsync(
            """
            INSERT INTO servers (server_name, version, status_changed_at, published_at, updated_at, value)
            SELECT n, v, now(), now(), now(), '{}'
            FROM (VALUES ('com.example/two', '1.0.0'), ('com.example/two', '2.0.0'), ('com.example/one', '3.0.0'), ('com.example/three', '1.0.0')) AS r(n, v)
            """);
        // The mirror's upsert: one version new, one already stored.
        await ExecuteAsync(
            """
            INSERT INTO servers AS s (server_name, version, status_changed_at, published_at, updated_at, value)
            VALUES ('com.example/four', '1.0.0', now(), now(), now(), '{}'), ('com.example/one', '1.0.0', now(), now(), now(), '{}')
            ON CONFLICT (server_name, version) DO UPDATE SET updated_at = EXCLUDED.updated_at
            """);

        Assert.Equal(
            ["com.example/four", "com.example/one", "com.example/three", "com.example/two"],
            await ReadNamesAsync(dataSource));
    }

    [Fact]
    public async Task AnInsertThatRollsBackLeavesNoName()
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO servers (server_name, version, status_changed_at, published_at, updated_at, value)
                VALUES ('com.example/gone', '1.0.0', now(), now(), now(), '{}')
                """, connection, transaction);
            await command.ExecuteNonQueryAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(await ReadNamesAsync(dataSource));
    }

    [Fact]
    public async Task NamesStoredBeforeTheMigrationAreCopiedIn()
    {
        await using var earlier = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await MigrationsBefore.ApplyAsync(earlier, "0006");
        await ServerRows.InsertAsync(earlier, "com.example/Early-Bird", "1.0.0");
        await ServerRows.InsertAsync(earlier, "com.example/Early-Bird", "2.0.0");
        await ServerRows.InsertAsync(earlier, "com.example/late", "1.0.0");

        await new MigrationRunner(earlier, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);

        Assert.Equal(["com.example/Early-Bird", "com.example/late"], await ReadNamesAsync(earlier));
    }

    /// <summary>Search relies on this: in the "C" collation, LIKE on the stored lower-case name is ILIKE on the name.</summary>
    [Fact]
    public async Task LikeOnTheLowerCaseNameMatchesExactlyWhatIlikeOnTheNameMatches()
    {
        string[] names = ["com.example/Weather-API", "com.example/ÄRGER", "com.example/ärger", "com.example/100%_Sure", "com.example/1000-sure", "com.example/a\\b"];
        foreach (var name in names)
        {
            await ServerRows.InsertAsync(dataSource, name, "1.0.0");
        }

        foreach (var term in new[] { "WEATHER", "weather-api", "ä", "Ä", "ÄRG", "rger", "100%", "100\\%", "_sure", "\\_sure", "a\\\\b", "%", "_" })
        {
            var like = await ReadNamesAsync(dataSource, "name_lower LIKE '%' || lower(@term COLLATE \"C\") || '%'", term);
            var ilike = await ReadNamesAsync(dataSource, "server_name ILIKE '%' || @term || '%'", term);
            Assert.Equal(ilike, like);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadNamesAsync(NpgsqlDataSource dataSource, string condition = "TRUE", string term = "")
    {
        await using var command = dataSource.CreateCommand($"SELECT server_name FROM server_names WHERE {condition} ORDER BY server_name");
        command.Parameters.AddWithValue("term", term);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
