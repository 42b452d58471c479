using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.AppHost.Infrastructure;

/// <summary>The three gRPC services, the MCP server, the web catalog and the gateway in front of them.</summary>
public static class ServiceResources
{
    /// <summary>
    /// A gRPC service, as <paramref name="replicas"/> processes (<see cref="ServiceReplicas"/>): HTTP/2-only gRPC +
    /// transcoded REST on the <c>http</c> endpoint (GRPC_PORT), HTTP/1.1 health probes on <c>health</c> (HEALTH_PORT).
    /// Its ports are its own, not the orchestrator's proxy: a proxy accepts connections while nothing serves them and
    /// holds them open, where a refused connection lets the gateway answer at once that the service is not ready (or
    /// send the request to another replica). The dashboard and the console show the gRPC address (<see cref="GrpcAddresses"/>).
    /// </summary>
    public static ServiceReplicas AddRegistryService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        int replicas)
        where TProject : IProjectMetadata, new() =>
        ServiceReplicas.Add(name, replicas, (replicaName, _) => builder.AddProject<TProject>(replicaName)
            .WithHttpEndpoint(name: "http", env: "GRPC_PORT", isProxied: false)
            .WithHttpEndpoint(name: "health", env: "HEALTH_PORT", isProxied: false)
            .WithHttpHealthCheck("/health", endpointName: "health")
            .WithGrpcAddressShown(grpcEndpointName: "http", healthEndpointName: "health"));

    /// <summary>
    /// The MCP server: streamable HTTP on <c>/mcp</c> and its health probes on one HTTP/1.1 endpoint, as the mirror
    /// listens. It reads the catalog over gRPC and holds no data of its own.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddRegistryMcp(
        this IDistributedApplicationBuilder builder,
        ServiceReplicas catalog) =>
        builder.AddProject<Projects.Registry_Mcp>("mcp")
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithReference(catalog)
            .WaitFor(catalog);

    /// <summary>
    /// The web catalog: server-rendered pages and their assets on one HTTP/1.1 endpoint, probed there. It reads the
    /// catalog over gRPC and, when a mirror runs, the mirror's status.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddRegistryWeb(
        this IDistributedApplicationBuilder builder,
        ServiceReplicas catalog,
        IResourceBuilder<ProjectResource>? mirror)
    {
        var web = builder.AddProject<Projects.Registry_Web>("web")
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithReference(catalog)
            .WaitFor(catalog);
        return mirror is null ? web : web.WithReference(mirror);
    }

    /// <summary>
    /// The gateway starts at once, without waiting for anything: until a service behind a route is ready it answers
    /// that route with a 503 problem naming the service, and its own health check fails until every service is ready.
    /// With several gateways the first listens on <c>Registry:GatewayPort</c> and the others on free ports, which the
    /// console and the dashboard show; they share the cache, so any of them may answer any client.
    /// </summary>
    public static ServiceReplicas AddRegistryGateway(
        this IDistributedApplicationBuilder builder,
        AppHostSettings settings,
        InfrastructureResources cache,
        params ServiceReplicas[] services) =>
        ServiceReplicas.Add("gateway", settings.Replicas.Gateway, (name, index) =>
        {
            var gateway = builder.AddProject<Projects.Registry_Gateway>(name)
                .WithHttpEndpoint(port: index == 0 ? settings.GatewayPort : null, name: "http", isProxied: false)
                .WithExternalHttpEndpoints()
                .WithHttpHealthCheck("/health")
                .WithReference(cache.ConnectionString)
                .WithConfigurationSection(builder.Configuration, "Registry:ResponseCache")
                .WithConfigurationSection(builder.Configuration, "Registry:RateLimit");
            foreach (var service in services)
            {
                gateway.WithReference(service);
            }

            return index == 0 ? gateway : gateway.WithAddressShown();
        });

    private static IResourceBuilder<ProjectResource> WithAddressShown(this IResourceBuilder<ProjectResource> gateway) =>
        gateway.OnResourceReady((resource, ready, _) =>
        {
            ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceResources).FullName!)
                .LogInformation("{Gateway} answers at {Address}", resource.Name, resource.GetEndpoint("http").Url);
            return Task.CompletedTask;
        });
}
