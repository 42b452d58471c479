using Microsoft.Net.Http.Headers;
using Registry.Gateway.ReadAccess;
using Registry.Gateway.Routing;

namespace Registry.Gateway.Caching;

/// <summary>Conditional GETs (RFC 9110 §13.1.2: If-None-Match compares weakly) and the Cache-Control each route gets.</summary>
internal static class HttpValidators
{
    public static bool IsNotModified(HttpRequest request, string entityTag)
    {
        foreach (var header in request.Headers.IfNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(','))
            {
                var tag = candidate.Trim();
                if (tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == entityTag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Registry data may change with any write, so clients may keep it but must revalidate (cheap with the ETag), and
    /// a CDN may answer with what it kept while the registry answers errors (stale-if-error, RFC 5861), as the gateway
    /// itself does; health answers are never stored, nor answers to a request with a token (the audit trail): for
    /// those, <c>public</c> would let a shared cache keep them.
    /// </summary>
    public static string CacheControlFor(HttpRequest request, int status, TimeSpan staleIfError)
    {
        if (status != StatusCodes.Status200OK || OperationalPaths.IsLiveness(request.Path) || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return "no-store";
        }

        var audience = ReadGate.AnswersDependOnCaller(request.HttpContext) ? "private" : "public";
        return staleIfError > TimeSpan.Zero
            ? $"{audience}, no-cache, stale-if-error={(long)staleIfError.TotalSeconds}"
            : $"{audience}, no-cache";
    }

    public static void Apply(HttpResponse response, HttpRequest request, CachedResponse answer, TimeSpan staleIfError)
    {
        response.Headers.ETag = answer.EntityTag;
        response.Headers.CacheControl = CacheControlFor(request, StatusCodes.Status200OK, staleIfError);
        if (IsNotModified(request, answer.EntityTag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.Remove(HeaderNames.ContentType);
            response.Headers.Remove(HeaderNames.ContentLength);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        response.ContentLength = answer.Body.Length;
    }
}
