using System.Text.Json.Nodes;

namespace Registry.Domain.Tests.Validation;

/// <summary>
/// The server.json examples kept beside these tests. They are read from the source tree (found by walking up from
/// the test binaries) because this folder cannot add copy-to-output items to the project file.
/// </summary>
internal static class ExampleFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static IEnumerable<string> Names(string kind) =>
        Directory.GetFiles(Path.Combine(Root.Value, kind), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static JsonObject Load(string kind, string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root.Value, kind, fileName)))!.AsObject();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, "Validation", "Examples"), Path.Combine(directory.FullName, "tests", "Registry.Domain.Tests", "Validation", "Examples") })
            {
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"Validation/Examples not found above {AppContext.BaseDirectory}");
    }
}
