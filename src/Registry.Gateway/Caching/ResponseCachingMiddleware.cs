using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Registry.Caching;

namespace Registry.Gateway.Caching;

/// <summary>
/// Every proxied GET (and HEAD, answered as GET without the body): answered from the cache when the route is cacheable and the cache is usable, otherwise from
/// the service and then stored; either way with a strong ETag, If-None-Match handling and a fitting Cache-Control.
/// <c>X-Registry-Cache</c> says which happened: hit, miss (stored) or bypass (Redis unusable or route not cached).
/// </summary>
internal sealed class ResponseCachingMiddleware(
    RequestDelegate next,
    CacheGenerations generations,
    ResponseStore store,
    IOptions<ResponseCacheOptions> options)
{
    public const string CacheStatusHeader = "X-Registry-Cache";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var key = await EntryKeyAsync(context.Request);
        if (key is not null && await store.GetAsync(key) is { } cached)
        {
            await WriteAsync(context, cached, "hit");
            return;
        }

        var body = await ForwardBufferedAsync(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            context.Response.Headers.CacheControl = HttpValidators.CacheControlFor(context.Request, context.Response.StatusCode);
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            return;
        }

        var answer = CachedResponse.Create(context.Response.ContentType, body);
        if (key is not null)
        {
            await store.SetAsync(key, answer);
        }

        await WriteAsync(context, answer, key is null ? "bypass" : "miss");
    }

    private async Task<string?> EntryKeyAsync(HttpRequest request)
    {
        if (!options.Value.Enabled || CacheableRequest.From(request) is not { } cacheable)
        {
            return null;
        }

        return await generations.ReadAsync(cacheable.ScopeKey) is { } tokens ? CacheKeys.Entry(tokens, cacheable.Normalized) : null;
    }

    private async Task<byte[]> ForwardBufferedAsync(HttpContext context)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var buffered = new BufferedResponseBody();
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await next(context);
            return await buffered.ToArrayAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    private static async Task WriteAsync(HttpContext context, CachedResponse answer, string cacheStatus)
    {
        context.Response.Headers[CacheStatusHeader] = cacheStatus;
        HttpValidators.Apply(context.Response, context.Request, answer);
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
        }
    }
}
