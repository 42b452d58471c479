using Microsoft.Extensions.Logging.Abstractions;
using Registry.Caching;
using Registry.Testing;

namespace Registry.Caching.Tests;

/// <summary>The invalidation protocol against a real Redis-protocol server, including losing it.</summary>
public sealed class CacheGenerationsTests : IAsyncLifetime
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);
    private RedisServer redis = null!;
    private RegistryCacheConnection connection = null!;
    private CacheGenerations generations = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        (connection, generations) = Connect(redis.ConnectionString);
        await WaitUntilUsableAsync(generations);
    }

    [Fact]
    public async Task TokensStayUntilAWriteReplacesThemForItsNameAndTheLists()
    {
        var lists = await generations.ReadAsync(CacheKeys.ListsGeneration);
        var alice = await generations.ReadAsync(CacheKeys.NameGeneration("io.github.alice/a"));
        var bob = await generations.ReadAsync(CacheKeys.NameGeneration("io.github.bob/b"));
        Assert.Equal(lists, await generations.ReadAsync(CacheKeys.ListsGeneration));

        await generations.InvalidateAsync(["io.github.alice/a"]);

        Assert.NotEqual(lists, await generations.ReadAsync(CacheKeys.ListsGeneration));
        Assert.NotEqual(alice, await generations.ReadAsync(CacheKeys.NameGeneration("io.github.alice/a")));
        Assert.Equal(bob, await generations.ReadAsync(CacheKeys.NameGeneration("io.github.bob/b")));
    }

    [Fact]
    public async Task AnotherProcessSeesAnInvalidationAtOnce()
    {
        var (otherConnection, other) = Connect(redis.ConnectionString);
        await using var _ = otherConnection;
        await WaitUntilUsableAsync(other);
        var before = await other.ReadAsync(CacheKeys.NameGeneration("io.github.alice/a"));

        await generations.InvalidateAsync(["io.github.alice/a"]);

        Assert.NotEqual(before, await other.ReadAsync(CacheKeys.NameGeneration("io.github.alice/a")));
    }

    [Fact]
    public async Task WithoutRedisNothingIsCachedAndTheEpochIsReplacedWhenItReturns()
    {
        var before = await generations.ReadAsync(CacheKeys.ListsGeneration);

        await redis.StopAsync();
        await WaitUntilAsync(() => Task.FromResult(connection.Database is null));
        Assert.Null(await generations.ReadAsync(CacheKeys.ListsGeneration));
        await generations.InvalidateAsync(["io.github.alice/a"]);
        Assert.True(connection.InvalidationsMissed);

        await redis.StartAgainAsync();
        await WaitUntilAsync(() => Task.FromResult(connection.Database is not null));
        Assert.Null(await generations.ReadAsync(CacheKeys.ListsGeneration));
        Assert.True(await generations.RepairAsync());

        var after = await generations.ReadAsync(CacheKeys.ListsGeneration);
        Assert.NotNull(after);
        Assert.NotEqual(before!.Value.Epoch, after!.Value.Epoch);
        Assert.NotEqual(before.Value.Scope, after.Value.Scope);
    }

    [Fact]
    public async Task WithoutAConnectionStringNothingIsCachedAndNothingFails()
    {
        var (unconfigured, none) = Connect(null);
        await using var _ = unconfigured;

        Assert.Null(await none.ReadAsync(CacheKeys.ListsGeneration));
        await none.InvalidateAsync(["io.github.alice/a"]);
    }

    internal static (RegistryCacheConnection, CacheGenerations) Connect(string? connectionString)
    {
        var connection = new RegistryCacheConnection(connectionString, NullLogger<RegistryCacheConnection>.Instance);
        return (connection, new CacheGenerations(connection, NullLoggerFactory.Instance));
    }

    /// <summary>
    /// Waits as the process's repair service would: a read that timed out on a busy machine, or came before the
    /// first connect finished, counts as a missed invalidation until the epoch is replaced.
    /// </summary>
    internal static Task WaitUntilUsableAsync(CacheGenerations generations) =>
        WaitUntilAsync(async () => await generations.RepairAsync() && generations.ListensForInvalidations
            && await generations.ReadAsync(CacheKeys.ListsGeneration) is not null);

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await connection.DisposeAsync();
        await redis.DisposeAsync();
    }
}
