using System.Text.Json.Nodes;

namespace Registry.Domain.Search;

/// <summary>
/// What ranked search knows of a name: its latest version's status, the words of each weighed field kept apart,
/// and the values the filters test (<see cref="Annotations"/>: the operator annotations by key, null for none).
/// </summary>
public sealed record SearchDocument(
    string Name,
    string Version,
    string Status,
    IReadOnlyList<string> NameWords,
    IReadOnlyList<string> TitleWords,
    IReadOnlyList<string> DescriptionWords,
    IReadOnlyList<string> PackageWords,
    IReadOnlyList<string> HostWords,
    IReadOnlyList<string> RegistryTypes,
    IReadOnlyList<string> Transports,
    bool HasRemote,
    JsonObject? Annotations = null)
{
    public string NameLower { get; } = Name.ToLowerInvariant();

    /// <summary>Each word of the document once, with the fields (<see cref="SearchFields"/>) it appears in.</summary>
    public IEnumerable<(string Word, SearchFields Fields)> WordFields()
    {
        var fields = new Dictionary<string, SearchFields>(StringComparer.Ordinal);
        Mark(fields, NameWords, SearchFields.Name);
        Mark(fields, TitleWords, SearchFields.Title);
        Mark(fields, DescriptionWords, SearchFields.Description);
        Mark(fields, PackageWords, SearchFields.Package);
        Mark(fields, HostWords, SearchFields.Host);
        return fields.Select(f => (f.Key, f.Value));
    }

    private static void Mark(Dictionary<string, SearchFields> fields, IReadOnlyList<string> words, SearchFields field)
    {
        foreach (var word in words)
        {
            fields[word] = fields.GetValueOrDefault(word) | field;
        }
    }
}

/// <summary>Where a word was found, as bits so that one posting holds every field of a word.</summary>
[Flags]
public enum SearchFields : byte
{
    None = 0,
    Name = 1,
    Title = 2,
    Description = 4,
    Package = 8,
    Host = 16,
}
