using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Data.Migrations;
using Registry.Data.Servers;
using Registry.Domain.Listing;

namespace Registry.Data.Tests;

/// <summary>search also matches each version's own description, kept findable through publishes, edits and upgrades.</summary>
[Collection(PostgresCollection.Name)]
public class ServerDescriptionSearchTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private ServerReadStore store = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        store = new ServerReadStore(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task ATermOnlyInADescriptionFindsTheVersionsThatSayIt()
    {
        await ServerRows.InsertAsync(dataSource, "io.github.user/data-tools", "1.0.0", description: "Weather data and forecasts");
        await ServerRows.InsertAsync(dataSource, "io.github.user/data-tools", "1.1.0", isLatest: true, description: "Weather DATA, forecasts and alerts");
        await ServerRows.InsertAsync(dataSource, "io.github.user/files", "1.0.0", isLatest: true, description: "Files on disk");

        Assert.Equal([("io.github.user/data-tools", "1.0.0"), ("io.github.user/data-tools", "1.1.0")], await SearchAsync("FORECAST"));
        Assert.Equal([("io.github.user/data-tools", "1.1.0")], await SearchAsync("forecast", version: "latest"));
        Assert.Equal([("io.github.user/data-tools", "1.1.0")], await SearchAsync("weather data, forecasts"));
    }

    [Fact]
    public async Task ATermOnlyInAnOlderVersionsDescriptionListsOnlyThatVersion()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/kit", "1.0.0", description: "Formerly known as Toolbox");
        await ServerRows.InsertAsync(dataSource, "com.example/kit", "2.0.0", isLatest: true, description: "A kit");

        Assert.Equal([("com.example/kit", "1.0.0")], await SearchAsync("toolbox"));
        Assert.Empty(await SearchAsync("toolbox", version: "latest"));
    }

    [Fact]
    public async Task PercentUnderscoreAndBackslashInATermAreLiteral()
    {
        string[] descriptions = ["50% off", "50x off", "under_score", "underXscore", @"back\slash", "backslash"];
        for (var i = 0; i < descriptions.Length; i++)
        {
            await ServerRows.InsertAsync(dataSource, $"com.example/s{i}", "1.0.0", isLatest: true, description: descriptions[i]);
        }

        Assert.Equal([("com.example/s0", "1.0.0")], await SearchAsync("%"));
        Assert.Equal([("com.example/s0", "1.0.0")], await SearchAsync("50%"));
        Assert.Equal([("com.example/s2", "1.0.0")], await SearchAsync("_"));
        Assert.Equal([("com.example/s4", "1.0.0")], await SearchAsync(@"\"));
        Assert.Equal([("com.example/s4", "1.0.0")], await SearchAsync(@"k\s"));
        Assert.Empty(await SearchAsync(@"\%"));
    }

    [Fact]
    public async Task AnEditedDescriptionIsFoundAndTheOneItReplacedNoLonger()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/kit", "1.0.0", description: "Old words");
        await ServerRows.InsertAsync(dataSource, "com.example/kit", "2.0.0", isLatest: true, description: "Old words");
        Assert.Equal(2, (await SearchAsync("old words")).Count);

        await ExecuteAsync("UPDATE servers SET value = jsonb_set(value, '{description}', '\"New words\"') WHERE version = '2.0.0'");
        Assert.Equal([("com.example/kit", "1.0.0")], await SearchAsync("old words"));
        Assert.Equal([("com.example/kit", "2.0.0")], await SearchAsync("new words"));

        // The mirror's upsert of a stored version.
        await ExecuteAsync(
            """
            INSERT INTO servers (server_name, version, status_changed_at, published_at, updated_at, value)
            VALUES ('com.example/kit', '1.0.0', now(), now(), now(), '{"name": "com.example/kit", "version": "1.0.0", "description": "Mirrored words"}')
            ON CONFLICT (server_name, version) DO UPDATE SET value = EXCLUDED.value
            """);
        Assert.Empty(await SearchAsync("old words"));
        Assert.Equal([("com.example/kit", "1.0.0")], await SearchAsync("MIRRORED"));
        Assert.Equal("mirrored words\nnew words", await ScalarAsync("SELECT descriptions_lower FROM server_names"));
    }

    [Fact]
    public async Task DescriptionsStoredBeforeTheMigrationAreFound()
    {
        await using var earlier = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await MigrationsBefore.ApplyAsync(earlier, "0009");
        await ServerRows.InsertAsync(earlier, "com.example/kit", "1.0.0", description: "Weather forecasts");
        await ServerRows.InsertAsync(earlier, "com.example/kit", "2.0.0", isLatest: true, description: "Weather alerts");

        await new MigrationRunner(earlier, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        await ServerRows.InsertAsync(earlier, "com.example/kit", "3.0.0", description: "Weather radar");

        var page = await new ServerReadStore(earlier).ListAsync(ServerListQueryRules.Build(null, null, "WEATHER", null, null, null), CancellationToken.None);
        Assert.Equal(["1.0.0", "2.0.0", "3.0.0"], page.Select(r => r.Version));
    }

    [Fact]
    public async Task PagesAfterACursorFindDescriptionMatchesFarFromTheLastOne()
    {
        // Two runs of description matches with a thousand other names between them, one name matching by name.
        var names = Enumerable.Range(0, 1_080).Select(i => $"com.example/n-{i:D4}" + (i == 500 ? "-forecast" : "")).ToList();
        await using (var command = dataSource.CreateCommand(
            """
            INSERT INTO servers (server_name, version, status_changed_at, published_at, updated_at, is_latest, value)
            SELECT n, v, now(), now(), now(), v = '2.0.0',
                   jsonb_build_object('name', n, 'version', v, 'description', CASE WHEN m AND v = '2.0.0' THEN 'Forecasts' ELSE 'd' END)
            FROM unnest(@names, @matching) AS r(n, m) CROSS JOIN (VALUES ('1.0.0'), ('2.0.0')) AS versions(v)
            """))
        {
            command.Parameters.AddWithValue("names", names.ToArray());
            command.Parameters.AddWithValue("matching", Enumerable.Range(0, names.Count).Select(i => i is < 40 or >= 1_040).ToArray());
            await command.ExecuteNonQueryAsync();
        }

        var found = new List<(string, string)>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(ServerListQueryRules.Build(cursor, 30, "forecast", null, null, null), CancellationToken.None);
            found.AddRange(page.Select(r => (r.Name, r.Version)));
            cursor = page.Count == 30 ? $"{page[^1].Name}:{page[^1].Version}" : null;
        }
        while (cursor is not null);

        var expected = names.Select((n, i) => i == 500
                ? new[] { (n, "1.0.0"), (n, "2.0.0") }
                : i is < 40 or >= 1_040 ? [(n, "2.0.0")] : [])
            .SelectMany(r => r);
        Assert.Equal(expected, found);
    }

    private async Task<List<(string, string)>> SearchAsync(string term, string? version = null)
    {
        var page = await store.ListAsync(ServerListQueryRules.Build(null, 100, term, null, version, null), CancellationToken.None);
        return page.Select(r => (r.Name, r.Version)).ToList();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
