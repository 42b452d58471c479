namespace Registry.AppHost.Infrastructure;

/// <summary>How a process depends on a service that may run as several replicas.</summary>
public static class ServiceReplicaReferences
{
    /// <summary>
    /// The address of every replica's every endpoint, as service discovery reads them. The first replica is referenced
    /// the ordinary way; the others add their addresses under the first one's name.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> dependant, ServiceReplicas service)
    {
        dependant.WithReference(service.All[0]);
        foreach (var (replica, index) in service.All.Select((replica, index) => (replica, index)).Skip(1))
        {
            foreach (var endpoint in replica.Resource.Annotations.OfType<EndpointAnnotation>())
            {
                dependant.WithEnvironment($"services__{service.Name}__{endpoint.Name}__{index}", replica.GetEndpoint(endpoint.Name));
            }
        }

        return dependant;
    }

    /// <summary>Starts once every replica is ready.</summary>
    public static IResourceBuilder<ProjectResource> WaitFor(this IResourceBuilder<ProjectResource> dependant, ServiceReplicas service)
    {
        foreach (var replica in service.All)
        {
            dependant.WaitFor(replica);
        }

        return dependant;
    }
}
