using Registry.Caching;
using Registry.Testing;
using StackExchange.Redis;
using static Registry.Caching.Tests.CacheGenerationsTests;

namespace Registry.Caching.Tests;

/// <summary>
/// Tokens read once are answered from memory, and an announced write reaches every process before it is answered:
/// several processes (as several gateways and a writer) against one real Redis-protocol server.
/// </summary>
public sealed class TokensKeptInMemoryTests : IAsyncLifetime
{
    private const string Alice = "io.github.alice/a";
    private RedisServer redis = null!;
    private readonly List<RegistryCacheConnection> connections = [];

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    [Fact]
    public async Task ATokenReadOnceIsAnsweredFromMemoryUntilAWriteAnnouncesItsReplacement()
    {
        var reader = await ProcessAsync();
        var writer = await ProcessAsync();
        var first = await reader.ReadAsync(CacheKeys.ListsGeneration);

        // Replaced behind the processes' backs, without an announcement: memory still answers.
        await using (var raw = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await raw.GetDatabase().StringSetAsync(CacheKeys.ListsGeneration, "replaced-silently");
        }

        Assert.Equal(first, await reader.ReadAsync(CacheKeys.ListsGeneration));

        await writer.InvalidateAsync([Alice]);

        var after = await reader.ReadAsync(CacheKeys.ListsGeneration);
        Assert.NotNull(after);
        Assert.NotEqual(first!.Value.Scope, after.Value.Scope);
        Assert.NotEqual("replaced-silently", after.Value.Scope);
        Assert.Equal(first.Value.Epoch, after.Value.Epoch);
    }

    [Fact]
    public async Task NoProcessReadsAReplacedTokenOnceTheWriteHasReturnedEvenWhileReadingConcurrently()
    {
        var writer = await ProcessAsync();
        CacheGenerations[] readers = [await ProcessAsync(), await ProcessAsync()];
        using var stop = new CancellationTokenSource();
        var hammering = readers.Select(reader => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await reader.ReadAsync(CacheKeys.NameGeneration(Alice));
                await reader.ReadAsync(CacheKeys.ListsGeneration);

                // A read from memory completes at once; without a yield this loop would hold its thread for good, as no
                // request handler does, and starve the announcements' callbacks on a two-core machine.
                await Task.Yield();
            }
        })).ToArray();

        try
        {
            for (var write = 0; write < 50; write++)
            {
                var before = await Task.WhenAll(readers.Select(reader => reader.ReadAsync(CacheKeys.NameGeneration(Alice))));

                await writer.InvalidateAsync([Alice]);

                foreach (var (reader, old) in readers.Zip(before))
                {
                    var now = await reader.ReadAsync(CacheKeys.NameGeneration(Alice));
                    Assert.NotNull(now);
                    Assert.NotEqual(old!.Value.Scope, now.Value.Scope);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(hammering);
        }
    }

    [Fact]
    public async Task AProcessStopsTrustingMemoryWhenRedisGoesAndListensAgainOnceTheEpochIsReplaced()
    {
        var reader = await ProcessAsync();
        var connection = connections[^1];
        var before = await reader.ReadAsync(CacheKeys.ListsGeneration);

        await redis.StopAsync();
        await WaitUntilAsync(() => Task.FromResult(connection.Database is null));
        Assert.False(reader.ListensForInvalidations);
        Assert.Null(await reader.ReadAsync(CacheKeys.ListsGeneration));

        await redis.StartAgainAsync();
        await WaitUntilUsableAsync(reader);

        var after = await reader.ReadAsync(CacheKeys.ListsGeneration);
        Assert.True(reader.ListensForInvalidations);
        Assert.NotEqual(before!.Value.Epoch, after!.Value.Epoch);
    }

    [Fact]
    public async Task AReplacedEpochReachesTheMemoryOfEveryProcess()
    {
        var reader = await ProcessAsync();
        var repairing = await ProcessAsync();
        var before = await reader.ReadAsync(CacheKeys.ListsGeneration);

        // A failed command counts as a missed invalidation; the repair replaces the epoch and announces it.
        connections[^1].MarkInvalidationsMissed();
        Assert.True(await repairing.RepairAsync());

        var after = await reader.ReadAsync(CacheKeys.ListsGeneration);
        Assert.NotEqual(before!.Value.Epoch, after!.Value.Epoch);
    }

    private async Task<CacheGenerations> ProcessAsync()
    {
        var (connection, generations) = Connect(redis.ConnectionString);
        connections.Add(connection);
        await WaitUntilUsableAsync(generations);
        return generations;
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        await redis.DisposeAsync();
    }
}
