using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Registry.Caching;
using StackExchange.Redis;

namespace Registry.Gateway.Caching;

/// <summary>
/// Cached answers in Redis, with a bounded in-process copy in front. Both tiers are keyed by the generation
/// tokens, which are read from Redis on every request, so the memory tier can never outlive an invalidation.
/// An entry is fresh for the TTL; it is kept for the stale-if-error time after that, to be answered only when the
/// services cannot answer. Redis bounds itself (maxmemory, least recently used keys go). Any Redis failure is a miss.
/// </summary>
internal sealed class ResponseStore : IDisposable
{
    private readonly RegistryCacheConnection connection;
    private readonly MemoryCache? memory;
    private readonly TimeSpan timeToLive;
    private readonly TimeSpan staleIfError;
    private readonly TimeProvider clock;
    private readonly int maxEntryBytes;

    public ResponseStore(RegistryCacheConnection connection, IOptions<ResponseCacheOptions> options, TimeProvider clock)
    {
        this.connection = connection;
        this.clock = clock;
        var settings = options.Value;
        timeToLive = TimeSpan.FromSeconds(Math.Max(1, settings.TtlSeconds));
        staleIfError = TimeSpan.FromSeconds(Math.Max(0, settings.StaleIfErrorSeconds));
        maxEntryBytes = settings.MaxEntryKilobytes * 1024;
        memory = settings.MemoryLimitMegabytes > 0
            ? new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.MemoryLimitMegabytes * 1024L * 1024L })
            : null;
    }

    public TimeSpan StaleIfError => staleIfError;

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool IsFresh(CachedResponse response) => Now - response.StoredAt < timeToLive;

    public bool MayServeStale(CachedResponse response) => Now - response.StoredAt < timeToLive + staleIfError;

    /// <summary>The entry, fresh or stale; see <see cref="IsFresh"/>.</summary>
    public async Task<CachedResponse?> GetAsync(string key)
    {
        if (memory?.Get<CachedResponse>(key) is { } local)
        {
            return local;
        }

        if (connection.Database is not { } database)
        {
            return null;
        }

        try
        {
            var stored = (byte[]?)await database.StringGetAsync(key);
            if (stored is null || CachedResponse.Deserialize(stored) is not { } response)
            {
                return null;
            }

            KeepInMemory(key, response);
            return response;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }

    public async Task SetAsync(string key, CachedResponse response)
    {
        if (response.Body.Length > maxEntryBytes || connection.Database is not { } database)
        {
            return;
        }

        try
        {
            await database.StringSetAsync(key, response.Serialize(), timeToLive + staleIfError);
            KeepInMemory(key, response);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
        }
    }

    private void KeepInMemory(string key, CachedResponse response) =>
        memory?.Set(key, response, new MemoryCacheEntryOptions
        {
            Size = response.Body.Length + key.Length * 2 + 256,
            AbsoluteExpirationRelativeToNow = timeToLive + staleIfError,
        });

    public void Dispose() => memory?.Dispose();
}
