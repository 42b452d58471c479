using Registry.Auth.Reading;

namespace Registry.Gateway.ReadAccess;

/// <summary>RFC 9728 protected-resource metadata: the registry as an OAuth resource, its issuer and its scopes.</summary>
internal static class ProtectedResourceEndpoint
{
    public static IEndpointRouteBuilder MapProtectedResourceMetadata(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProtectedResourceMetadata.Path, (HttpContext context, VisibilityPolicy policy) =>
            Results.Bytes(ProtectedResourceMetadata.Document(policy.Options, ResourceOf(context.Request, policy.Options)), "application/json"));
        return endpoints;
    }

    /// <summary>The configured public URL, or the one the request came to.</summary>
    public static string ResourceOf(HttpRequest request, ReadAccessOptions options) =>
        options.ResourceUrl.Length > 0 ? options.ResourceUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
}
