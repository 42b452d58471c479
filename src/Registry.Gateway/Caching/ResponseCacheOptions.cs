namespace Registry.Gateway.Caching;

/// <summary>The <c>Registry:ResponseCache</c> section.</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "Registry:ResponseCache";

    /// <summary>Off keeps ETags and 304s but answers every read from the services.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an entry lives in Redis and in memory even if no write replaces it.</summary>
    public int TtlSeconds { get; set; } = 300;

    /// <summary>The in-process tier in front of Redis; 0 turns it off.</summary>
    public int MemoryLimitMegabytes { get; set; } = 64;

    /// <summary>Larger answers are served but not cached.</summary>
    public int MaxEntryKilobytes { get; set; } = 2048;
}
