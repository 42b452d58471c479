namespace Registry.Testing;

/// <summary>Finds Registry.CacheHost.dll, copied beside the tests by the project reference; run it with <see cref="DotnetHost"/>.</summary>
internal static class CacheHostLocator
{
    private const string FileName = "Registry.CacheHost.dll";

    public static string Dll()
    {
        string?[] candidates =
        [
            Environment.GetEnvironmentVariable("REGISTRY_CACHEHOST_DLL"),
            Path.Combine(AppContext.BaseDirectory, FileName),
            Path.Combine(Path.GetDirectoryName(typeof(CacheHostLocator).Assembly.Location) ?? string.Empty, FileName),
        ];
        return candidates.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
            ?? throw new FileNotFoundException(
                $"{FileName} was not found in {AppContext.BaseDirectory}; reference Registry.Testing (which references " +
                "Registry.CacheHost) from the test project, or set REGISTRY_CACHEHOST_DLL.");
    }
}
