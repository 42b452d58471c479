namespace Registry.Gateway.Routing;

/// <summary>The probe and monitoring routes, under any prefix: never rate limited, and liveness never stored by caches.</summary>
internal static class OperationalPaths
{
    private static readonly string[] Liveness = ["/health", "/ping"];
    private static readonly string[] Monitoring = ["/health", "/ping", "/alive", "/metrics"];

    public static bool IsLiveness(PathString path) => EndsWithAny(path, Liveness);

    public static bool IsMonitoring(PathString path) => EndsWithAny(path, Monitoring);

    private static bool EndsWithAny(PathString path, string[] suffixes) =>
        path.Value is { } value && suffixes.Any(suffix => value.EndsWith(suffix, StringComparison.Ordinal));
}
