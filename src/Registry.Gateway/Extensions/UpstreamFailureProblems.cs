using Yarp.ReverseProxy.Forwarder;

namespace Registry.Gateway.Extensions;

/// <summary>When a service cannot be reached, clients still get a problem+json body rather than an empty 502.</summary>
internal sealed class UpstreamFailureProblems(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetForwarderErrorFeature() is { } failure && !context.Response.HasStarted)
        {
            var status = failure.Error == ForwarderError.RequestTimedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway;
            await GatewayProblem.WriteAsync(context.Response, status, "The registry service behind this route is unavailable");
        }
    }
}
