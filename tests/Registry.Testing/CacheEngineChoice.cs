namespace Registry.Testing;

/// <summary>
/// Which cache server a test run uses. <c>REGISTRY_TEST_CACHE=garnet</c> forces the embedded host even where
/// redis-server is installed, so that CI proves the tests pass on a machine without it.
/// </summary>
public static class CacheEngineChoice
{
    public const string Variable = "REGISTRY_TEST_CACHE";

    /// <summary>Never <see cref="CacheEngine.Auto"/>.</summary>
    public static CacheEngine Resolve(CacheEngine engine = CacheEngine.Auto)
    {
        if (engine == CacheEngine.Auto)
        {
            engine = Environment.GetEnvironmentVariable(Variable)?.ToLowerInvariant() switch
            {
                "redis" => CacheEngine.RedisServer,
                "garnet" => CacheEngine.Garnet,
                _ => RedisServerPath is null ? CacheEngine.Garnet : CacheEngine.RedisServer,
            };
        }

        if (engine == CacheEngine.RedisServer && RedisServerPath is null)
        {
            throw new InvalidOperationException("redis-server is not on PATH (apt-get install -y redis-server), or use CacheEngine.Garnet.");
        }

        return engine;
    }

    /// <summary>The AppHost's <c>Registry:CacheServer</c> value for the engine this run uses.</summary>
    public static string AppHostSetting() => Resolve() == CacheEngine.Garnet ? "garnet" : "redis-server";

    public static string? RedisServerPath => Unix.FindOnPath("redis-server");
}
