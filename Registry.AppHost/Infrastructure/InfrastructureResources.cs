namespace Registry.AppHost.Infrastructure;

/// <summary>A backing server and the connection string its clients reference.</summary>
public sealed record InfrastructureResources(
    IResourceBuilder<IResource> Server,
    IResourceBuilder<IResourceWithConnectionString> ConnectionString);
