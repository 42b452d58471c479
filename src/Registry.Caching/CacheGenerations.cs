using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Registry.Caching;

/// <summary>
/// Reads and replaces the generation tokens that cached entries are keyed under. Tokens are random, never counters,
/// so a Redis that restarts empty can never bring an old token back to life.
/// </summary>
public sealed class CacheGenerations(RegistryCacheConnection connection, ILogger<CacheGenerations> logger)
{
    /// <summary>The tokens for a scope, or null when the cache must not be used for this request.</summary>
    public async Task<CacheGenerationTokens?> ReadAsync(string scopeKey)
    {
        if (connection.InvalidationsMissed || connection.Database is not { } database)
        {
            return null;
        }

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

            return values[0].IsNull || values[1].IsNull ? null : new CacheGenerationTokens(values[0]!, values[1]!);
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
            KeyValuePair<RedisKey, RedisValue>[] replaced =
            [
                new(CacheKeys.ListsGeneration, NewToken()),
                .. serverNames.Distinct(StringComparer.Ordinal).Select(name => new KeyValuePair<RedisKey, RedisValue>(CacheKeys.NameGeneration(name), NewToken())),
            ];
            await database.StringSetAsync(replaced);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.MarkInvalidationsMissed();
            logger.LogWarning(ex, "Cache invalidation failed; the whole cache will be dropped when Redis answers again");
        }
    }

    /// <summary>Replaces the epoch if an invalidation may have been missed; true when nothing is owed any more.</summary>
    public async Task<bool> RepairAsync()
    {
        if (!connection.InvalidationsMissed)
        {
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
            connection.MarkRepaired(missed);
            logger.LogInformation("Cache epoch replaced after a loss of Redis; earlier entries are no longer used");
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
