using System.Text.Json;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

/// <summary>The sample seed the AppHost loads in development, read independently of the system under test.</summary>
internal static class SampleSeed
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot(), "Registry.AppHost", "Seed", "sample-servers.json");

    public static IReadOnlyList<(string Name, string Version)> Versions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.GetProperty("servers").EnumerateArray()
            .Select(entry => entry.GetProperty("server"))
            .Select(server => (server.GetProperty("name").GetString()!, server.GetProperty("version").GetString()!))
            .ToList();
    }

    public static IReadOnlyList<JsonNode> Documents()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path))!;
        return root["servers"]!.AsArray().Select(entry => entry!["server"]!.DeepClone()).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Registry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Registry.sln not found above " + AppContext.BaseDirectory);
    }
}
