using Npgsql;
using Registry.Data.Rendering;
using Registry.Data.Servers;
using Registry.Domain.Listing;

namespace Registry.Data.Tests;

[Collection(PostgresCollection.Name)]
public class ServerReadStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource dataSource = null!;
    private ServerReadStore store = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        store = new ServerReadStore(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("billing")]
    public async Task AListWithHiddenPrefixesReadsAsIfTheirNamesWereAbsent(string? search)
    {
        foreach (var name in new[] { "com.acme.internal/billing", "com.acme.internals/billing", "io.github.a/billing", "com.acme.internal/zeta-billing" })
        {
            await ServerRows.InsertAsync(dataSource, name, "1.0.0", isLatest: true, description: "billing");
        }

        var query = ServerListQueryRules.Build(null, 10, search, null, null, null) with { HiddenPrefixes = ["com.acme.internal/"] };

        var names = (await store.ListAsync(query, CancellationToken.None)).Select(r => r.Name);

        Assert.Equal(["com.acme.internals/billing", "io.github.a/billing"], names);
    }

    [Fact]
    public async Task PagingWithNextCursorVisitsEveryVersionOnceInNameThenVersionOrder()
    {
        var rows = new List<(string Name, string Version)>();
        foreach (var name in new[] { "io.github.b/zeta", "com.example/alpha", "io.github.a/beta", "com.example/Alpha" })
        {
            foreach (var version in new[] { "1.0.0", "1.10.0", "1.2.0" })
            {
                await ServerRows.InsertAsync(dataSource, name, version, isLatest: version == "1.10.0");
                rows.Add((name, version));
            }
        }

        var seen = new List<(string, string)>();
        string? cursor = null;
        for (var page = 0; page < 20; page++)
        {
            var query = ServerListQueryRules.Build(cursor, 5, null, null, null, null);
            var records = await store.ListAsync(query, CancellationToken.None);
            seen.AddRange(records.Select(r => (r.Name, r.Version)));
            cursor = ServerResponseMapper.ToPage(records, query).Metadata.HasNextCursor
                ? ServerResponseMapper.ToPage(records, query).Metadata.NextCursor
                : null;
            if (cursor is null)
            {
                break;
            }
        }

        var expected = rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ABareNameCursorSkipsEveryVersionOfThatName()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0");
        await ServerRows.InsertAsync(dataSource, "com.example/a", "2.0.0");
        await ServerRows.InsertAsync(dataSource, "com.example/b", "1.0.0");

        var records = await store.ListAsync(ServerListQueryRules.Build("com.example/a", null, null, null, null, null), CancellationToken.None);

        Assert.Equal(["com.example/b"], records.Select(r => r.Name));
    }

    [Fact]
    public async Task SearchIsACaseInsensitiveSubstringOfTheName()
    {
        await ServerRows.InsertAsync(dataSource, "io.github.user/Weather-API", "1.0.0");
        await ServerRows.InsertAsync(dataSource, "com.example/weatherman", "1.0.0");
        await ServerRows.InsertAsync(dataSource, "com.example/files", "1.0.0");

        var records = await store.ListAsync(ServerListQueryRules.Build(null, null, "WEATHER", null, null, null), CancellationToken.None);

        Assert.Equal(["com.example/weatherman", "io.github.user/Weather-API"], records.Select(r => r.Name));
    }

    [Fact]
    public async Task SearchPagesVisitEveryMatchInKeyOrderWhereverTheMatchesSit()
    {
        await InsertManyAsync(2_500, i => i is 5 or 10 or (>= 2_400 and < 2_451) ? $"com.example/n-{i:D4}-match" : $"com.example/n-{i:D4}");
        var expected = new[] { 5, 10 }.Concat(Enumerable.Range(2_400, 51)).Select(i => $"com.example/n-{i:D4}-match").ToList();

        var found = new List<string>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(ServerListQueryRules.Build(cursor, 30, "MATCH", null, null, null), CancellationToken.None);
            found.AddRange(page.Select(r => r.Name));
            cursor = page.Count == 30 ? $"{page[^1].Name}:{page[^1].Version}" : null;
        }
        while (cursor is not null);

        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task SearchForATermEveryNameContainsListsTheFirstPageInKeyOrder()
    {
        await InsertManyAsync(2_500, i => $"com.example/n-{i:D4}");

        var page = await store.ListAsync(ServerListQueryRules.Build("com.example/n-0100:1.0.0", 30, "n-", null, null, null), CancellationToken.None);

        Assert.Equal(Enumerable.Range(101, 30).Select(i => $"com.example/n-{i:D4}"), page.Select(r => r.Name));
    }

    private async Task InsertManyAsync(int count, Func<int, string> name)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO servers (server_name, version, status_changed_at, published_at, updated_at, is_latest, value)
            SELECT n, '1.0.0', now(), now(), now(), TRUE, jsonb_build_object('name', n, 'version', '1.0.0', 'description', 'd')
            FROM unnest(@names) AS n
            """);
        command.Parameters.AddWithValue("names", Enumerable.Range(0, count).Select(name).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task DeletedVersionsAreHiddenUnlessAskedFor()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0", status: "deleted");
        await ServerRows.InsertAsync(dataSource, "com.example/a", "2.0.0", status: "deprecated", isLatest: true);

        var visible = await store.ListAsync(ServerListQueryRules.Build(null, null, null, null, null, null), CancellationToken.None);
        var all = await store.ListAsync(ServerListQueryRules.Build(null, null, null, null, null, true), CancellationToken.None);

        Assert.Equal(["2.0.0"], visible.Select(r => r.Version));
        Assert.Equal(["1.0.0", "2.0.0"], all.Select(r => r.Version));
    }

    [Fact]
    public async Task UpdatedSinceIsStrictAndIncludesDeletedVersions()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0", updatedAt: T0);
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.1.0", updatedAt: T0.AddSeconds(1), status: "deleted");
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.2.0", updatedAt: T0.AddSeconds(2));

        var records = await store.ListAsync(
            ServerListQueryRules.Build(null, null, null, "2025-06-01T12:00:00Z", null, null), CancellationToken.None);

        Assert.Equal(["1.1.0", "1.2.0"], records.Select(r => r.Version));
    }

    [Fact]
    public async Task VersionLatestListsOnlyLatestRowsAndOtherValuesMatchExactly()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0");
        await ServerRows.InsertAsync(dataSource, "com.example/a", "2.0.0", isLatest: true);
        await ServerRows.InsertAsync(dataSource, "com.example/b", "1.0.0", isLatest: true);

        var latest = await store.ListAsync(ServerListQueryRules.Build(null, null, null, null, "latest", null), CancellationToken.None);
        var exact = await store.ListAsync(ServerListQueryRules.Build(null, null, null, null, "1.0.0", null), CancellationToken.None);

        Assert.Equal([("com.example/a", "2.0.0"), ("com.example/b", "1.0.0")], latest.Select(r => (r.Name, r.Version)));
        Assert.Equal([("com.example/a", "1.0.0"), ("com.example/b", "1.0.0")], exact.Select(r => (r.Name, r.Version)));
    }

    [Fact]
    public async Task VersionsOfANameComeNewestPublicationFirst()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/a", "2.0.0", publishedAt: T0);
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0", publishedAt: T0.AddHours(1));
        await ServerRows.InsertAsync(dataSource, "com.example/a", "3.0.0", publishedAt: T0.AddHours(2), status: "deleted");
        await ServerRows.InsertAsync(dataSource, "com.example/ab", "9.0.0", publishedAt: T0);

        var visible = await store.ListVersionsAsync("com.example/a", includeDeleted: false, CancellationToken.None);
        var all = await store.ListVersionsAsync("com.example/a", includeDeleted: true, CancellationToken.None);

        Assert.Equal(["1.0.0", "2.0.0"], visible.Select(r => r.Version));
        Assert.Equal(["3.0.0", "1.0.0", "2.0.0"], all.Select(r => r.Version));
    }

    [Fact]
    public async Task LatestFindsTheFlaggedVersionButNotWhenItIsDeleted()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0");
        await ServerRows.InsertAsync(dataSource, "com.example/a", "2.0.0", isLatest: true, status: "deleted");
        await ServerRows.InsertAsync(dataSource, "com.example/b", "1.0.0", isLatest: true);

        Assert.Equal("1.0.0", (await store.GetVersionAsync("com.example/b", "latest", false, CancellationToken.None))?.Version);
        Assert.Null(await store.GetVersionAsync("com.example/a", "latest", false, CancellationToken.None));
        Assert.Equal("2.0.0", (await store.GetVersionAsync("com.example/a", "latest", true, CancellationToken.None))?.Version);
        Assert.Equal("1.0.0", (await store.GetVersionAsync("com.example/a", "1.0.0", false, CancellationToken.None))?.Version);
        Assert.Null(await store.GetVersionAsync("com.example/a", "9.9.9", true, CancellationToken.None));
    }

    [Fact]
    public async Task StoredTimestampsAndFlagsComeBackInTheOfficialMetadata()
    {
        await ServerRows.InsertAsync(dataSource, "com.example/a", "1.0.0", isLatest: true, publishedAt: T0, updatedAt: T0.AddMinutes(5));

        var record = await store.GetVersionAsync("com.example/a", "1.0.0", false, CancellationToken.None);
        var official = ServerResponseMapper.ToResponse(record!).Meta.Official;

        Assert.Equal("active", official.Status);
        Assert.True(official.IsLatest);
        Assert.Equal(T0, official.PublishedAt.ToDateTimeOffset());
        Assert.Equal(T0.AddMinutes(5), official.UpdatedAt.ToDateTimeOffset());
        Assert.False(official.HasStatusMessage);
    }
}
