using OpenTelemetry.Metrics;

namespace Registry.Gateway.Extensions;

/// <summary>
/// The one public entry: routes REST calls to the services by path and method (see appsettings.json), serves
/// Prometheus metrics, and answers everything else with a problem+json 404. No business logic lives here.
/// </summary>
public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapReverseProxy(proxy => proxy.UseMiddleware<UpstreamFailureProblems>());
        app.MapFallback(UnknownPathProblem.WriteAsync);
        return app;
    }
}
