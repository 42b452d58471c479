using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Registry.Gateway.Routing;

/// <summary>
/// Where each REST call goes: reads of servers to the catalog, writes of servers, publishing and validation to the
/// publish service, logins to verification, and anything else under a prefix to the catalog (which answers health,
/// ping and version, and its own 404s). Extensions of the official API live under <c>/x/dev.mcpregistry/</c>. The MCP
/// server's <c>/mcp</c> and the web catalog's pages (<c>/</c>, <c>/servers/...</c>, <c>/changes</c>, <c>/assets/...</c>)
/// are not part of the REST API and have no prefix; any other unprefixed path stays unknown (404).
/// </summary>
internal static class RouteTable
{
    private const string Extensions = "/x/dev.mcpregistry";
    private static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head];

    private static readonly ApiRoute[] Rows =
    [
        new("servers-read", "/servers/{**rest}", UpstreamClusters.Catalog, Order: 1, Reads),
        new("servers-write", "/servers/{**rest}", UpstreamClusters.Publish, Order: 2),
        new("publish", "/publish", UpstreamClusters.Publish, Order: 1),
        new("validate", "/validate", UpstreamClusters.Publish, Order: 1),
        new("auth", "/auth/{**rest}", UpstreamClusters.Verification, Order: 1),
        new("other", "/{**rest}", UpstreamClusters.Catalog, Order: 10),
        new("annotations", Extensions + "/servers/{**rest}", UpstreamClusters.Publish, Order: 1),
        new("audit", Extensions + "/audit/{**rest}", UpstreamClusters.Publish, Order: 1),
        new("audit-page", Extensions + "/audit", UpstreamClusters.Publish, Order: 1),
        new("mirror", Extensions + "/mirror", UpstreamClusters.Mirror, Order: 1, [HttpMethods.Get]) { UpstreamPath = "/status" },
    ];

    private static readonly ApiRoute[] UnprefixedRows =
    [
        new("mcp", "/mcp", UpstreamClusters.Mcp, Order: 1),
        new("web-catalog", "/", UpstreamClusters.Web, Order: 1, Reads),
        new("web-servers", "/servers/{namespace}/{**rest}", UpstreamClusters.Web, Order: 1, Reads),
        new("web-changes", "/changes", UpstreamClusters.Web, Order: 1, Reads),
        new("web-assets", "/assets/{**rest}", UpstreamClusters.Web, Order: 1, Reads),
    ];

    /// <summary>The rows whose cluster runs, under every prefix; a path whose service does not run stays unknown (404).</summary>
    public static IReadOnlyList<RouteConfig> For(IReadOnlyList<ClusterConfig> clusters) =>
    [
        .. from prefix in ApiPrefixes.All
           from row in Rows
           where Runs(clusters, row)
           select ToConfig(prefix, row),
        .. from row in UnprefixedRows
           where Runs(clusters, row)
           select ToConfig("", row),
    ];

    private static bool Runs(IReadOnlyList<ClusterConfig> clusters, ApiRoute row) =>
        clusters.Any(cluster => cluster.ClusterId == row.Cluster);

    private static RouteConfig ToConfig(string prefix, ApiRoute row)
    {
        var route = new RouteConfig
        {
            RouteId = prefix.Length == 0 ? row.Name : $"{prefix.TrimStart('/').Replace('.', '_')}-{row.Name}",
            ClusterId = row.Cluster,
            Order = row.Order,
            Match = new RouteMatch { Path = prefix + row.Path, Methods = row.Methods },
        };
        return row.UpstreamPath is { } upstreamPath ? route.WithTransformPathSet(upstreamPath) : route;
    }
}
