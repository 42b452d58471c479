using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Registry.ServiceHosting;

/// <summary>gRPC with JSON transcoding, shaped like the official REST API.</summary>
public static class GrpcRestHosting
{
    public static IHostApplicationBuilder AddRegistryGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddGrpc(options =>
            {
                // The first added runs outermost, so that it also translates what the text rule throws.
                options.Interceptors.Add<RegistryExceptionInterceptor>();
                options.Interceptors.Add<RequestTextInterceptor>();
            })
            // Absent fields are omitted, like Go's omitempty; fields that must appear even when false or zero are
            // declared `optional` in the protos so that they have presence.
            .AddJsonTranscoding(options => options.JsonSettings.IgnoreDefaultValues = true);
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>
    /// Refuses REST requests of the wrong shape (<see cref="RestRequestGuard"/>) and turns every REST error into
    /// application/problem+json. Call before routing.
    /// </summary>
    public static WebApplication UseRestProblems(this WebApplication app)
    {
        app.UseWhen(IsRestApiCall, branch => branch.UseMiddleware<RestRequestGuard>().UseMiddleware<RestProblemMiddleware>());
        return app;
    }

    /// <summary>
    /// Health endpoints and gRPC server reflection, so that grpcurl, Postman or grpcui can list and call every
    /// service of the process. Reflection describes what is mapped when it is first asked, so services mapped after
    /// this call are listed too. It has no HTTP binding and the gateway only forwards the API prefixes, so it is
    /// reachable on the service's gRPC port only.
    /// </summary>
    public static WebApplication MapRegistryServiceDefaults(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    private static bool IsRestApiCall(HttpContext context) =>
        !(context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) ?? false)
        && (context.Request.Path.StartsWithSegments("/v0") || context.Request.Path.StartsWithSegments("/v0.1"));
}
