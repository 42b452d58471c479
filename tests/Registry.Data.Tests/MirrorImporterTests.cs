using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Mirroring;
using Registry.Data.Servers;

namespace Registry.Data.Tests;

[Collection(PostgresCollection.Name)]
public class MirrorImporterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Upstream = "http://upstream.test";
    private const string Columns = "server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value::text";
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource dataSource = null!;
    private MirrorImporter importer = null!;
    private ServerReadStore reads = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        importer = new MirrorImporter(dataSource, TimeProvider.System);
        reads = new ServerReadStore(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private static MirroredVersion Version(
        string name, string version, bool latest = false, string status = "active", string? message = null, int minutes = 0) =>
        new(name, version, $$"""{"name":"{{name}}","version":"{{version}}","description":"mirrored"}""",
            status, message, T0, T0.AddMinutes(minutes), T0.AddMinutes(minutes), latest);

    private static MirrorPosition PassAt(string cursor) => new(null, new MirrorPass(DateTimeOffset.UnixEpoch, cursor, T0, T0));

    private Task<MirrorImporter.Result> ImportAsync(MirrorPosition position, params MirroredVersion[] versions) =>
        importer.ImportPageAsync(Upstream, versions, position, completesPass: false, CancellationToken.None);

    [Fact]
    public async Task ImportedVersionsKeepTheUpstreamStatusTimestampsAndLatestFlag()
    {
        await ImportAsync(PassAt("com.example/a:2.0.0"),
            Version("com.example/a", "1.0.0", latest: true),
            Version("com.example/a", "2.0.0", status: "deprecated", message: "use c", minutes: 5));

        var deprecated = await reads.GetVersionAsync("com.example/a", "2.0.0", includeDeleted: false, CancellationToken.None);
        Assert.Equal(("deprecated", "use c", false), (deprecated!.Status, deprecated.StatusMessage, deprecated.IsLatest));
        Assert.Equal((T0, T0.AddMinutes(5), T0.AddMinutes(5)), (deprecated.PublishedAt, deprecated.UpdatedAt, deprecated.StatusChangedAt));
        Assert.Equal("1.0.0", (await reads.GetVersionAsync("com.example/a", "latest", false, CancellationToken.None))?.Version);
    }

    [Fact]
    public async Task APageEndsAsIfWrittenVersionByVersionWhenItMakesTwoVersionsLatestAndHoldsOneTwice()
    {
        var written = await ImportAsync(PassAt("com.example/a:2.0.0"),
            Version("com.example/a", "1.0.0", latest: true),
            Version("com.example/a", "2.0.0", latest: true, minutes: 1),
            Version("com.example/a", "1.0.0", status: "deprecated", minutes: 2));

        var versions = await reads.ListVersionsAsync("com.example/a", includeDeleted: true, CancellationToken.None);
        Assert.Equal(["2.0.0"], versions.Where(v => v.IsLatest).Select(v => v.Version));
        Assert.Equal("deprecated", versions.Single(v => v.Version == "1.0.0").Status);
        Assert.Equal(["2.0.0", "1.0.0"], written.Written.Select(r => r.Version));
    }

    [Fact]
    public async Task AVersionUpstreamMadeLatestTakesTheFlagFromThePreviousOne()
    {
        await ImportAsync(PassAt("com.example/a:1.0.0"), Version("com.example/a", "1.0.0", latest: true));

        // Upstream does not touch the old latest's updatedAt when a newer version takes over, so it is not in the page.
        await ImportAsync(PassAt("com.example/a:1.1.0"), Version("com.example/a", "1.1.0", latest: true, minutes: 1));

        var versions = await reads.ListVersionsAsync("com.example/a", includeDeleted: true, CancellationToken.None);
        Assert.Equal(["1.1.0"], versions.Where(v => v.IsLatest).Select(v => v.Version));
    }

    [Fact]
    public async Task ImportingTheSamePageAgainChangesNothing()
    {
        MirroredVersion[] page =
        [
            Version("com.example/a", "1.0.0"),
            Version("com.example/a", "1.1.0", latest: true),
            Version("com.example/b", "0.1.0", latest: true, status: "deleted"),
        ];
        var position = PassAt("com.example/b:0.1.0");

        var first = await ImportAsync(position, page);
        var rowsAfterFirst = await AllRowsAsync();
        var changesAfterFirst = await ChangeLogRows.ReadAsync(new ChangeLogReader(dataSource));
        var second = await ImportAsync(position, page);

        Assert.Equal(3, first.Written.Count);
        Assert.Empty(second.Written);
        Assert.Equal(rowsAfterFirst, await AllRowsAsync());
        Assert.Equal(changesAfterFirst, await ChangeLogRows.ReadAsync(new ChangeLogReader(dataSource)));
    }

    [Fact]
    public async Task AChangedDocumentOrStatusIsWrittenAndReported()
    {
        await ImportAsync(PassAt("com.example/a:1.0.0"), Version("com.example/a", "1.0.0", latest: true));

        var result = await ImportAsync(PassAt("com.example/a:1.0.0"),
            Version("com.example/a", "1.0.0", latest: true, status: "deprecated", message: "old", minutes: 2));

        var written = Assert.Single(result.Written);
        Assert.Equal(("deprecated", "old", T0.AddMinutes(2)), (written.Status, written.StatusMessage, written.UpdatedAt));
        Assert.Equal(["com.example/a"], result.ChangedNames);
    }

    [Fact]
    public async Task EachVersionInsertedOrChangedIsLoggedOnceAsMirroredWithItsStatus()
    {
        await ImportAsync(PassAt("com.example/a:1.1.0"),
            Version("com.example/a", "1.0.0"),
            Version("com.example/a", "1.1.0", latest: true));

        await ImportAsync(PassAt("com.example/b:1.0.0"),
            Version("com.example/a", "1.0.0"),
            Version("com.example/a", "1.1.0", latest: true, status: "deprecated", minutes: 3),
            Version("com.example/b", "1.0.0", latest: true));

        var log = await new ChangeLogReader(dataSource).ReadAfterAsync(0, 100, CancellationToken.None);
        Assert.Equal(
            [
                (1L, "com.example/a", "1.0.0", "mirrored", "active"),
                (2L, "com.example/a", "1.1.0", "mirrored", "active"),
                (3L, "com.example/a", "1.1.0", "mirrored", "deprecated"),
                (4L, "com.example/b", "1.0.0", "mirrored", "active"),
            ],
            log.Select(e => (e.Sequence, e.Name, e.Version, e.Kind, e.Status)));
        Assert.Equal(T0.AddMinutes(3), log[2].OccurredAt);
    }

    [Fact]
    public async Task APageWithAFailingEntryLeavesNeitherItsVersionsNorItsPosition()
    {
        await ImportAsync(PassAt("com.example/a:1.0.0"), Version("com.example/a", "1.0.0", latest: true));

        // A status message longer than the column allows fails in the middle of the page.
        await Assert.ThrowsAsync<PostgresException>(() => ImportAsync(PassAt("com.example/c:1.0.0"),
            Version("com.example/b", "1.0.0", latest: true),
            Version("com.example/c", "1.0.0", status: "deprecated", message: new string('x', 501))));

        Assert.Null(await reads.GetVersionAsync("com.example/b", "1.0.0", true, CancellationToken.None));
        Assert.Single(await ChangeLogRows.ReadAsync(new ChangeLogReader(dataSource)));
        Assert.False(await new MirroredNameStore(dataSource).IsMirroredAsync("com.example/b", CancellationToken.None));
        var state = await new MirrorStateStore(dataSource).ReadAsync(Upstream, CancellationToken.None);
        Assert.Equal("com.example/a:1.0.0", state.Position.Pass?.Cursor);
    }

    [Fact]
    public async Task ThePositionIsSavedWithItsPageAndACompletedPassClearsTheLastError()
    {
        var states = new MirrorStateStore(dataSource);
        await ImportAsync(PassAt("com.example/a:1.0.0"), Version("com.example/a", "1.0.0", latest: true));
        await states.RecordErrorAsync(Upstream, "upstream answered 503", T0, CancellationToken.None);

        var during = await states.ReadAsync(Upstream, CancellationToken.None);
        await importer.ImportPageAsync(Upstream, [], new MirrorPosition(T0, null), completesPass: true, CancellationToken.None);
        var after = await states.ReadAsync(Upstream, CancellationToken.None);

        Assert.Equal(new MirrorPass(DateTimeOffset.UnixEpoch, "com.example/a:1.0.0", T0, T0), during.Position.Pass);
        Assert.Equal(("upstream answered 503", (DateTimeOffset?)T0, (DateTimeOffset?)null), (during.LastError, during.LastErrorAt, during.LastSuccessAt));
        Assert.Equal(new MirrorPosition(T0, null), after.Position);
        Assert.NotNull(after.LastSuccessAt);
        Assert.Null(after.LastError);
    }

    [Fact]
    public async Task AStatusFilteredVersionIsNotAddedButAStoredCopyFollowsUpstream()
    {
        await ImportAsync(PassAt("com.example/a:1.0.0"), Version("com.example/a", "1.0.0", latest: true));

        var result = await ImportAsync(PassAt("com.example/a:2.0.0"),
            Version("com.example/a", "1.0.0", status: "deleted", minutes: 1) with { AdmitNew = false },
            Version("com.example/a", "2.0.0", latest: true, status: "deleted", minutes: 1) with { AdmitNew = false });

        var stored = Assert.Single(await reads.ListVersionsAsync("com.example/a", includeDeleted: true, CancellationToken.None));
        Assert.Equal(("1.0.0", "deleted", false), (stored.Version, stored.Status, stored.IsLatest));
        Assert.Equal(["1.0.0"], result.Written.Select(r => r.Version));
    }

    [Fact]
    public async Task ANameIsMirroredOnceAVersionOfItIsWritten()
    {
        var names = new MirroredNameStore(dataSource);
        await ServerRows.InsertAsync(dataSource, "com.example/local", "1.0.0", isLatest: true);

        await ImportAsync(PassAt("com.example/a:1.0.0"), Version("com.example/a", "1.0.0", latest: true));

        Assert.True(await names.IsMirroredAsync("com.example/a", CancellationToken.None));
        Assert.False(await names.IsMirroredAsync("com.example/local", CancellationToken.None));
        Assert.Equal(1L, await names.CountVersionsAsync(CancellationToken.None));
    }

    private async Task<List<string>> AllRowsAsync()
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM servers ORDER BY server_name, version");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
