using System.Reflection;

namespace Registry.Testing;

/// <summary>
/// Finds Registry.CacheHost.dll in the CacheHost project's own build output (recorded when Registry.Testing is built),
/// so that it runs with its own dependencies; run it with <see cref="DotnetHost"/>.
/// </summary>
internal static class CacheHostLocator
{
    private const string MetadataKey = "CacheHostDll";

    public static string Dll()
    {
        var recorded = typeof(CacheHostLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value;
        var path = Environment.GetEnvironmentVariable("REGISTRY_CACHEHOST_DLL") is { Length: > 0 } overridden ? overridden : recorded;
        return !string.IsNullOrEmpty(path) && File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"Registry.CacheHost.dll was not found at '{path}'; build the solution (dotnet build Registry.sln), " +
                "or set REGISTRY_CACHEHOST_DLL to the CacheHost's own build output.");
    }
}
