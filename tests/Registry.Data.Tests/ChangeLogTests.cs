using Registry.Domain.Errors;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Migrations;
using Registry.Data.Mirroring;
using Registry.Data.Seeding;
using Registry.Data.ServerLists;
using Registry.Data.Writes;

namespace Registry.Data.Tests;

[Collection(PostgresCollection.Name)]
public class ChangeLogTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private ServerWriteStore store = null!;
    private ChangeLogReader log = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        store = new ServerWriteStore(dataSource, TimeProvider.System);
        log = new ChangeLogReader(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private static NewServerVersion Version(string name, string version, params string[] remoteUrls)
    {
        var remotes = string.Join(",", remoteUrls.Select(u => $$"""{"type":"streamable-http","url":"{{u}}"}"""));
        return new NewServerVersion(name, version, $$"""{"name":"{{name}}","version":"{{version}}","description":"d","remotes":[{{remotes}}]}""", remoteUrls);
    }

    [Fact]
    public async Task EachWriteAppendsExactlyTheChangesItMadeInOrder()
    {
        var first = await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);
        await store.PublishAsync(Version("com.example/a", "1.1.0"), CancellationToken.None);
        var edited = await store.EditAsync(Version("com.example/a", "1.0.0") with { Document = """{"name":"com.example/a","version":"1.0.0","description":"e"}""" }, CancellationToken.None);
        await store.SetVersionStatusAsync("com.example/a", "1.1.0", "deprecated", "old", CancellationToken.None);
        var all = await store.SetAllVersionsStatusAsync("com.example/a", "deleted", null, CancellationToken.None);

        Assert.Equal(
            [
                (1L, "com.example/a", "1.0.0", "published", "active"),
                (2L, "com.example/a", "1.1.0", "published", "active"),
                (3L, "com.example/a", "1.0.0", "edited", "active"),
                (4L, "com.example/a", "1.1.0", "status_changed", "deprecated"),
                (5L, "com.example/a", "1.0.0", "status_changed", "deleted"),
                (6L, "com.example/a", "1.1.0", "status_changed", "deleted"),
            ],
            await ChangeLogRows.ReadAsync(log));
        var entries = await log.ReadAfterAsync(0, 10, CancellationToken.None);
        Assert.Equal(first.UpdatedAt, entries[0].OccurredAt);
        Assert.Equal(edited!.UpdatedAt, entries[2].OccurredAt);
        Assert.Equal(all![0].UpdatedAt, entries[5].OccurredAt);
        Assert.Equal([6L, 5L, 4L], (await log.ReadNewestAfterAsync(0, 3, [], CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal([6L, 5L], (await log.ReadNewestAfterAsync(4, 3, [], CancellationToken.None)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task AReadLeavesOutTheNamesUnderHiddenPrefixesInBothOrders()
    {
        await store.PublishAsync(Version("com.acme.internal/tool", "1.0.0"), CancellationToken.None);
        await store.PublishAsync(Version("com.acme.internals/lookalike", "1.0.0"), CancellationToken.None);
        await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);
        await store.PublishAsync(Version("com.acme.internal/other", "1.0.0"), CancellationToken.None);
        string[] hidden = ["com.acme.internal/", "com.other_%/"];

        var oldest = await log.ReadAfterAsync(0, 10, hidden, CancellationToken.None);
        var newest = await log.ReadNewestAfterAsync(0, 10, hidden, CancellationToken.None);

        Assert.Equal(["com.acme.internals/lookalike", "com.example/a"], oldest.Select(e => e.Name));
        Assert.Equal(["com.example/a", "com.acme.internals/lookalike"], newest.Select(e => e.Name));
        Assert.Equal(4, (await log.ReadAfterAsync(0, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RewordingTheStatusMessageIsLoggedAsAStatusChange()
    {
        await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);
        await store.SetVersionStatusAsync("com.example/a", "1.0.0", "deprecated", "old", CancellationToken.None);

        await store.SetVersionStatusAsync("com.example/a", "1.0.0", "deprecated", "older", CancellationToken.None);

        Assert.Equal((3L, "status_changed", "deprecated"), (await ChangeLogRows.ReadAsync(log, after: 2)).Select(e => (e.Item1, e.Item4, e.Item5)).Single());
    }

    [Fact]
    public async Task AFailedOrRefusedWriteAppendsNothing()
    {
        await store.PublishAsync(Version("com.example/a", "1.0.0", "https://mcp.example.com/a"), CancellationToken.None);

        await Assert.ThrowsAsync<RegistryException>(() => store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None));
        await Assert.ThrowsAsync<ServerWriteException>(() => store.PublishAsync(Version("com.example/b", "1.0.0", "https://mcp.example.com/a"), CancellationToken.None));
        await Assert.ThrowsAsync<ServerWriteException>(() => store.SetVersionStatusAsync("com.example/a", "1.0.0", "active", null, CancellationToken.None));
        Assert.Null(await store.EditAsync(Version("com.example/a", "9.9.9"), CancellationToken.None));
        Assert.Null(await store.SetAllVersionsStatusAsync("com.example/missing", "deleted", null, CancellationToken.None));

        Assert.Equal([(1L, "com.example/a", "1.0.0", "published", "active")], await ChangeLogRows.ReadAsync(log));
    }

    [Fact]
    public async Task AnotherWriterAppendsInItsOwnTransactionAndARollbackLeavesNoTrace()
    {
        var mirror = new MirrorImporter(dataSource, TimeProvider.System);

        await Assert.ThrowsAsync<PostgresException>(() => ImportMirroredAsync(mirror, Mirrored("1.0.0"), Mirrored("1.1.0", new string('x', 501))));
        await ImportMirroredAsync(mirror, Mirrored("1.0.0"), Mirrored("1.1.0"));

        Assert.Equal(
            [(1L, "com.example/m", "1.0.0", "mirrored", "deprecated"), (2L, "com.example/m", "1.1.0", "mirrored", "deprecated")],
            await ChangeLogRows.ReadAsync(log));
        Assert.Equal(2L, await log.LatestSequenceAsync(CancellationToken.None));
    }

    /// <summary>A message longer than the column allows makes the page fail after its first version is written.</summary>
    private static MirroredVersion Mirrored(string version, string message = "old") =>
        new("com.example/m", version, $$"""{"name":"com.example/m","version":"{{version}}","description":"d"}""",
            "deprecated", message, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, IsLatest: false);

    private static Task ImportMirroredAsync(MirrorImporter mirror, params MirroredVersion[] versions) =>
        mirror.ImportPageAsync("http://upstream.test", versions, MirrorPosition.Start, completesPass: false, CancellationToken.None);

    [Fact]
    public async Task AListenerHearsTheLastSequenceOfEachCommitAndNothingOfARollback()
    {
        await using var listener = await ChangeLogListener.OpenAsync(dataSource, CancellationToken.None);
        Assert.Equal(0L, await listener.LatestSequenceAsync(CancellationToken.None));
        Assert.Null(await listener.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None));

        await Assert.ThrowsAsync<PostgresException>(() =>
            ImportMirroredAsync(new MirrorImporter(dataSource, TimeProvider.System), Mirrored("1.0.0", new string('x', 501))));

        Assert.Null(await listener.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None));
        await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);
        await store.PublishAsync(Version("com.example/b", "1.0.0"), CancellationToken.None);
        await store.SetAllVersionsStatusAsync("com.example/b", "deprecated", null, CancellationToken.None);

        var heard = new List<long>();
        while (heard.LastOrDefault() < 3 && await listener.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None) is { } sequence)
        {
            heard.Add(sequence);
        }

        Assert.Equal(3L, heard.Last());
        Assert.Equal(heard.Order(), heard);
    }

    [Fact]
    public async Task ImportedSeedVersionsAreLoggedOnceWithTheStatusTheyArrivedIn()
    {
        var seed = ServerListResponseReader.Read("""
            {"servers":[
              {"server":{"name":"com.example/a","version":"2.0.0","description":"d"},
               "_meta":{"io.modelcontextprotocol.registry/official":{"status":"deleted","publishedAt":"2025-01-01T00:00:00Z","isLatest":true}}},
              {"server":{"name":"com.example/b","version":"1.0.0","description":"d"}}]}
            """).Entries;
        var importer = new SeedImporter(dataSource, TimeProvider.System);

        await importer.ImportAsync(seed, CancellationToken.None);
        await importer.ImportAsync(seed, CancellationToken.None);

        Assert.Equal(
            [(1L, "com.example/a", "2.0.0", "published", "deleted"), (2L, "com.example/b", "1.0.0", "published", "active")],
            await ChangeLogRows.ReadAsync(log));
    }

    [Fact]
    public async Task VersionsStoredBeforeTheLogExistedAreLoggedInPublicationOrderByTheMigration()
    {
        var start = DateTimeOffset.Parse("2025-01-01T00:00:00Z");
        await ServerRows.InsertAsync(dataSource, "com.example/b", "1.0.0", publishedAt: start.AddDays(2), status: "deprecated");
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0", publishedAt: start.AddDays(1));
        await using (var forget = dataSource.CreateCommand(
            "DROP TABLE server_changes; DELETE FROM schema_migrations WHERE id = '0003_change_log'"))
        {
            await forget.ExecuteNonQueryAsync();
        }

        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);

        Assert.Equal(
            [(1L, "com.example/a", "1.0.0", "published", "active"), (2L, "com.example/b", "1.0.0", "published", "deprecated")],
            await ChangeLogRows.ReadAsync(log));
        Assert.Equal(start.AddDays(1), (await log.ReadAfterAsync(0, 1, CancellationToken.None))[0].OccurredAt);
    }
}
