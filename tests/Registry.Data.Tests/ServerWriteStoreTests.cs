using Registry.Domain.Errors;
using Npgsql;
using Registry.Data.Writes;
using Registry.Data.Servers;
using Registry.Domain.Listing;

namespace Registry.Data.Tests;

[Collection(PostgresCollection.Name)]
public class ServerWriteStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private ServerWriteStore store = null!;
    private ServerReadStore reads = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        store = new ServerWriteStore(dataSource, TimeProvider.System);
        reads = new ServerReadStore(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private static NewServerVersion Version(string name, string version, params string[] remoteUrls)
    {
        var remotes = string.Join(",", remoteUrls.Select(u => $$"""{"type":"streamable-http","url":"{{u}}"}"""));
        var document = $$"""{"name":"{{name}}","version":"{{version}}","description":"d","remotes":[{{remotes}}]}""";
        return new NewServerVersion(name, version, document, remoteUrls);
    }

    private async Task<string?> LatestAsync(string name) =>
        (await reads.GetVersionAsync(name, "latest", includeDeleted: true, CancellationToken.None))?.Version;

    [Fact]
    public async Task TheFirstVersionIsLatestAndActive()
    {
        var record = await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);

        Assert.True(record.IsLatest);
        Assert.Equal("active", record.Status);
        Assert.Equal(record.PublishedAt, record.UpdatedAt);
        Assert.Equal(record.PublishedAt, record.StatusChangedAt);
    }

    [Theory]
    [InlineData(new[] { "1.0.0", "2.0.0" }, "2.0.0")]
    [InlineData(new[] { "2.0.0", "1.0.1" }, "2.0.0")]
    [InlineData(new[] { "1.0.0", "1.0.0-rc.1" }, "1.0.0")]
    [InlineData(new[] { "1.9.0", "1.10.0" }, "1.10.0")]
    [InlineData(new[] { "2024-01-01", "2023-12-31" }, "2023-12-31")]
    [InlineData(new[] { "snapshot", "0.0.1", "nightly" }, "0.0.1")]
    public async Task LatestFollowsTheVersioningRules(string[] publishOrder, string expectedLatest)
    {
        foreach (var version in publishOrder)
        {
            await store.PublishAsync(Version("com.example/a", version), CancellationToken.None);
        }

        Assert.Equal(expectedLatest, await LatestAsync("com.example/a"));
    }

    [Fact]
    public async Task AVersionCanNeverBePublishedTwiceEvenAfterDeletion()
    {
        await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);
        await store.SetVersionStatusAsync("com.example/a", "1.0.0", "deleted", null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<RegistryException>(() => store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None));

        Assert.Equal("invalid version: cannot publish duplicate version", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task ARemoteUrlBelongsToOneName()
    {
        await store.PublishAsync(Version("com.example/a", "1.0.0", "https://mcp.example.com/a"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ServerWriteException>(() =>
            store.PublishAsync(Version("com.example/b", "1.0.0", "https://mcp.example.com/a"), CancellationToken.None));
        await store.PublishAsync(Version("com.example/a", "1.1.0", "https://mcp.example.com/a"), CancellationToken.None);

        Assert.Equal("remote URL https://mcp.example.com/a is already used by server com.example/a", error.Message);
    }

    [Fact]
    public async Task DeletedVersionsReleaseTheirRemoteUrlsUntilReactivated()
    {
        await store.PublishAsync(Version("com.example/a", "1.0.0", "https://mcp.example.com/x"), CancellationToken.None);
        await store.SetAllVersionsStatusAsync("com.example/a", "deleted", null, CancellationToken.None);

        await store.PublishAsync(Version("com.example/b", "1.0.0", "https://mcp.example.com/x"), CancellationToken.None);

        await Assert.ThrowsAsync<ServerWriteException>(() =>
            store.SetVersionStatusAsync("com.example/a", "1.0.0", "active", null, CancellationToken.None));
        Assert.Equal("deleted", (await reads.GetVersionAsync("com.example/a", "1.0.0", true, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task TwentySimultaneousPublishesOfOneVersionGiveExactlyOneSuccess()
    {
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                await store.PublishAsync(Version("com.example/race", "1.0.0"), CancellationToken.None);
                return true;
            }
            catch (RegistryException)
            {
                return false;
            }
        }));

        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(success => success));
        Assert.Single(await reads.ListVersionsAsync("com.example/race", true, CancellationToken.None));
    }

    [Fact]
    public async Task TwentySimultaneousPublishesOfDifferentVersionsAllSucceedAndLeaveTheGreatestLatest()
    {
        var versions = Enumerable.Range(0, 20).Select(i => $"1.{i}.0").OrderBy(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(versions.Select(v => Task.Run(() => store.PublishAsync(Version("com.example/many", v), CancellationToken.None))));

        var all = await reads.ListVersionsAsync("com.example/many", true, CancellationToken.None);
        Assert.Equal(20, all.Count);
        Assert.Equal("1.19.0", Assert.Single(all, r => r.IsLatest).Version);
    }

    [Fact]
    public async Task InterleavedWritesToManyNamesNeverLeaveANameWithoutExactlyOneLatest()
    {
        var names = Enumerable.Range(0, 5).Select(i => $"com.example/n{i}").ToList();
        var work = names.SelectMany(n => Enumerable.Range(0, 8).Select(i => (Name: n, Version: i % 3 == 0 ? $"build-{i}" : $"0.{i}.0")))
            .OrderBy(_ => Guid.NewGuid())
            .Select(w => Task.Run(() => store.PublishAsync(Version(w.Name, w.Version), CancellationToken.None)));

        await Task.WhenAll(work);

        await using var command = dataSource.CreateCommand("SELECT server_name, count(*) FILTER (WHERE is_latest) FROM servers GROUP BY server_name");
        await using var reader = await command.ExecuteReaderAsync();
        var latestCounts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            latestCounts[reader.GetString(0)] = reader.GetInt64(1);
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), latestCounts.Keys.Order(StringComparer.Ordinal));
        Assert.All(latestCounts.Values, count => Assert.Equal(1, count));
        Assert.All(names, n => Assert.Equal("0.7.0", LatestAsync(n).Result));
    }

    [Fact]
    public async Task ANameStopsAtTenThousandVersions()
    {
        await using (var fill = dataSource.CreateCommand(
            """
            INSERT INTO servers (server_name, version, status, status_changed_at, published_at, updated_at, is_latest, value)
            SELECT 'com.example/big', '0.0.' || g, 'active', now(), now(), now(), g = 9999, '{}'::jsonb FROM generate_series(1, 9999) g
            """))
        {
            await fill.ExecuteNonQueryAsync();
        }

        await store.PublishAsync(Version("com.example/big", "1.0.0"), CancellationToken.None);
        var error = await Assert.ThrowsAsync<RegistryException>(() => store.PublishAsync(Version("com.example/big", "1.0.1"), CancellationToken.None));

        Assert.Contains("10000", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task AnEditReplacesTheDocumentAndKeepsEverythingElse()
    {
        var published = await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);
        var edited = Version("com.example/a", "1.0.0") with
        {
            Document = """{"name":"com.example/a","version":"1.0.0","description":"edited"}""",
        };

        var record = await store.EditAsync(edited, CancellationToken.None);

        Assert.Contains("edited", record!.Document);
        Assert.Equal((published.PublishedAt, published.IsLatest, published.Status, published.StatusChangedAt),
            (record.PublishedAt, record.IsLatest, record.Status, record.StatusChangedAt));
        Assert.True(record.UpdatedAt > published.UpdatedAt);
        Assert.Null(await store.EditAsync(Version("com.example/a", "9.9.9"), CancellationToken.None));
    }

    [Fact]
    public async Task StatusChangedAtMovesOnlyWhenTheStatusChanges()
    {
        await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);

        var deprecated = await store.SetVersionStatusAsync("com.example/a", "1.0.0", "deprecated", "use 2.0", CancellationToken.None);
        var reworded = await store.SetVersionStatusAsync("com.example/a", "1.0.0", "deprecated", "use 2.x", CancellationToken.None);

        Assert.Equal(("deprecated", "use 2.0"), (deprecated!.Status, deprecated.StatusMessage));
        Assert.Equal(deprecated.StatusChangedAt, reworded!.StatusChangedAt);
        Assert.True(reworded.UpdatedAt > deprecated.UpdatedAt);
        await Assert.ThrowsAsync<ServerWriteException>(() =>
            store.SetVersionStatusAsync("com.example/a", "1.0.0", "deprecated", "use 2.x", CancellationToken.None));
    }

    [Fact]
    public async Task ReactivationClearsTheMessage()
    {
        await store.PublishAsync(Version("com.example/a", "1.0.0"), CancellationToken.None);
        await store.PublishAsync(Version("com.example/a", "2.0.0"), CancellationToken.None);
        await store.SetVersionStatusAsync("com.example/a", "2.0.0", "deleted", "oops", CancellationToken.None);

        var active = await store.SetVersionStatusAsync("com.example/a", "2.0.0", "active", null, CancellationToken.None);

        Assert.Null(active!.StatusMessage);
        Assert.Null(await store.SetVersionStatusAsync("com.example/a", "3.0.0", "deleted", null, CancellationToken.None));
    }

    [Fact]
    public async Task AllVersionsChangeTogetherSkippingThoseAlreadyThere()
    {
        foreach (var v in new[] { "1.0.0", "1.1.0", "1.2.0" })
        {
            await store.PublishAsync(Version("com.example/a", v), CancellationToken.None);
        }

        await store.SetVersionStatusAsync("com.example/a", "1.0.0", "deprecated", "old", CancellationToken.None);

        var updated = await store.SetAllVersionsStatusAsync("com.example/a", "deprecated", "old", CancellationToken.None);

        Assert.Equal(["1.2.0", "1.1.0"], updated!.Select(r => r.Version));
        await Assert.ThrowsAsync<ServerWriteException>(() => store.SetAllVersionsStatusAsync("com.example/a", "deprecated", "old", CancellationToken.None));
        Assert.Null(await store.SetAllVersionsStatusAsync("com.example/missing", "deleted", null, CancellationToken.None));
        var visible = await reads.ListAsync(ServerListQueryRules.Build(null, null, null, null, null, null), CancellationToken.None);
        Assert.All(visible, r => Assert.Equal("deprecated", r.Status));
    }
}
