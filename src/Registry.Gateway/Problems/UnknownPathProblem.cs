using Registry.Gateway.Routing;

namespace Registry.Gateway.Problems;

/// <summary>404 for paths no route serves; outside the API prefixes it points at where the path probably lives.</summary>
internal static class UnknownPathProblem
{
    public static Task WriteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var underApi = ApiPrefixes.Contains(context.Request.Path);
        var detail = underApi
            ? $"Endpoint {path} not found"
            : $"Endpoint {path} not found. Did you mean /v0.1{path} or /v0{path}?";
        return GatewayProblem.WriteAsync(context.Response, StatusCodes.Status404NotFound, detail);
    }
}
