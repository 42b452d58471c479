namespace Registry.Testing;

public enum CacheEngine
{
    /// <summary>As <see cref="CacheEngineChoice"/> decides: REGISTRY_TEST_CACHE ("redis" or "garnet"), else redis-server when on PATH, else Garnet.</summary>
    Auto,

    /// <summary>redis-server from PATH.</summary>
    RedisServer,

    /// <summary>Microsoft Garnet hosted by Registry.CacheHost.</summary>
    Garnet,
}
