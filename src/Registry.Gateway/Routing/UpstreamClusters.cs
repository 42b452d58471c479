using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Registry.Gateway.Routing;

/// <summary>
/// The services behind the routes, each at one destination named after it (<c>http://catalog</c>) that service
/// discovery resolves into one destination per replica (<c>services:catalog:http:0</c>, <c>:1</c>, ...), among which
/// the proxy balances and whose probes it keeps apart. The gRPC services are asked over HTTP/2 only, since their cleartext endpoints take nothing else,
/// and are probed on their liveness endpoint, so that a route whose service stopped is answered at once. The mirror
/// runs only when it has a registry to follow, and the MCP server only where the AppHost
/// starts it, as the web catalog does (both on HTTP/1.1); the AppHost then references them, and service discovery knows them.
/// </summary>
internal static class UpstreamClusters
{
    public const string Catalog = "catalog";
    public const string Publish = "publish";
    public const string Verification = "verification";
    public const string Mirror = "mirror";
    public const string Mcp = "mcp";
    public const string Web = "web";

    private static readonly TimeSpan ActivityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>An MCP answer may be an event stream that stays quiet between events; the REST limit would cut it.</summary>
    private static readonly TimeSpan StreamActivityTimeout = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<ClusterConfig> From(IConfiguration configuration)
    {
        List<ClusterConfig> clusters = [GrpcService(Catalog), GrpcService(Publish), GrpcService(Verification)];
        if (configuration.GetSection($"services:{Mirror}").Exists())
        {
            clusters.Add(new ClusterConfig { ClusterId = Mirror, Destinations = DestinationNamed(Mirror) });
        }

        if (configuration.GetSection($"services:{Mcp}").Exists())
        {
            clusters.Add(HttpService(Mcp, StreamActivityTimeout));
        }

        if (configuration.GetSection($"services:{Web}").Exists())
        {
            clusters.Add(HttpService(Web, ActivityTimeout));
        }

        return clusters;
    }

    /// <summary>The MCP server and the web catalog listen on HTTP/1.1 (pages, streamable HTTP, server-sent events) and are probed like the services.</summary>
    private static ClusterConfig HttpService(string name, TimeSpan activityTimeout) =>
        Cluster(name, HttpVersion.Version11, HttpVersionPolicy.RequestVersionOrLower, activityTimeout);

    private static ClusterConfig GrpcService(string name) =>
        Cluster(name, HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact, ActivityTimeout);

    private static ClusterConfig Cluster(string name, Version version, HttpVersionPolicy policy, TimeSpan activityTimeout) => new()
    {
        ClusterId = name,
        Destinations = DestinationNamed(name),
        HttpRequest = new ForwarderRequestConfig { Version = version, VersionPolicy = policy, ActivityTimeout = activityTimeout },
        HealthCheck = LivenessProbe(),
    };

    private static HealthCheckConfig LivenessProbe() => new()
    {
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = TimeSpan.FromSeconds(2),
            Timeout = TimeSpan.FromSeconds(5),
            Policy = "ConsecutiveFailures",
            Path = "/alive",
        },
    };

    private static Dictionary<string, DestinationConfig> DestinationNamed(string name) =>
        new() { ["primary"] = new DestinationConfig { Address = $"http://{name}" } };
}
