using Yarp.ReverseProxy.Transforms;

namespace Registry.Gateway.Edge;

/// <summary>
/// HEAD is answered as GET without a body (RFC 9110): the services map only GET, so the gateway asks them with GET,
/// and Kestrel drops the body it then writes to a HEAD request, keeping the headers, Content-Length among them.
/// </summary>
internal static class HeadAsGet
{
    public static IReverseProxyBuilder AnswerHeadAsGet(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(context => context.AddRequestTransform(transform =>
        {
            if (HttpMethods.IsHead(transform.HttpContext.Request.Method))
            {
                transform.ProxyRequest.Method = HttpMethod.Get;
            }

            return ValueTask.CompletedTask;
        }));
}
