using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A front end that reads the catalog for its own callers (the web catalog's pages, the MCP server's tools) sends each
/// caller's <c>Authorization</c> along, so that the catalog shows that caller exactly what it may see.
/// </summary>
public static class CallerAuthorization
{
    public static IHttpClientBuilder ForwardCallerAuthorization(this IHttpClientBuilder client)
    {
        client.Services.AddHttpContextAccessor();
        client.Services.TryAddSingleton<CallerAuthorizationInterceptor>();
        return client.AddInterceptor<CallerAuthorizationInterceptor>();
    }
}

internal sealed class CallerAuthorizationInterceptor(IHttpContextAccessor http) : Interceptor
{
    private const string Header = "authorization";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCallerAuthorization(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCallerAuthorization(context));

    private ClientInterceptorContext<TRequest, TResponse> WithCallerAuthorization<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var authorization = http.HttpContext?.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            return context;
        }

        var headers = context.Options.Headers ?? [];
        headers.Add(Header, authorization);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
