using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Registry.Gateway.Routing;

/// <summary>
/// The gateway is ready when every service it probes (the clusters with active health checks, on the services'
/// liveness endpoint) has a destination whose last probes passed, so that waiting for the gateway's health means
/// waiting for every service to run. It stays ready while the database is down: it can still serve cached reads.
/// </summary>
internal sealed class UpstreamReadinessCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var notReady = proxy.GetClusters()
            .Where(c => c.Model.Config.HealthCheck?.Active?.Enabled == true)
            .Where(c => !c.Destinations.Values.Any(d => d.Health.Active == DestinationHealth.Healthy))
            .Select(c => c.ClusterId)
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(notReady.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Not ready: {string.Join(", ", notReady)}"));
    }
}
