namespace Registry.Gateway;

/// <summary>The <c>Registry:ResponseCache</c> section.</summary>
public sealed class ResponseCacheOptions : IBoundOptions
{
    public static string Section => "Registry:ResponseCache";

    /// <summary>Off keeps ETags and 304s but answers every read from the services.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an entry is fresh, answered without asking the services, if no write replaces it.</summary>
    public int TtlSeconds { get; set; } = 300;

    /// <summary>
    /// How much longer an entry is kept to be answered, marked stale, while the services cannot answer (RFC 5861
    /// stale-if-error): the database may be down for hours. 0 turns that off.
    /// </summary>
    public int StaleIfErrorSeconds { get; set; } = 86_400;

    /// <summary>The in-process tier in front of Redis; 0 turns it off.</summary>
    public int MemoryLimitMegabytes { get; set; } = 64;

    /// <summary>Larger answers are served but not cached.</summary>
    public int MaxEntryKilobytes { get; set; } = 2048;
}
