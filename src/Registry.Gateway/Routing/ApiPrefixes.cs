namespace Registry.Gateway.Routing;

/// <summary>The API is served under both versions of its prefix, with the same routes under each.</summary>
internal static class ApiPrefixes
{
    public static readonly string[] All = ["/v0", "/v0.1"];

    public static bool Contains(PathString path) => All.Any(prefix => path.StartsWithSegments(prefix));
}
