using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Seeding;
using Registry.Data.ServerLists;
using Registry.Data.Servers;

namespace Registry.Data.Tests;

[Collection(PostgresCollection.Name)]
public class BulkSeedImporterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync() => dataSource = await postgres.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private const string AlreadyStored = """
        [{"name":"com.example/stored","version":"1.0.0","description":"d"},
         {"name":"com.example/stored","version":"snapshot","description":"d"}]
        """;

    private const string Mixed = """
        {"servers":[
          {"server":{"name":"com.example/official","version":"2.0.0","description":"d"},
           "_meta":{"io.modelcontextprotocol.registry/official":{"status":"deprecated","statusMessage":"use b",
             "publishedAt":"2025-01-01T00:00:00Z","updatedAt":"2025-02-01T00:00:00Z","statusChangedAt":"2025-02-01T00:00:00Z","isLatest":false}}},
          {"server":{"name":"com.example/official","version":"1.0.0","description":"d"},
           "_meta":{"io.modelcontextprotocol.registry/official":{"status":"active",
             "publishedAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z","statusChangedAt":"2024-01-01T00:00:00Z","isLatest":true}}},
          {"server":{"name":"com.example/official","version":"0.9.0","description":"d"}},
          {"server":{"name":"com.example/semver","version":"1.10.0","description":"d"}},
          {"server":{"name":"com.example/semver","version":"1.9.0","description":"d"}},
          {"server":{"name":"com.example/semver","version":"2.0.0-rc.1","description":"d"}},
          {"server":{"name":"com.example/semver","version":"1.9.0","description":"repeated"}},
          {"server":{"name":"com.example/dates","version":"2024-01-01","description":"d"}},
          {"server":{"name":"com.example/dates","version":"2023-12-31","description":"d"}},
          {"server":{"name":"com.example/mixed","version":"nightly","description":"d"}},
          {"server":{"name":"com.example/mixed","version":"0.0.1","description":"d"}},
          {"server":{"name":"com.example/mixed","version":"weekly","description":"d"}},
          {"server":{"name":"com.example/stored","version":"2.0.0","description":"d"}},
          {"server":{"name":"com.example/stored","version":"1.0.0","description":"d"}},
          {"server":{"name":"com.example/stored","version":"0.5.0","description":"d"}}]}
        """;

    private static IReadOnlyList<ServerListEntry> Read(string json) => ServerListResponseReader.Read(json).Entries;

    [Fact]
    public async Task MixedInputEndsUpAsTheOneByOneImporterLeavesIt()
    {
        await using var reference = await postgres.CreateMigratedDatabaseAsync();
        await new SeedImporter(reference, TimeProvider.System).ImportAsync(Read(AlreadyStored), CancellationToken.None);
        await new SeedImporter(dataSource, TimeProvider.System).ImportAsync(Read(AlreadyStored), CancellationToken.None);

        var expected = await new SeedImporter(reference, TimeProvider.System).ImportAsync(Read(Mixed), CancellationToken.None);
        var actual = await new BulkSeedImporter(dataSource, TimeProvider.System).ImportAsync(Read(Mixed), CancellationToken.None);

        Assert.Equal(new SeedImporter.Result(13, 2), expected);
        Assert.Equal(expected, actual);
        Assert.Equal(await RowsAsync(reference), await RowsAsync(dataSource));
    }

    [Fact]
    public async Task EachImportedVersionIsLoggedOnceAsPublished()
    {
        var importer = new BulkSeedImporter(dataSource, TimeProvider.System);
        var reader = new ChangeLogReader(dataSource);

        await importer.ImportAsync(Read(Mixed), CancellationToken.None);
        var logged = await ChangeLogRows.ReadAsync(reader);
        await importer.ImportAsync(Read(Mixed), CancellationToken.None);

        Assert.Equal(14, logged.Count);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => (long)i), logged.Select(c => c.Item1));
        Assert.All(logged, c => Assert.Equal(ServerChangeKind.Published, c.Item4));
        Assert.Contains((logged.Single(c => c.Item3 == "2.0.0" && c.Item2 == "com.example/official").Item1,
            "com.example/official", "2.0.0", ServerChangeKind.Published, "deprecated"), logged);
        Assert.Equal(logged, await ChangeLogRows.ReadAsync(reader));
    }

    [Fact]
    public async Task ImportingTheSameSeedTwiceStoresEachVersionOnce()
    {
        var seed = Read(Mixed);
        var importer = new BulkSeedImporter(dataSource, TimeProvider.System);

        var first = await importer.ImportAsync(seed, CancellationToken.None);
        var second = await importer.ImportAsync(seed, CancellationToken.None);

        Assert.Equal(new SeedImporter.Result(14, 1), first);
        Assert.Equal(new SeedImporter.Result(0, 15), second);
        Assert.Equal(14L, await ScalarAsync("SELECT count(*) FROM servers"));
    }

    [Fact]
    public async Task EntriesFromARegistryKeepTheirStatusTimestampsAndLatestFlag()
    {
        await new BulkSeedImporter(dataSource, TimeProvider.System).ImportAsync(Read(Mixed), CancellationToken.None);

        var store = new ServerReadStore(dataSource);
        var deprecated = await store.GetVersionAsync("com.example/official", "2.0.0", false, CancellationToken.None);
        Assert.Equal(("deprecated", "use b", false), (deprecated!.Status, deprecated.StatusMessage, deprecated.IsLatest));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), deprecated.PublishedAt);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), deprecated.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), deprecated.StatusChangedAt);
        Assert.Equal("1.0.0", (await store.GetVersionAsync("com.example/official", "latest", false, CancellationToken.None))?.Version);
    }

    [Fact]
    public async Task TenThousandVersionsImportWithExactlyOneLatestPerName()
    {
        var seed = Enumerable.Range(0, 2_000)
            .SelectMany(i => new[] { "1.0.0", "1.2.0", "1.10.0", "0.9.0", "nightly" }.Select(v => Entry($"com.example/bulk-{i}", v)))
            .ToList();

        var result = await new BulkSeedImporter(dataSource, TimeProvider.System).ImportAsync(seed, CancellationToken.None);

        Assert.Equal(new SeedImporter.Result(10_000, 0), result);
        Assert.Equal(10_000L, await ScalarAsync("SELECT count(*) FROM servers"));
        Assert.Equal(0L, await ScalarAsync(
            "SELECT count(*) FROM (SELECT server_name FROM servers GROUP BY server_name HAVING count(*) FILTER (WHERE is_latest) <> 1) x"));
        Assert.Equal(2_000L, await ScalarAsync("SELECT count(*) FROM servers WHERE is_latest AND version = '1.10.0'"));
    }

    private static ServerListEntry Entry(string name, string version) =>
        new(name, version, $$"""{"name":"{{name}}","version":"{{version}}","description":"bulk"}""", null);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>What both importers must agree on; plain documents' publication times are "now", so only their order counts.</summary>
    private static async Task<List<string>> RowsAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand(
            """
            SELECT server_name, version, status, coalesce(status_message, ''), is_latest, value::text,
                   CASE WHEN published_at < '2025-06-01' THEN published_at::text ELSE 'now' END,
                   CASE WHEN updated_at < '2025-06-01' THEN updated_at::text ELSE 'now' END,
                   rank() OVER (PARTITION BY server_name ORDER BY published_at)
            FROM servers ORDER BY server_name, version
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
