using Npgsql;
using Registry.Data.Migrations;
using Registry.Data.Rendering;
using Registry.Data.Seeding;
using Registry.Data.ServerLists;
using Registry.Data.Servers;
using Registry.Data.Writes;

namespace Registry.Data.Tests.Rendering;

/// <summary>Every writer stores the wire rendering with the document, and a document never keeps a stale one.</summary>
[Collection(PostgresCollection.Name)]
public class WireJsonStorageTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private ServerWriteStore writes = null!;
    private ServerReadStore reads = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        writes = new ServerWriteStore(dataSource, TimeProvider.System);
        reads = new ServerReadStore(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private static string Document(string name, string version, string description) =>
        $$"""{"name":"{{name}}","version":"{{version}}","description":"{{description}}","extra":"not in the contract"}""";

    [Fact]
    public async Task APublishAndAnEditStoreTheRenderingOfTheirDocument()
    {
        var first = Document("com.example/a", "1.0.0", "first");
        await writes.PublishAsync(new NewServerVersion("com.example/a", "1.0.0", first, []), CancellationToken.None);
        Assert.Equal(ServerWireJson.Render(first), await StoredWireJsonAsync("com.example/a", "1.0.0"));

        var edited = Document("com.example/a", "1.0.0", "edited");
        await writes.EditAsync(new NewServerVersion("com.example/a", "1.0.0", edited, []), CancellationToken.None);
        Assert.Equal(ServerWireJson.Render(edited), await StoredWireJsonAsync("com.example/a", "1.0.0"));

        var read = await reads.GetVersionAsync("com.example/a", "1.0.0", false, CancellationToken.None);
        Assert.True(read!.DocumentIsWireJson);
        Assert.Equal(ServerWireJson.Render(edited), read.Document);
    }

    [Fact]
    public async Task SeedImportsStoreRenderings()
    {
        var entries = ServerListResponseReader.Read(
            """[{"name":"com.example/s","version":"1.0.0","description":"d"},{"name":"com.example/s","version":"2.0.0","description":"d"}]""").Entries;
        await new BulkSeedImporter(dataSource, TimeProvider.System).ImportAsync(entries, CancellationToken.None);
        await new SeedImporter(dataSource, TimeProvider.System).ImportAsync(
            ServerListResponseReader.Read("""[{"name":"com.example/s","version":"3.0.0","description":"d"}]""").Entries, CancellationToken.None);

        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM servers WHERE wire_json IS NULL"));
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM servers"));
    }

    [Fact]
    public async Task ADocumentChangedWithoutANewRenderingLosesTheOldOne()
    {
        await writes.PublishAsync(new NewServerVersion("com.example/b", "1.0.0", Document("com.example/b", "1.0.0", "old"), []), CancellationToken.None);

        await ScalarAsync<int>($"UPDATE servers SET value = '{Document("com.example/b", "1.0.0", "new")}'::jsonb RETURNING 1");

        var read = await reads.GetVersionAsync("com.example/b", "1.0.0", false, CancellationToken.None);
        Assert.False(read!.DocumentIsWireJson);
        Assert.Equal(ServerWireJson.Render(Document("com.example/b", "1.0.0", "new")), ServerWireJson.Of(read));
    }

    [Fact]
    public async Task TheBackfillRendersRowsWithout()
    {
        var seed = "[" + string.Join(",", Enumerable.Range(0, 1_200).Select(i => Document($"com.example/n{i:D4}", "1.0.0", $"d{i}"))) + "]";
        await new BulkSeedImporter(dataSource, TimeProvider.System).ImportAsync(ServerListResponseReader.Read(seed).Entries, CancellationToken.None);

        await ScalarAsync<int>("UPDATE servers SET wire_json = NULL WHERE server_name > 'com.example/n0100' RETURNING 1");
        var missing = await ScalarAsync<long>("SELECT count(*) FROM servers WHERE wire_json IS NULL");

        Assert.Equal((int)missing, await new WireJsonBackfill(dataSource).RunAsync(CancellationToken.None));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM servers WHERE wire_json IS NULL"));
        Assert.Equal(ServerWireJson.Render(Document("com.example/n1199", "1.0.0", "d1199")), await StoredWireJsonAsync("com.example/n1199", "1.0.0"));
        Assert.Equal(0, await new WireJsonBackfill(dataSource).RunAsync(CancellationToken.None));
    }

    private async Task<string?> StoredWireJsonAsync(string name, string version)
    {
        await using var command = dataSource.CreateCommand("SELECT wire_json FROM servers WHERE server_name = @n AND version = @v");
        command.Parameters.AddWithValue("n", name);
        command.Parameters.AddWithValue("v", version);
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
