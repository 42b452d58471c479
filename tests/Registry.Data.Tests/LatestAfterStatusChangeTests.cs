using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Writes;
using Registry.Data.Servers;
using Registry.Domain.Versions;

namespace Registry.Data.Tests;

/// <summary>"latest" is chosen again after every status change (as the official registry does since 2026), under the name lock of the write.</summary>
[Collection(PostgresCollection.Name)]
public class LatestAfterStatusChangeTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Name = "com.example/a";
    private NpgsqlDataSource dataSource = null!;
    private ServerWriteStore store = null!;
    private ServerReadStore reads = null!;
    private ChangeLogReader log = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        store = new ServerWriteStore(dataSource, TimeProvider.System);
        reads = new ServerReadStore(dataSource);
        log = new ChangeLogReader(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private static NewServerVersion Version(string name, string version) =>
        new(name, version, $$"""{"name":"{{name}}","version":"{{version}}","description":"d"}""", []);

    private async Task PublishAsync(params string[] versions)
    {
        foreach (var version in versions)
        {
            await store.PublishAsync(Version(Name, version), CancellationToken.None);
        }
    }

    private Task<ServerVersionRecord?> SetStatusAsync(string version, string status) =>
        store.SetVersionStatusAsync(Name, version, status, null, CancellationToken.None);

    /// <summary>Every version flagged latest, deleted ones included: exactly one when the rules hold.</summary>
    private async Task<string[]> LatestAsync(string name = Name) =>
        (await reads.ListVersionsAsync(name, includeDeleted: true, CancellationToken.None)).Where(r => r.IsLatest).Select(r => r.Version).ToArray();

    [Fact]
    public async Task DeletingTheLatestMovesLatestToTheBestRemainingVersion()
    {
        await PublishAsync("1.0.0", "1.2.0", "1.1.0", "2.0.0");

        var deleted = await SetStatusAsync("2.0.0", "deleted");

        Assert.False(deleted!.IsLatest);
        Assert.Equal(["1.2.0"], await LatestAsync());
        Assert.Equal("1.2.0", (await reads.GetVersionAsync(Name, "latest", includeDeleted: false, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task RestoringTheDeletedBestVersionMakesItLatestAgain()
    {
        await PublishAsync("1.0.0", "2.0.0");
        await SetStatusAsync("2.0.0", "deleted");

        var restored = await SetStatusAsync("2.0.0", "active");

        Assert.True(restored!.IsLatest);
        Assert.Equal(["2.0.0"], await LatestAsync());
    }

    [Fact]
    public async Task DeletingEveryVersionLeavesTheBestOfAllLatest()
    {
        await PublishAsync("2.0.0", "1.0.0", "1.5.0");
        await SetStatusAsync("2.0.0", "deleted");
        await SetStatusAsync("1.0.0", "deleted");

        await SetStatusAsync("1.5.0", "deleted");

        Assert.Equal(["2.0.0"], await LatestAsync());
        Assert.Null(await reads.GetVersionAsync(Name, "latest", includeDeleted: false, CancellationToken.None));
    }

    [Fact]
    public async Task DeletingEveryVersionAtOnceKeepsTheFlagAndAnswersEveryRowAsStored()
    {
        await PublishAsync("1.0.0", "2.0.0");

        var updated = await store.SetAllVersionsStatusAsync(Name, "deleted", null, CancellationToken.None);

        Assert.Equal([("2.0.0", true), ("1.0.0", false)], updated!.Select(r => (r.Version, r.IsLatest)));
        Assert.Equal(["2.0.0"], await LatestAsync());
    }

    [Fact]
    public async Task DeprecatedVersionsStillCountAndOnlyDeletedOnesAreSkipped()
    {
        await PublishAsync("1.0.0", "2.0.0", "3.0.0");
        await SetStatusAsync("2.0.0", "deprecated");

        await SetStatusAsync("3.0.0", "deleted");

        Assert.Equal(["2.0.0"], await LatestAsync());
    }

    [Fact]
    public async Task PublishingBelowADeletedLatestMakesTheNewVersionLatestWhenItIsTheBestNotDeleted()
    {
        await PublishAsync("1.0.0", "2.0.0");
        await SetStatusAsync("2.0.0", "deleted");

        var published = await store.PublishAsync(Version(Name, "1.0.1"), CancellationToken.None);

        Assert.True(published.IsLatest);
        Assert.Equal(["1.0.1"], await LatestAsync());
    }

    [Fact]
    public async Task PublishingIntoANameWhoseVersionsAreAllDeletedMakesTheNewVersionLatest()
    {
        await PublishAsync("2.0.0");
        await SetStatusAsync("2.0.0", "deleted");

        var published = await store.PublishAsync(Version(Name, "1.0.0"), CancellationToken.None);

        Assert.True(published.IsLatest);
        Assert.Equal(["1.0.0"], await LatestAsync());
    }

    [Fact]
    public async Task APublishMovesAFlagLeftOnADeletedVersionBeforeRecalculationExisted()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await ServerRows.InsertAsync(dataSource, Name, "2.0.0", isLatest: true, status: "deleted", publishedAt: start);
        await ServerRows.InsertAsync(dataSource, Name, "1.0.1", publishedAt: start.AddMinutes(1));

        var lower = await store.PublishAsync(Version(Name, "1.0.0"), CancellationToken.None);

        Assert.False(lower.IsLatest);
        Assert.Equal(["1.0.1"], await LatestAsync());
        Assert.Equal(
            [(1L, Name, "1.0.0", "published", "active"), (2L, Name, "1.0.1", "became_latest", "active")],
            await ChangeLogRows.ReadAsync(log));
    }

    [Fact]
    public async Task TheVersionThatTakesLatestIsLoggedAndUpdatedButTheOneThatGivesItUpIsNot()
    {
        await PublishAsync("1.0.0", "2.0.0");
        var before = (await reads.GetVersionAsync(Name, "1.0.0", includeDeleted: true, CancellationToken.None))!;

        var deleted = await SetStatusAsync("2.0.0", "deleted");
        var restored = await SetStatusAsync("2.0.0", "active");

        var promoted = (await reads.GetVersionAsync(Name, "1.0.0", includeDeleted: true, CancellationToken.None))!;
        Assert.Equal(deleted!.UpdatedAt, promoted.UpdatedAt);
        Assert.True(promoted.UpdatedAt > before.UpdatedAt);
        Assert.False(promoted.IsLatest);
        Assert.Equal(
            [
                (3L, Name, "2.0.0", "status_changed", "deleted"),
                (4L, Name, "1.0.0", "became_latest", "active"),
                (5L, Name, "2.0.0", "status_changed", "active"),
            ],
            await ChangeLogRows.ReadAsync(log, after: 2));
        Assert.Equal(promoted.UpdatedAt, (await log.ReadAfterAsync(3, 1, CancellationToken.None))[0].OccurredAt);
        Assert.True(restored!.IsLatest);
    }

    [Fact]
    public async Task AStatusChangeThatLeavesTheFlagInPlaceLogsOnlyTheStatusChange()
    {
        await PublishAsync("1.0.0", "2.0.0");

        await SetStatusAsync("1.0.0", "deleted");
        await SetStatusAsync("2.0.0", "deprecated");

        Assert.Equal(["2.0.0"], await LatestAsync());
        Assert.Equal(["status_changed", "status_changed"], (await ChangeLogRows.ReadAsync(log, after: 2)).Select(e => e.Item4));
    }

    [Fact]
    public async Task ConcurrentStatusChangesAndPublishesOfOneNameKeepExactlyOneLatest()
    {
        var name = "com.example/contended";
        await store.PublishAsync(Version(name, "1.0.0"), CancellationToken.None);
        var statuses = new[] { "deleted", "active", "deprecated" };
        var work = Enumerable.Range(1, 12).Select(i => (Func<Task>)(() => store.PublishAsync(Version(name, $"1.{i}.0"), CancellationToken.None)))
            .Concat(Enumerable.Range(0, 24).Select(i => (Func<Task>)(async () =>
            {
                try
                {
                    await store.SetVersionStatusAsync(name, $"1.{i % 4}.0", statuses[i % 3], null, CancellationToken.None);
                }
                catch (ServerWriteException ex) when (ex.NoChanges)
                {
                }
            })))
            .Concat(Enumerable.Range(0, 6).Select(i => (Func<Task>)(async () =>
            {
                try
                {
                    await store.SetAllVersionsStatusAsync(name, i % 2 == 0 ? "deleted" : "active", null, CancellationToken.None);
                }
                catch (ServerWriteException ex) when (ex.NoChanges)
                {
                }
            })))
            .OrderBy(_ => Guid.NewGuid())
            .Select(Task.Run);

        await Task.WhenAll(work);

        var stored = await reads.ListVersionsAsync(name, includeDeleted: true, CancellationToken.None);
        var expected = ServerVersionOrdering.ChooseLatest(stored.Select(r => new VersionCandidate(r.Version, r.PublishedAt, r.Status)).ToList());
        Assert.Equal(13, stored.Count);
        Assert.Equal([expected!.Version], await LatestAsync(name));
    }
}
