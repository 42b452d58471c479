using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Registry.Domain.Search;

/// <summary>
/// Reads a stored server.json into a <see cref="SearchDocument"/>. A field of the wrong JSON type counts as absent:
/// the document was validated when published, and a mirrored one is searched for what it does hold.
/// </summary>
public static partial class SearchDocumentParser
{
    /// <param name="annotations">The version's merged operator annotations as one JSON object, null for none.</param>
    public static SearchDocument Parse(string name, string version, string status, string serverJson, string? annotations = null)
    {
        using var document = JsonDocument.Parse(serverJson);
        var server = document.RootElement;
        var packages = Elements(server, "packages");
        var remotes = Elements(server, "remotes");
        return new SearchDocument(
            Name: name,
            Version: version,
            Status: status,
            NameWords: SearchWords.Distinct(name).ToList(),
            TitleWords: SearchWords.Distinct(Text(server, "title")).ToList(),
            DescriptionWords: SearchWords.Distinct(Text(server, "description")).ToList(),
            PackageWords: SearchWords.Distinct(string.Join(' ', packages.Select(p => Text(p, "identifier")))).ToList(),
            HostWords: SearchWords.Distinct(string.Join(' ', remotes.Select(r => Host(Text(r, "url"))))).ToList(),
            RegistryTypes: LowerDistinct(packages.Select(p => Text(p, "registryType"))),
            Transports: LowerDistinct(packages.Select(p => Text(Property(p, "transport"), "type")).Concat(remotes.Select(r => Text(r, "type")))),
            HasRemote: remotes.Count > 0,
            Annotations: annotations is null ? null : JsonNode.Parse(annotations) as JsonObject);
    }

    private static List<JsonElement> Elements(JsonElement parent, string property) =>
        Property(parent, property) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];

    private static JsonElement? Property(JsonElement? parent, string property) =>
        parent is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var found) ? found : null;

    private static string? Text(JsonElement? parent, string property) =>
        Property(parent, property) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static List<string> LowerDistinct(IEnumerable<string?> values) =>
        values.OfType<string>().Select(v => v.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string? Host(string? url) => url is not null && UrlHost().Match(url) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)")]
    private static partial Regex UrlHost();
}
