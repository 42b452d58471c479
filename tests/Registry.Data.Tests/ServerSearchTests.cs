using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Registry.Data.Rendering;
using Registry.Data.Servers;
using Registry.Domain.Listing;

namespace Registry.Data.Tests;

/// <summary>
/// Search pages against the definition: every row whose name or own description contains the term (ASCII case
/// ignored, <c>%</c>, <c>_</c> and <c>\</c> literal), in key order.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ServerSearchTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource dataSource = null!;
    private ServerReadStore store = null!;

    private sealed record Row(string Name, string Version, string Status, bool IsLatest, DateTimeOffset UpdatedAt, string Description = "d");

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        store = new ServerReadStore(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task ASearchIsPlannedForItsTermAndLeavesItsConnectionPlanningAsBefore()
    {
        await InsertCatalogAsync();
        var oneConnection = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString) { MaxPoolSize = 1 };
        await using var single = NpgsqlDataSource.Create(oneConnection.ConnectionString);

        foreach (var term in new[] { "alpha", "legacy" })
        {
            Assert.NotEmpty(await new ServerReadStore(single).ListAsync(ServerListQueryRules.Build(null, 5, term, null, null, true), CancellationToken.None));
        }

        await using var command = single.CreateCommand("SHOW plan_cache_mode");
        Assert.Equal("auto", (string?)await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("alpha", null, false, null, 3)]
    [InlineData("ALPHA", null, true, null, 2)]
    [InlineData("aLpHa", "latest", false, null, 2)]
    [InlineData("alpha", "latest", true, null, 5)]
    [InlineData("alpha", "1.0.1", false, null, 1)]
    [InlineData("a_t", null, false, null, 4)]
    [InlineData("alpha_t", null, true, null, 1)]
    [InlineData("%", null, false, null, 7)]
    [InlineData("100\\%", null, true, null, 2)]
    [InlineData("100%", null, true, null, 1)]
    [InlineData("FORECAST", null, false, null, 3)]
    [InlineData("forecast", "latest", true, null, 2)]
    [InlineData("legacy", null, true, null, 2)]
    [InlineData("legacy", "latest", false, null, 1)]
    [InlineData("50%_off", null, false, null, 2)]
    [InlineData("0%_", null, true, null, 4)]
    [InlineData("tester", null, false, null, 1)]
    [InlineData("weather ", "1.0.1", null, "2025-06-01T12:00:10Z", 2)]
    [InlineData("n-00", null, null, "2025-06-01T12:00:30Z", 3)]
    [InlineData("zzz", null, false, null, 3)]
    public async Task SearchPagesEqualANaiveFilterOfEveryRowInKeyOrder(
        string term, string? version, bool? includeDeleted, string? updatedSince, int limit)
    {
        var rows = await InsertCatalogAsync();
        var since = updatedSince is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(updatedSince, CultureInfo.InvariantCulture);
        var expected = rows
            .Where(r => Contains(r.Name, term) || Contains(r.Description, term))
            .Where(r => since is null || r.UpdatedAt > since)
            .Where(r => version switch { null => true, "latest" => r.IsLatest, _ => r.Version == version })
            .Where(r => includeDeleted == true || since is not null || r.Status != "deleted")
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal)
            .Select(r => (r.Name, r.Version))
            .ToList();

        Assert.Equal(expected, await PageThroughAsync(term, version, includeDeleted, updatedSince, limit, filterOnEveryPage: true));
        // VS Code's gallery sends only the cursor for the next page: the cursor carries the filter.
        Assert.Equal(expected, await PageThroughAsync(term, version, includeDeleted, updatedSince, limit, filterOnEveryPage: false));
    }

    private async Task<List<(string, string)>> PageThroughAsync(
        string term, string? version, bool? includeDeleted, string? updatedSince, int limit, bool filterOnEveryPage)
    {
        var found = new List<(string, string)>();
        string? cursor = null;
        do
        {
            var query = cursor is null || filterOnEveryPage
                ? ServerListQueryRules.Build(cursor, limit, term, updatedSince, version, includeDeleted)
                : ServerListQueryRules.Build(cursor, limit, null, null, null, null);
            var page = await store.ListAsync(query, CancellationToken.None);
            found.AddRange(page.Select(r => (r.Name, r.Version)));
            var metadata = ServerResponseMapper.ToPage(page, query).Metadata;
            cursor = metadata.HasNextCursor ? metadata.NextCursor : null;
        }
        while (cursor is not null);

        return found;
    }

    [Fact]
    public async Task PagesAfterACursorFindMatchesBeyondTheNamesNearIt()
    {
        // Two runs of matches with a thousand other names between them: more than a page after a cursor looks at
        // nearby before it asks for every match.
        var names = Enumerable.Range(0, 1_080)
            .Select(i => i is < 40 or >= 1_040 ? $"com.example/n-{i:D4}-Match" : $"com.example/n-{i:D4}")
            .ToList();
        await using (var command = dataSource.CreateCommand(
            """
            INSERT INTO servers (server_name, version, status_changed_at, published_at, updated_at, is_latest, value)
            SELECT n, v, now(), now(), now(), v = '2.0.0', jsonb_build_object('name', n, 'version', v, 'description', 'd')
            FROM unnest(@names) AS n CROSS JOIN (VALUES ('1.0.0'), ('2.0.0')) AS versions(v)
            """))
        {
            command.Parameters.AddWithValue("names", names.ToArray());
            await command.ExecuteNonQueryAsync();
        }

        var found = new List<(string, string)>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(ServerListQueryRules.Build(cursor, 30, "match", null, null, null), CancellationToken.None);
            found.AddRange(page.Select(r => (r.Name, r.Version)));
            cursor = page.Count == 30 ? $"{page[^1].Name}:{page[^1].Version}" : null;
        }
        while (cursor is not null);

        var expected = names.Where(n => n.EndsWith("-Match", StringComparison.Ordinal))
            .SelectMany(n => new[] { (n, "1.0.0"), (n, "2.0.0") });
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task ABareNameCursorResumesSearchAfterEveryVersionOfThatName()
    {
        var rows = await InsertCatalogAsync();
        var cursor = rows.Select(r => r.Name).Where(n => Contains(n, "alpha")).Order(StringComparer.Ordinal).First();

        var page = await store.ListAsync(ServerListQueryRules.Build(cursor, 100, "alpha", null, null, true), CancellationToken.None);

        var expected = rows
            .Where(r => (Contains(r.Name, "alpha") || Contains(r.Description, "alpha")) && string.CompareOrdinal(r.Name, cursor) > 0)
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal)
            .Select(r => (r.Name, r.Version));
        Assert.Equal(expected, page.Select(r => (r.Name, r.Version)));
    }

    [Fact]
    public async Task ANamePublishedAfterEarlierSearchesIsFound()
    {
        await ServerRows.InsertAsync(dataSource, "io.github.early/weather", "1.0.0", isLatest: true);
        Assert.Single(await store.ListAsync(ServerListQueryRules.Build(null, null, "weather", null, null, null), CancellationToken.None));

        await ServerRows.InsertAsync(dataSource, "io.github.late/Weather-Station", "1.0.0");
        await ServerRows.InsertAsync(dataSource, "io.github.late/Weather-Station", "1.1.0", isLatest: true);
        var page = await store.ListAsync(ServerListQueryRules.Build(null, null, "weather", null, null, null), CancellationToken.None);

        Assert.Equal(
            [("io.github.early/weather", "1.0.0"), ("io.github.late/Weather-Station", "1.0.0"), ("io.github.late/Weather-Station", "1.1.0")],
            page.Select(r => (r.Name, r.Version)));
    }

    /// <summary>
    /// Names of every kind a term can trip over: several versions, deleted ones (also a deleted latest), mixed case,
    /// literal _ and %, terms only in a description and only in an older version's; most land in one multi-row INSERT,
    /// the rest one row at a time.
    /// </summary>
    private async Task<IReadOnlyList<Row>> InsertCatalogAsync()
    {
        var rows = new List<Row>();
        for (var i = 0; i < 60; i++)
        {
            var name = $"org.example{i % 3}/n-{i:D4}" + (i % 7 == 0 ? "-Alpha" : i % 11 == 0 ? "-alpha_twin" : "");
            var versions = 1 + (i % 4);
            for (var j = 0; j < versions; j++)
            {
                var description = i % 5 == 0 ? $"Weather FORECASTS, take {j}" : j == 0 && i % 6 == 0 ? "Legacy 50%_off tool" : "d";
                rows.Add(new Row(name, $"1.0.{j}", (i + j) % 5 == 0 ? "deleted" : "active", j == versions - 1, T0.AddSeconds(i + j), description));
            }
        }

        await using (var command = dataSource.CreateCommand(
            """
            INSERT INTO servers (server_name, version, status, status_changed_at, published_at, updated_at, is_latest, value)
            SELECT n, v, s, u, u, u, l, jsonb_build_object('name', n, 'version', v, 'description', d)
            FROM unnest(@names, @versions, @statuses, @latest, @updated, @descriptions) AS r(n, v, s, l, u, d)
            """))
        {
            command.Parameters.AddWithValue("names", rows.Select(r => r.Name).ToArray());
            command.Parameters.AddWithValue("versions", rows.Select(r => r.Version).ToArray());
            command.Parameters.AddWithValue("statuses", rows.Select(r => r.Status).ToArray());
            command.Parameters.AddWithValue("latest", rows.Select(r => r.IsLatest).ToArray());
            command.Parameters.AddWithValue("descriptions", rows.Select(r => r.Description).ToArray());
            command.Parameters.Add(new NpgsqlParameter("updated", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                Value = rows.Select(r => r.UpdatedAt.UtcDateTime).ToArray(),
            });
            await command.ExecuteNonQueryAsync();
        }

        Row[] oneByOne =
        [
            new("com.example/Alpha-One", "1.0.0", "deleted", false, T0, "Old forecast notes"),
            new("com.example/Alpha-One", "1.1.0", "active", false, T0.AddMinutes(1)),
            new("com.example/Alpha-One", "2.0.0", "deprecated", true, T0.AddMinutes(2)),
            new("com.example/alpha_two", "1.0.0", "active", true, T0),
            new("com.example/alphaXtwo", "1.0.0", "deleted", true, T0),
            new("io.github.someone/ALPHA", "0.1.0", "active", false, T0),
            new("io.github.someone/ALPHA", "0.2.0", "active", true, T0.AddMinutes(1)),
            new("io.github.someone/beta", "1.0.0", "active", true, T0, "For ALPHA testers: 100% coverage"),
            new("net.example/100%-Alpha", "1.0.0", "active", true, T0),
            new("net.example/1000-alpha", "1.0.0", "active", true, T0),
        ];
        foreach (var row in oneByOne)
        {
            await ServerRows.InsertAsync(dataSource, row.Name, row.Version, row.IsLatest, row.Status, row.UpdatedAt, row.UpdatedAt, row.Description);
        }

        rows.AddRange(oneByOne);
        return rows;
    }

    /// <summary>What the search means: the text holds the term, ASCII letters of either case alike.</summary>
    private static bool Contains(string text, string term) => FoldAscii(text).Contains(FoldAscii(term), StringComparison.Ordinal);

    private static string FoldAscii(string text) => string.Concat(text.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
}
