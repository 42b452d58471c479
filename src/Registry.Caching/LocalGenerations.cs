using System.Collections.Concurrent;

namespace Registry.Caching;

/// <summary>
/// The generation tokens this process has read from Redis, kept so that a cache hit needs no round trip. A token is
/// dropped when an invalidation names its key. A read that fetched a token from Redis keeps it only when no
/// invalidation arrived meanwhile, else it could keep a token the announcement had already dropped; the lock makes
/// "nothing arrived" and "keep" one step against "count the arrival" and "drop".
/// </summary>
internal sealed class LocalGenerations
{
    /// <summary>Past this many keys everything is dropped and read again; names are few, so this is a guard only.</summary>
    private const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.Ordinal);
    private readonly Lock changing = new();
    private long changes;

    /// <summary>Counts drops; taken before a Redis read and handed to <see cref="Keep"/>.</summary>
    public long Changes => Interlocked.Read(ref changes);

    public CacheGenerationTokens? Get(string scopeKey) =>
        tokens.TryGetValue(CacheKeys.Epoch, out var epoch) && tokens.TryGetValue(scopeKey, out var scope)
            ? new CacheGenerationTokens(epoch, scope)
            : null;

    public void Keep(string scopeKey, CacheGenerationTokens read, long changesBeforeRead)
    {
        lock (changing)
        {
            if (changes != changesBeforeRead)
            {
                return;
            }

            if (tokens.Count >= MaxKeys)
            {
                DropAllLocked();
                return;
            }

            tokens[CacheKeys.Epoch] = read.Epoch;
            tokens[scopeKey] = read.Scope;
        }
    }

    public void Drop(IEnumerable<string> keys)
    {
        lock (changing)
        {
            changes++;
            foreach (var key in keys)
            {
                tokens.TryRemove(key, out _);
            }
        }
    }

    public void DropAll()
    {
        lock (changing)
        {
            DropAllLocked();
        }
    }

    private void DropAllLocked()
    {
        changes++;
        tokens.Clear();
    }
}
