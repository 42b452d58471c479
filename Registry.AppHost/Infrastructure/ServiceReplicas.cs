namespace Registry.AppHost.Infrastructure;

/// <summary>
/// The processes of one service: <c>catalog</c>, <c>catalog-2</c>, ... Each is a project resource of its own, on
/// its own non-proxied ports (so a stopped replica refuses connections at once, and tests can reach each one), rather
/// than Aspire's <c>WithReplicas</c>, which needs the orchestrator's proxy in front and gives dependants one address.
/// Dependants learn every replica under the service's one name (<c>services__catalog__http__0</c>, <c>__1</c>, ...):
/// the gateway's service discovery makes a destination of each, and the services' HTTP and gRPC clients take them in turn.
/// </summary>
public sealed class ServiceReplicas
{
    private ServiceReplicas(string name, IReadOnlyList<IResourceBuilder<ProjectResource>> replicas)
    {
        Name = name;
        All = replicas;
    }

    /// <summary>The name every dependant knows the service by, which is also the first replica's resource name.</summary>
    public string Name { get; }

    public IReadOnlyList<IResourceBuilder<ProjectResource>> All { get; }

    /// <summary>The name of the replica at this index (from 0): the service's name, then <c>name-2</c>, <c>name-3</c>, ...</summary>
    public static string ReplicaName(string name, int index) => index == 0 ? name : $"{name}-{index + 1}";

    /// <param name="addReplica">Adds the replica of this name and index.</param>
    public static ServiceReplicas Add(string name, int count, Func<string, int, IResourceBuilder<ProjectResource>> addReplica)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new ServiceReplicas(name, Enumerable.Range(0, count).Select(index => addReplica(ReplicaName(name, index), index)).ToList());
    }

    /// <summary>A service that runs once.</summary>
    public static ServiceReplicas One(IResourceBuilder<ProjectResource> service) => new(service.Resource.Name, [service]);

    /// <summary>Configures every replica alike.</summary>
    public ServiceReplicas Each(Action<IResourceBuilder<ProjectResource>> configure)
    {
        foreach (var replica in All)
        {
            configure(replica);
        }

        return this;
    }
}
