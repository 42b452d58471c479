using System.Diagnostics;
using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Publishing;
using Xunit.Abstractions;

namespace Registry.Data.Tests;

/// <summary>
/// The property the change feed rests on: sequences are gapless and become visible in order, so a reader that
/// resumes after the last sequence it saw never skips one, however many writers commit at once.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ChangeLogOrderingTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Publishes = 200;
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync() => dataSource = await postgres.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task APollerDuringTwoHundredParallelPublishesSeesEverySequenceInOrderWithoutAGap()
    {
        var store = new ServerWriteStore(dataSource, TimeProvider.System);
        var reader = new ChangeLogReader(dataSource);
        using var done = new CancellationTokenSource();
        var poller = Task.Run(() => PollAsync(reader, done.Token));
        var names = Enumerable.Range(0, Publishes).Select(i => $"com.example/parallel-{i}").ToList();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(names.Select(name => Task.Run(() => store.PublishAsync(
            new NewServerVersion(name, "1.0.0", $$"""{"name":"{{name}}","version":"1.0.0","description":"d"}""", []), CancellationToken.None))));
        clock.Stop();
        await done.CancelAsync();
        var (seen, pages) = await poller;

        output.WriteLine($"{Publishes} publishes in {clock.ElapsedMilliseconds} ms ({Publishes / clock.Elapsed.TotalSeconds:F0}/s); the poller read {pages} non-empty pages");
        Assert.Equal(Enumerable.Range(1, Publishes).Select(i => (long)i), seen.Select(e => e.Sequence));
        Assert.Equal(names.Order(StringComparer.Ordinal), seen.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.True(pages > 1, "the poller should have read while publishes were still committing");
    }

    /// <summary>Reads small pages after the last sequence seen until cancelled and the log is drained, failing at the first jump.</summary>
    private static async Task<(List<ChangeLogEntry> Seen, int Pages)> PollAsync(ChangeLogReader reader, CancellationToken done)
    {
        var seen = new List<ChangeLogEntry>();
        var pages = 0;
        while (true)
        {
            var stopping = done.IsCancellationRequested;
            var page = await reader.ReadAfterAsync(seen.LastOrDefault()?.Sequence ?? 0, 7, CancellationToken.None);
            foreach (var entry in page)
            {
                var expected = (seen.LastOrDefault()?.Sequence ?? 0) + 1;
                Assert.True(entry.Sequence == expected, $"after {expected - 1} the poller saw {entry.Sequence}: a change became visible before an earlier one");
                seen.Add(entry);
            }

            pages += page.Count > 0 ? 1 : 0;
            if (page.Count == 0 && stopping)
            {
                return (seen, pages);
            }
        }
    }
}
