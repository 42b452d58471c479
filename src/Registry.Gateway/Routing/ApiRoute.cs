namespace Registry.Gateway.Routing;

/// <summary>
/// One row of the route table: a path under each API prefix (or at the root, for /mcp), the methods it takes (any when
/// none are named) and the cluster that answers it. Where paths overlap, the lower order wins.
/// </summary>
internal sealed record ApiRoute(string Name, string Path, string Cluster, int Order, string[]? Methods = null)
{
    /// <summary>The path the service is asked for in place of the requested one, when they differ.</summary>
    public string? UpstreamPath { get; init; }
}
