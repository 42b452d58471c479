using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Registry.Gateway.Problems;

/// <summary>
/// When the service behind a route cannot be reached, or its health check fails, clients get at once a problem+json
/// body that names the service, instead of an empty 502 or a connection held open.
/// </summary>
internal sealed class UpstreamFailureProblems(RequestDelegate next)
{
    private const string RetryAfterSeconds = "5";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted)
        {
            return;
        }

        var service = context.Features.Get<IReverseProxyFeature>()?.Cluster.Config.ClusterId ?? "registry";
        switch (failure.Error)
        {
            case ForwarderError.NoAvailableDestinations:
                context.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds;
                await GatewayProblem.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable,
                    $"The {service} service is not ready: it does not answer its liveness probe; try again shortly");
                break;
            case ForwarderError.Request:
                context.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds;
                await GatewayProblem.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable,
                    $"The {service} service is not ready: it does not accept connections (it starts once PostgreSQL is up and the migrations have run); try again shortly");
                break;
            case ForwarderError.RequestBodyClient or ForwarderError.RequestBodyCanceled or ForwarderError.RequestCanceled:
                await GatewayProblem.WriteAsync(context.Response, StatusCodes.Status400BadRequest, "The request body could not be read from the client");
                break;
            case ForwarderError.RequestTimedOut:
                await GatewayProblem.WriteAsync(context.Response, StatusCodes.Status504GatewayTimeout, $"The {service} service did not answer in time");
                break;
            default:
                await GatewayProblem.WriteAsync(context.Response, StatusCodes.Status502BadGateway, $"The {service} service failed to answer");
                break;
        }
    }
}
