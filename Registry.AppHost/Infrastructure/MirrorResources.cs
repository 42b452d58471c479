namespace Registry.AppHost.Infrastructure;

/// <summary>
/// The mirror worker, only when <c>Registry:Mirror:Upstream</c> names a registry to follow. It gets the whole
/// <c>Registry:Mirror</c> section; the publish service gets <c>AllowLocalPublish</c>, which decides whether
/// mirrored names may also be written locally.
/// </summary>
public static class MirrorResources
{
    public const string Section = "Registry:Mirror";
    private const string AllowLocalPublishKey = "AllowLocalPublish";

    /// <summary>The status route is <c>GET /status</c> on the <c>http</c> endpoint.</summary>
    public static IResourceBuilder<ProjectResource>? AddRegistryMirror(
        this IDistributedApplicationBuilder builder,
        InfrastructureResources database,
        InfrastructureResources cache,
        IResourceBuilder<ProjectResource> migrations,
        ServiceReplicas publish)
    {
        if (builder.Configuration[$"{Section}:{AllowLocalPublishKey}"] is { Length: > 0 } allowLocalPublish)
        {
            publish.Each(replica => replica.WithEnvironment($"{Section.Replace(":", "__")}__{AllowLocalPublishKey}", allowLocalPublish));
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{Section}:Upstream"]))
        {
            return null;
        }

        return builder.AddProject<Projects.Registry_Mirror>("mirror")
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithRegistryDatabase(database, migrations)
            .WithReference(cache.ConnectionString)
            .WithConfigurationSection(builder.Configuration, Section);
    }

    /// <summary>
    /// Publishes the mirror's status through the gateway as <c>GET /v0.1/x/dev.mcpregistry/mirror</c> (and <c>/v0</c>), an
    /// extension of the official API: the gateway routes it when service discovery knows the mirror. Without a mirror
    /// those paths are simply unknown (404).
    /// </summary>
    public static ServiceReplicas WithMirrorStatusRoute(this ServiceReplicas gateways, IResourceBuilder<ProjectResource>? mirror) =>
        mirror is null ? gateways : gateways.Each(gateway => gateway.WithReference(mirror));
}
