namespace Registry.Domain.Search;

/// <summary>
/// A document's filter values as small numbers (<see cref="FacetCodes"/>), so that a search over every name filters
/// and counts facets without hashing strings.
/// </summary>
internal readonly record struct DocumentFacts(int[] RegistryTypes, int[] Transports, int Status, bool HasRemote);

/// <summary>Numbers for the values a facet has seen; a value keeps its number for the life of the index.</summary>
internal sealed class FacetCodes
{
    private readonly Dictionary<string, int> codes = new(StringComparer.Ordinal);
    private readonly List<string> values = [];

    public int Count => values.Count;

    public int CodeOf(string value)
    {
        if (!codes.TryGetValue(value, out var code))
        {
            codes[value] = code = values.Count;
            values.Add(value);
        }

        return code;
    }

    /// <summary>The number of a value, or -1 for one no document has had (so no document passes that filter).</summary>
    public int Find(string value) => codes.GetValueOrDefault(value, -1);

    public string ValueOf(int code) => values[code];
}
