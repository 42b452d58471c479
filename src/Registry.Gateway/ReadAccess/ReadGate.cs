using Registry.Auth.Reading;
using Registry.Gateway.Problems;
using Registry.Gateway.Routing;
using Yarp.ReverseProxy.Model;

namespace Registry.Gateway.ReadAccess;

/// <summary>
/// Before a read is answered (from the cache or a service): who is asking. A refused token, or no token where reads
/// need one, is a 401 with a <c>WWW-Authenticate</c> challenge pointing at the protected-resource metadata; otherwise
/// the caller's view goes with the request, and the response cache keys entries by it so that no entry reaches a
/// caller who may not see it. Writes carry their own token checks; probes stay open. With reads open to all and no
/// rules, nothing is looked at.
/// </summary>
internal sealed class ReadGate(RequestDelegate next, ReadJudge judge, VisibilityPolicy policy)
{
    private const string ViewItem = "registry.read-view";

    /// <summary>The view of the request's caller; everything when reads are open.</summary>
    public static ReadView ViewOf(HttpContext context) =>
        context.Items.TryGetValue(ViewItem, out var view) && view is ReadView known ? known : ReadView.Everything;

    /// <summary>
    /// The answer depends on who asked (reads need a token, or rules hide names from some), so caches between the
    /// client and the registry must not hand it to anyone else.
    /// </summary>
    public static bool AnswersDependOnCaller(HttpContext context) => context.Items.ContainsKey(ViewItem);

    public async Task InvokeAsync(HttpContext context)
    {
        if (judge.IsOpen || !IsRead(context))
        {
            await next(context);
            return;
        }

        var verdict = await judge.JudgeAsync(context.Request.Headers.Authorization, context.RequestAborted);
        if (verdict.View is not { } view)
        {
            await RefuseAsync(context, verdict.TokenWasInvalid ? "invalid_token" : null, verdict.Refusal!);
            return;
        }

        context.Items[ViewItem] = view;
        context.Response.Headers.Vary = "Authorization";
        await next(context);
    }

    /// <summary>Reads: every GET and HEAD, and everything the MCP server is asked (its tools read the catalog).</summary>
    private static bool IsRead(HttpContext context)
    {
        if (OperationalPaths.IsMonitoring(context.Request.Path))
        {
            return false;
        }

        return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || context.Features.Get<IReverseProxyFeature>()?.Route.Config.ClusterId == UpstreamClusters.Mcp;
    }

    private Task RefuseAsync(HttpContext context, string? error, string detail)
    {
        context.Response.Headers.WWWAuthenticate = ProtectedResourceMetadata.Challenge(ProtectedResourceEndpoint.ResourceOf(context.Request, policy.Options), error, detail);
        context.Response.Headers.CacheControl = "no-store";
        return GatewayProblem.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, detail);
    }
}
