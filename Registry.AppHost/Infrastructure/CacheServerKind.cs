namespace Registry.AppHost.Infrastructure;

/// <summary>Which Redis-protocol server the AppHost runs as a local process (<c>Registry:CacheServer</c>).</summary>
public enum CacheServerKind
{
    /// <summary>redis-server when it is on PATH, otherwise Garnet.</summary>
    Auto,

    /// <summary>redis-server from PATH; the AppHost refuses to start without it.</summary>
    RedisServer,

    /// <summary>The embedded Garnet host of this repository (Registry.CacheHost), whatever is installed.</summary>
    Garnet,
}
