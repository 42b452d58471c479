namespace Registry.AppHost.Infrastructure;

/// <summary>The three gRPC services, the MCP server, the web catalog and the gateway in front of them.</summary>
public static class ServiceResources
{
    /// <summary>
    /// A gRPC service: HTTP/2-only gRPC + transcoded REST on the <c>http</c> endpoint (GRPC_PORT), HTTP/1.1
    /// health probes on <c>health</c> (HEALTH_PORT). Its ports are its
    /// own, not the orchestrator's proxy: a proxy accepts connections while nothing serves them and holds them open,
    /// where a refused connection lets the gateway answer at once that the service is not ready. The dashboard and the
    /// console show the gRPC address (<see cref="GrpcAddresses"/>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddRegistryService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(name: "http", env: "GRPC_PORT", isProxied: false)
            .WithHttpEndpoint(name: "health", env: "HEALTH_PORT", isProxied: false)
            .WithHttpHealthCheck("/health", endpointName: "health")
            .WithGrpcAddressShown(grpcEndpointName: "http", healthEndpointName: "health");

    /// <summary>
    /// The MCP server: streamable HTTP on <c>/mcp</c> and its health probes on one HTTP/1.1 endpoint, as the mirror
    /// listens. It reads the catalog over gRPC and holds no data of its own.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddRegistryMcp(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<ProjectResource> catalog) =>
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
        IResourceBuilder<ProjectResource> catalog,
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
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddRegistryGateway(
        this IDistributedApplicationBuilder builder,
        AppHostSettings settings,
        InfrastructureResources cache,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var gateway = builder.AddProject<Projects.Registry_Gateway>("gateway")
            .WithHttpEndpoint(port: settings.GatewayPort, name: "http", isProxied: false)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithReference(cache.ConnectionString)
            .WithConfigurationSection(builder.Configuration, "Registry:ResponseCache")
            .WithConfigurationSection(builder.Configuration, "Registry:RateLimit");
        foreach (var service in services)
        {
            gateway.WithReference(service);
        }

        return gateway;
    }
}
