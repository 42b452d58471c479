using Microsoft.Net.Http.Headers;

namespace Registry.Gateway.Edge;

/// <summary>The API is public data plus bearer-token writes, so any origin may call it; cookies are never used.</summary>
internal static class CorsPolicy
{
    public static IServiceCollection AddOpenCors(this IServiceCollection services) =>
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options)
            .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.IfNoneMatch, HeaderNames.Accept)
            .WithExposedHeaders(HeaderNames.ETag, HeaderNames.RetryAfter, HeaderNames.CacheControl, "X-Registry-Cache")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
}
