namespace Registry.Data.Tests.Rendering;

/// <summary>The valid server.json examples kept with the domain tests, read from the source tree.</summary>
internal static class ServerDocumentFiles
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    public static IEnumerable<string> Valid() =>
        Directory.GetFiles(Folder.Value, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText);

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Registry.Domain.Tests", "Validation", "Examples", "Valid");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/Registry.Domain.Tests/Validation/Examples/Valid not found above {AppContext.BaseDirectory}");
    }
}
