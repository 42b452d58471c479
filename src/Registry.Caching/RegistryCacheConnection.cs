using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Registry.Caching;

/// <summary>
/// The process's connection to the optional Redis cache. It connects in the background and never blocks or fails a
/// caller: while Redis is unreachable, <see cref="Database"/> is null and commands fail fast instead of queueing.
/// Every loss of the connection is remembered until <see cref="CacheGenerations"/> has replaced the epoch, because
/// writes made meanwhile could not invalidate anything.
/// </summary>
public sealed class RegistryCacheConnection : IAsyncDisposable
{
    private readonly Task<IConnectionMultiplexer?> connecting;
    private IConnectionMultiplexer? multiplexer;
    private long missedCount;
    private long repairedCount;

    public RegistryCacheConnection(string? connectionString, ILogger<RegistryCacheConnection> logger)
    {
        connecting = string.IsNullOrWhiteSpace(connectionString)
            ? Task.FromResult<IConnectionMultiplexer?>(null)
            : ConnectAsync(connectionString, logger);
    }

    /// <summary>The database when Redis is connected now; null otherwise.</summary>
    public IDatabase? Database => Multiplexer?.GetDatabase();

    /// <summary>The connection when Redis is connected now; null otherwise.</summary>
    internal IConnectionMultiplexer? Multiplexer
    {
        get
        {
            var current = multiplexer;
            if (current is { IsConnected: true })
            {
                return current;
            }

            if (current is not null)
            {
                MarkInvalidationsMissed();
            }

            return null;
        }
    }

    /// <summary>True when a loss of Redis or a failed invalidation has not yet been answered by a new epoch.</summary>
    public bool InvalidationsMissed => Interlocked.Read(ref missedCount) != Interlocked.Read(ref repairedCount);

    public void MarkInvalidationsMissed() => Interlocked.Increment(ref missedCount);

    /// <summary>Taken before a repair; a loss noticed while the repair runs keeps the cache out of use.</summary>
    internal long MissedSoFar => Interlocked.Read(ref missedCount);

    internal void MarkRepaired(long missedBeforeRepair) => Interlocked.Exchange(ref repairedCount, missedBeforeRepair);

    private async Task<IConnectionMultiplexer?> ConnectAsync(string connectionString, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 2000;
        options.AsyncTimeout = 1000;
        options.SyncTimeout = 1000;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        try
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(options);
            connection.ConnectionFailed += (_, e) =>
            {
                MarkInvalidationsMissed();
                logger.LogWarning("Cache connection lost ({FailureType}); answering without the cache", e.FailureType);
            };
            connection.ConnectionRestored += (_, _) => logger.LogInformation("Cache connection restored");
            multiplexer = connection;
            return connection;
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "The cache could not be configured; answering without it");
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (await connecting is { } connection)
        {
            await connection.DisposeAsync();
        }
    }
}
