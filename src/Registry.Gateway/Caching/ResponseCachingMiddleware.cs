using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Registry.Auth.Reading;
using Registry.Caching;
using Registry.Gateway.ReadAccess;
using Registry.Gateway.Routing;

namespace Registry.Gateway.Caching;

/// <summary>
/// Every proxied GET (and HEAD, answered as GET without the body): answered from the cache when the route is
/// cacheable, the cache is usable and the entry is fresh, otherwise from the service and then stored; either way with a
/// strong ETag, If-None-Match handling and a fitting Cache-Control. When the service fails (5xx: its database is down,
/// it is not running) and a stale entry for the same request is still kept, that entry is answered instead, with its
/// <c>Age</c> (stale-if-error, RFC 5861). <c>X-Registry-Cache</c> says which happened: hit, miss (stored), stale, or
/// bypass (Redis unusable or route not cached). An entry a write replaced is never answered: keys carry the tokens a
/// write replaces.
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
        // Outside the API only the web catalog's pages are held: the MCP server's /mcp answers may be event streams,
        // passed on as they come, and the pages' assets carry caching headers of their own.
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var cacheable = isRead ? CacheableRequest.From(context.Request) : null;
        if (!isRead || !ApiPrefixes.Contains(context.Request.Path) && cacheable is null)
        {
            await next(context);
            return;
        }

        var key = await EntryKeyAsync(cacheable, ReadGate.ViewOf(context));
        var cached = key is null ? null : await store.GetAsync(key);
        if (cached is not null && store.IsFresh(cached))
        {
            await WriteAsync(context, cached, "hit");
            return;
        }

        var body = await ForwardBufferedAsync(context);
        if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError && cached is not null && store.MayServeStale(cached))
        {
            await WriteStaleAsync(context, cached);
            return;
        }

        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            context.Response.Headers.CacheControl = HttpValidators.CacheControlFor(context.Request, context.Response.StatusCode, store.StaleIfError);
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            return;
        }

        var answer = CachedResponse.Create(context.Response.ContentType, body, store.Now, context.Response.Headers);
        if (key is not null)
        {
            await store.SetAsync(key, answer);
        }

        await WriteAsync(context, answer, key is null ? "bypass" : "miss");
    }

    /// <summary>Callers of different views never share an entry: the view is part of the key.</summary>
    private async Task<string?> EntryKeyAsync(CacheableRequest? cacheable, ReadView view)
    {
        if (!options.Value.Enabled || cacheable is null)
        {
            return null;
        }

        return await generations.ReadAsync(cacheable.ScopeKey) is { } tokens ? CacheKeys.Entry(tokens, view.HidesNothing ? cacheable.Normalized : $"{view.Key}:{cacheable.Normalized}") : null;
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

    /// <summary>The service's failure is dropped, headers and body, for the answer it last gave.</summary>
    private async Task WriteStaleAsync(HttpContext context, CachedResponse answer)
    {
        foreach (var header in new[] { HeaderNames.RetryAfter, HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.CacheControl })
        {
            context.Response.Headers.Remove(header);
        }

        context.Response.Headers.Age = answer.AgeSeconds(store.Now).ToString(CultureInfo.InvariantCulture);
        await WriteAsync(context, answer, "stale");
    }

    private async Task WriteAsync(HttpContext context, CachedResponse answer, string cacheStatus)
    {
        context.Response.Headers[CacheStatusHeader] = cacheStatus;
        HttpValidators.Apply(context.Response, context.Request, answer, store.StaleIfError);
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
        }
    }
}
