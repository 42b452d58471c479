namespace Registry.Testing;

public enum CacheEngine
{
    /// <summary>The REGISTRY_TEST_CACHE variable ("redis" or "garnet") if set, else redis-server when on PATH, else Garnet.</summary>
    Auto,

    /// <summary>redis-server from PATH.</summary>
    RedisServer,

    /// <summary>Microsoft Garnet hosted by Registry.CacheHost.</summary>
    Garnet,
}
