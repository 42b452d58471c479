using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using Registry.Auth.Reading;
using Registry.Caching;
using Registry.Gateway.ApiDocs;
using Registry.Gateway.Caching;
using Registry.Gateway.Edge;
using Registry.Gateway.Problems;
using Registry.Gateway.RateLimiting;
using Registry.Gateway.ReadAccess;
using Registry.Gateway.Routing;

namespace Registry.Gateway.Extensions;

/// <summary>
/// The one public entry: routes REST calls to the services by path and method (see Routing/RouteTable.cs), answers
/// repeated reads from the response cache, limits each client's rate, allows browsers in (CORS), serves
/// Prometheus metrics, and answers everything else with a problem+json 404. No business logic lives here.
/// </summary>
public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var clusters = UpstreamClusters.From(builder.Configuration);
        builder.Services.AddReverseProxy()
            .LoadFromMemory(RouteTable.For(clusters), clusters)
            .AddServiceDiscoveryDestinationResolver()
            .AnswerHeadAsGet();
        builder.Services.AddHealthChecks().AddCheck<UpstreamReadinessCheck>("upstreams");
        builder.AddRegistryCacheConnection();
        builder.AddBoundOptions<ResponseCacheOptions>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ResponseStore>();
        builder.Services.AddOpenCors();
        builder.AddClientRateLimiting();
        builder.Services.AddRegistryReadAccess(builder.Configuration);
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseMiddleware<RequestTargetGuard>();
        app.UseMiddleware<GrpcRequestGuard>();
        app.UseCors();
        app.UseRateLimiter();
        app.MapDefaultEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapApiDocs();
        app.MapProtectedResourceMetadata();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ReadGate>();
            proxy.UseMiddleware<ResponseCachingMiddleware>();
            proxy.UseMiddleware<UpstreamFailureProblems>();
        });
        // Without a pattern the fallback skips paths that look like file names (a dot in the last segment).
        app.MapFallback("{**path}", UnknownPathProblem.WriteAsync);
        return app;
    }
}
