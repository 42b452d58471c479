namespace Registry.Web.Presentation;

/// <summary>
/// The pages' own paths for a server: <c>/servers/{namespace}/{name}</c> and
/// <c>/servers/{namespace}/{name}/versions/{version}</c>, the name's slash kept as a path separator so that links
/// read like the name. An encoded slash (<c>io.github.acme%2Fweather</c>, as the REST API spells it) is accepted too.
/// </summary>
public static class ServerPaths
{
    private const string VersionsSegment = "versions";

    public static string Server(string name) => "/servers/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    public static string Version(string name, string version) => Server(name) + "/versions/" + Uri.EscapeDataString(version);

    /// <summary>The server name and version (<c>latest</c> when none is named) of a page path after <c>/servers/</c>; null when it names neither.</summary>
    public static (string Name, string Version)? Parse(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var segments = path.Split('/').Select(Uri.UnescapeDataString).ToList();
        if (segments.Count is 1 or 3 && segments[0].Contains('/'))
        {
            // io.github.acme%2Fweather[/versions/1.0.0]: the name's slash came encoded.
            var parts = segments[0].Split('/', 2);
            segments = [parts[0], parts[1], .. segments.Skip(1)];
        }

        return segments switch
        {
            [var space, var name] when Named(space, name) => ($"{space}/{name}", Catalog.CatalogReader.Latest),
            [var space, var name, VersionsSegment, var version] when Named(space, name) && version.Length > 0 => ($"{space}/{name}", version),
            _ => null,
        };
    }

    private static bool Named(string space, string name) => space.Length > 0 && name.Length > 0;
}
