namespace Registry.AppHost.Infrastructure;

/// <summary>The three gRPC services and the gateway in front of them.</summary>
public static class ServiceResources
{
    /// <summary>
    /// A gRPC service: HTTP/2-only gRPC + transcoded REST on the <c>http</c> endpoint (GRPC_PORT), HTTP/1.1
    /// health probes on <c>health</c> (HEALTH_PORT). It starts once the migrations have completed.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddRegistryService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        InfrastructureResources database,
        IResourceBuilder<ProjectResource> migrations)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(name: "http", env: "GRPC_PORT")
            .WithHttpEndpoint(name: "health", env: "HEALTH_PORT")
            .WithHttpHealthCheck("/health", endpointName: "health")
            .WithReference(database.ConnectionString)
            .WaitForCompletion(migrations);

    public static IResourceBuilder<ProjectResource> AddRegistryGateway(
        this IDistributedApplicationBuilder builder,
        AppHostSettings settings,
        InfrastructureResources cache,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var gateway = builder.AddProject<Projects.Registry_Gateway>("gateway")
            .WithHttpEndpoint(port: settings.GatewayPort, name: "http")
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithReference(cache.ConnectionString)
            .WaitFor(cache.Server)
            .WithConfigurationSection(builder.Configuration, "Registry:ResponseCache")
            .WithConfigurationSection(builder.Configuration, "Registry:RateLimit");
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }

        return gateway;
    }
}
