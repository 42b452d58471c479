namespace Registry.AppHost.Infrastructure;

/// <summary>
/// A Redis-protocol cache: <c>redis-server</c> when it is on PATH, otherwise the embedded Garnet host from this
/// repository, so nothing has to be installed (<c>Registry:CacheServer</c> forces one or the other); a Redis container when <c>Registry:UseContainers</c> is true.
/// Clients get the <c>cache</c> connection string. The cache is optional for correctness.
/// </summary>
public static class CacheResources
{
    public const string ConnectionName = "cache";

    public static InfrastructureResources AddRegistryCache(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        if (settings.UseContainers)
        {
            var container = builder.AddRedis(ConnectionName);
            return new InfrastructureResources(container, container);
        }

        IResourceBuilder<IResourceWithEndpoints> server = UseRedisServer(settings.CacheServer)
            ? AddRedisServer(builder)
            : builder.AddProject<Projects.Registry_CacheHost>("cache-server").WithEndpoint(name: "tcp", scheme: "tcp", env: "CACHE_PORT", isProxied: false);
        server.WithRestartOnExit();

        var endpoint = server.GetEndpoint("tcp");
        var connectionString = builder.AddConnectionString(ConnectionName, ReferenceExpression.Create(
            $"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"));
        server.WithReadinessCheck(builder, "cache-ready", ct => ReadinessProbes.RespPingAsync(endpoint, ct));
        return new InfrastructureResources(server, connectionString);
    }

    private static bool UseRedisServer(CacheServerKind kind) => kind switch
    {
        CacheServerKind.Garnet => false,
        CacheServerKind.RedisServer => ExecutableSearch.IsOnPath("redis-server")
            ? true
            : throw new InvalidOperationException("Registry:CacheServer is redis-server, but redis-server is not on PATH."),
        _ => ExecutableSearch.IsOnPath("redis-server"),
    };

    private static IResourceBuilder<ExecutableResource> AddRedisServer(IDistributedApplicationBuilder builder)
    {
        // Bounded: entries outlive their freshness to be served stale while the database is down, so the least
        // recently used ones make room; any key may go (a lost generation token only costs misses).
        var server = builder.AddExecutable("cache-server", "redis-server", builder.AppHostDirectory,
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru")
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .ExcludeFromManifest();
        var endpoint = server.GetEndpoint("tcp");
        return server.WithArgs(context =>
        {
            context.Args.Add("--port");
            context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
        });
    }
}
