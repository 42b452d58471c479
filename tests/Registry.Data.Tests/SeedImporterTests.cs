using Npgsql;
using Registry.Data.Seeding;
using Registry.Data.ServerLists;
using Registry.Data.Servers;
using Registry.Domain.Listing;

namespace Registry.Data.Tests;

[Collection(PostgresCollection.Name)]
public class SeedImporterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync() => dataSource = await postgres.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task ImportingTheSameSeedTwiceStoresEachVersionOnce()
    {
        var seed = ServerListResponseReader.Read("""
            [{"name":"com.example/a","version":"1.0.0","description":"d"},
             {"name":"com.example/a","version":"2.0.0","description":"d"},
             {"name":"com.example/b","version":"0.1.0","description":"d"}]
            """).Entries;
        var importer = new SeedImporter(dataSource, TimeProvider.System);

        var first = await importer.ImportAsync(seed, CancellationToken.None);
        var second = await importer.ImportAsync(seed, CancellationToken.None);

        Assert.Equal(new SeedImporter.Result(3, 0), first);
        Assert.Equal(new SeedImporter.Result(0, 3), second);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM servers");
        Assert.Equal(3L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task PlainDocumentsGetLatestByTheVersioningRulesWhateverTheirOrder()
    {
        var seed = ServerListResponseReader.Read("""
            [{"name":"com.example/a","version":"1.10.0","description":"d"},
             {"name":"com.example/a","version":"1.9.0","description":"d"},
             {"name":"com.example/a","version":"2.0.0-rc.1","description":"d"}]
            """).Entries;

        await new SeedImporter(dataSource, TimeProvider.System).ImportAsync(seed, CancellationToken.None);

        var latest = await new ServerReadStore(dataSource).ListAsync(
            ServerListQueryRules.Build(null, null, null, null, "latest", null), CancellationToken.None);
        Assert.Equal("2.0.0-rc.1", Assert.Single(latest).Version);
    }

    [Fact]
    public async Task EntriesFromARegistryKeepTheirStatusTimestampsAndLatestFlag()
    {
        var seed = ServerListResponseReader.Read("""
            {"servers":[
              {"server":{"name":"com.example/a","version":"2.0.0","description":"d"},
               "_meta":{"io.modelcontextprotocol.registry/official":{"status":"deprecated","statusMessage":"use b",
                 "publishedAt":"2025-01-01T00:00:00Z","updatedAt":"2025-02-01T00:00:00Z","statusChangedAt":"2025-02-01T00:00:00Z","isLatest":false}}},
              {"server":{"name":"com.example/a","version":"1.0.0","description":"d"},
               "_meta":{"io.modelcontextprotocol.registry/official":{"status":"active",
                 "publishedAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z","statusChangedAt":"2024-01-01T00:00:00Z","isLatest":true}}}]}
            """).Entries;

        await new SeedImporter(dataSource, TimeProvider.System).ImportAsync(seed, CancellationToken.None);

        var store = new ServerReadStore(dataSource);
        var deprecated = await store.GetVersionAsync("com.example/a", "2.0.0", false, CancellationToken.None);
        Assert.Equal(("deprecated", "use b", false), (deprecated!.Status, deprecated.StatusMessage, deprecated.IsLatest));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), deprecated.PublishedAt);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), deprecated.UpdatedAt);
        Assert.Equal("1.0.0", (await store.GetVersionAsync("com.example/a", "latest", false, CancellationToken.None))?.Version);
    }
}
