using System.Diagnostics;
using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Writes;
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
        var poller = Task.Run(() => ChangeLogPoller.PollAsync(reader, done.Token));
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
}
