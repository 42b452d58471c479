using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Mirroring;
using Registry.Data.Writes;

namespace Registry.Data.Tests;

/// <summary>
/// The change feed's promise holds for every writer at once: two mirrors importing pages of many names while
/// publishes of the same names run beside them append gapless sequences that become visible in commit order.
/// </summary>
[Collection(PostgresCollection.Name)]
public class MirrorBesidePublishesOrderingTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const int Names = 150;
    private const int PageSize = 10;
    private static readonly DateTimeOffset UpstreamTime = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync() => dataSource = await postgres.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private static string Name(int i) => $"com.example/shared-{i:D3}";

    [Fact]
    public async Task MirrorPagesAndPublishesOfTheSameNamesLogEverySequenceOnceInCommitOrder()
    {
        var store = new ServerWriteStore(dataSource, TimeProvider.System);
        var reader = new ChangeLogReader(dataSource);
        using var done = new CancellationTokenSource();
        var poller = Task.Run(() => ChangeLogPoller.PollAsync(reader, done.Token));

        var mirrors = new[] { ("http://a.test", "1.0.0"), ("http://b.test", "2.0.0") }
            .Select(upstream => Task.Run(() => MirrorAsync(upstream.Item1, upstream.Item2)))
            .ToList();
        var publishes = Enumerable.Range(0, Names).Select(i => Task.Run(() => store.PublishAsync(
            new NewServerVersion(Name(i), "0.1.0-local", $$"""{"name":"{{Name(i)}}","version":"0.1.0-local","description":"d"}""", []),
            CancellationToken.None)));
        await Task.WhenAll([.. publishes, .. mirrors]);
        await done.CancelAsync();
        var (seen, pages) = await poller;

        var mirrored = await Task.WhenAll(mirrors);
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i), seen.Select(e => e.Sequence));
        Assert.Equal(await reader.LatestSequenceAsync(CancellationToken.None), seen.Count);
        Assert.Equal(Names, seen.Count(e => e.Kind == ServerChangeKind.Published));
        foreach (var (upstreamVersion, written) in mirrored)
        {
            // Each page commits before the next begins, so the mirror's own entries keep its order.
            Assert.Equal(written, seen.Where(e => e.Version == upstreamVersion).Select(e => e.Name));
        }

        Assert.True(pages > 1, "the poller should have read while the writers were still committing");
    }

    /// <summary>Pages list names in reverse order, as a page may; the importer must still lock them sorted.</summary>
    private async Task<(string Version, List<string> Written)> MirrorAsync(string upstream, string version)
    {
        var importer = new MirrorImporter(dataSource, TimeProvider.System);
        var written = new List<string>();
        foreach (var page in Enumerable.Range(0, Names).Reverse().Chunk(PageSize))
        {
            var versions = page.Select(i => new MirroredVersion(
                Name(i), version, $$"""{"name":"{{Name(i)}}","version":"{{version}}","description":"mirrored"}""",
                "active", null, UpstreamTime, UpstreamTime, UpstreamTime, IsLatest: true)).ToList();
            var position = new MirrorPosition(null, new MirrorPass(DateTimeOffset.UnixEpoch, Name(page[^1]) + ":" + version, UpstreamTime, UpstreamTime));
            var result = await importer.ImportPageAsync(upstream, versions, position, completesPass: false, CancellationToken.None);
            written.AddRange(result.Written.Select(r => r.Name));
        }

        return (version, written);
    }
}
