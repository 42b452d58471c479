using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.AppHost.Infrastructure;

/// <summary>
/// Makes a service's gRPC address easy to find for internal tools (grpcurl, Postman, grpcui): the dashboard labels the
/// endpoint, and the AppHost's console names it once the service is ready. The ports are chosen at each start.
/// </summary>
internal static class GrpcAddresses
{
    public const string DisplayText = "gRPC (h2c)";

    public static IResourceBuilder<ProjectResource> WithGrpcAddressShown(
        this IResourceBuilder<ProjectResource> service,
        string grpcEndpointName,
        string healthEndpointName) =>
        service
            .WithUrlForEndpoint(grpcEndpointName, url => url.DisplayText = DisplayText)
            .WithUrlForEndpoint(healthEndpointName, url =>
            {
                url.DisplayText = "health (HTTP/1.1)";
                url.DisplayLocation = UrlDisplayLocation.DetailsOnly;
            })
            .OnResourceReady((resource, ready, _) =>
            {
                var endpoint = resource.GetEndpoint(grpcEndpointName);
                ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GrpcAddresses).FullName!)
                    .LogInformation("{Service} answers gRPC at {Address} (HTTP/2 cleartext, with reflection: grpcurl -plaintext)",
                        resource.Name, $"{endpoint.Host}:{endpoint.Port}");
                return Task.CompletedTask;
            });
}
