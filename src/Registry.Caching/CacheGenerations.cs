using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Registry.Caching;

/// <summary>
/// Reads and replaces the generation tokens that cached entries are keyed under. Tokens are random, never counters,
/// so a Redis that restarts empty can never bring an old token back to life. A token read once is kept in memory
/// while this process hears invalidations (<see cref="InvalidationBus"/>), so a cache hit costs no round trip; a write
/// replaces tokens in Redis, then announces them and waits until every listening process has dropped its copies.
/// </summary>
public sealed class CacheGenerations
{
    private readonly RegistryCacheConnection connection;
    private readonly ILogger<CacheGenerations> logger;
    private readonly LocalGenerations local = new();
    private readonly InvalidationBus bus;

    public CacheGenerations(RegistryCacheConnection connection, ILoggerFactory loggers)
    {
        this.connection = connection;
        logger = loggers.CreateLogger<CacheGenerations>();
        bus = new InvalidationBus(connection, local, loggers.CreateLogger<InvalidationBus>());
    }

    /// <summary>True while tokens kept in memory are trusted: invalidations are known to reach this process.</summary>
    public bool ListensForInvalidations => bus.IsListening;

    /// <summary>The tokens for a scope, or null when the cache must not be used for this request.</summary>
    public async Task<CacheGenerationTokens?> ReadAsync(string scopeKey)
    {
        if (connection.InvalidationsMissed || connection.Database is not { } database)
        {
            return null;
        }

        var listening = bus.IsListening;
        if (listening && local.Get(scopeKey) is { } kept)
        {
            return kept;
        }

        var changesBeforeRead = local.Changes;
        try
        {
            var values = await database.StringGetAsync([CacheKeys.Epoch, scopeKey]);
            if (values[0].IsNull || values[1].IsNull)
            {
                // Each key on its own: MSETNX would set neither when one of them exists.
                await Task.WhenAll(
                    database.StringSetAsync(CacheKeys.Epoch, NewToken(), when: When.NotExists),
                    database.StringSetAsync(scopeKey, NewToken(), when: When.NotExists));
                values = await database.StringGetAsync([CacheKeys.Epoch, scopeKey]);
            }

            if (values[0].IsNull || values[1].IsNull)
            {
                return null;
            }

            var tokens = new CacheGenerationTokens(values[0]!, values[1]!);
            if (listening)
            {
                local.Keep(scopeKey, tokens, changesBeforeRead);
            }

            return tokens;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.MarkInvalidationsMissed();
            return null;
        }
    }

    /// <summary>
    /// Makes every list page and every cached answer about these names unreachable. Called after a write has
    /// committed and before it is answered. When Redis cannot be told, the whole cache is dropped once it is back.
    /// </summary>
    public async Task InvalidateAsync(IReadOnlyCollection<string> serverNames)
    {
        if (connection.Database is not { } database)
        {
            connection.MarkInvalidationsMissed();
            return;
        }

        try
        {
            string[] keys = [CacheKeys.ListsGeneration, .. serverNames.Distinct(StringComparer.Ordinal).Select(CacheKeys.NameGeneration)];
            await database.StringSetAsync([.. keys.Select(key => new KeyValuePair<RedisKey, RedisValue>(key, NewToken()))]);
            await bus.AnnounceAsync(database.Multiplexer, InvalidationKind.Keys, keys);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.MarkInvalidationsMissed();
            logger.LogWarning(ex, "Cache invalidation failed; the whole cache will be dropped when Redis answers again");
        }
    }

    /// <summary>
    /// Replaces the epoch if an invalidation may have been missed, then listens again if it stopped; true when nothing
    /// is owed any more.
    /// </summary>
    public async Task<bool> RepairAsync()
    {
        if (!connection.InvalidationsMissed)
        {
            await bus.EnsureListeningAsync();
            return true;
        }

        if (connection.Database is not { } database)
        {
            return false;
        }

        try
        {
            var missed = connection.MissedSoFar;
            await database.StringSetAsync(CacheKeys.Epoch, NewToken());
            await bus.AnnounceAsync(database.Multiplexer, InvalidationKind.Everything, [CacheKeys.Epoch]);
            connection.MarkRepaired(missed);
            logger.LogInformation("Cache epoch replaced after a loss of Redis; earlier entries are no longer used");
            await bus.EnsureListeningAsync();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.MarkInvalidationsMissed();
            return false;
        }
    }

    private static string NewToken() => Guid.NewGuid().ToString("N");
}
