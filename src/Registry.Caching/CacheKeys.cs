namespace Registry.Caching;

/// <summary>
/// The Redis keys shared by everything that reads or invalidates cached responses. A cached entry's key embeds
/// the generation tokens it was computed under; a write replaces the tokens, so older entries are never read again
/// and simply expire.
/// </summary>
public static class CacheKeys
{
    private const string Prefix = "registry:rc:";

    /// <summary>Replaced to drop every entry at once, e.g. after an invalidation could not be recorded.</summary>
    public const string Epoch = Prefix + "epoch";

    /// <summary>Replaced by every write: every list page may change.</summary>
    public const string ListsGeneration = Prefix + "gen:lists";

    /// <summary>Where replaced tokens are announced to every process that keeps tokens in memory.</summary>
    public const string InvalidationChannel = Prefix + "invalidations";

    /// <summary>Replaced by a write to this name: its versions list and each of its versions.</summary>
    public static string NameGeneration(string serverName) => Prefix + "gen:name:" + serverName;

    /// <summary>Where one process hears that the others have dropped the tokens it announced.</summary>
    public static string AcknowledgementChannel(string processId) => Prefix + "acks:" + processId;

    public static string Entry(CacheGenerationTokens tokens, string normalizedRequest) =>
        $"{Prefix}entry:{tokens.Epoch}:{tokens.Scope}:{normalizedRequest}";
}

/// <summary>The epoch and the scope's generation (lists or one name) read before a cached answer is used.</summary>
public readonly record struct CacheGenerationTokens(string Epoch, string Scope);
