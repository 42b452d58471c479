using Microsoft.AspNetCore.Http.Features;
using Registry.Domain.Requests;
using Registry.Gateway.Problems;

namespace Registry.Gateway.Edge;

/// <summary>
/// A NUL byte or bytes that are not UTF-8 anywhere in the path or query are a 400 before routing, as the official
/// registry answers; no service behind the gateway is asked to look such a name or cursor up.
/// </summary>
internal sealed class RequestTargetGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        return RequestText.TargetProblem(target) is { } problem
            ? GatewayProblem.WriteAsync(context.Response, StatusCodes.Status400BadRequest, problem)
            : next(context);
    }
}
