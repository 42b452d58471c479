namespace Registry.Domain.Search;

/// <summary>Which of the query's filters a matching document passes.</summary>
internal readonly record struct FilterResult(bool Type, bool Transport, bool Remote, bool Status)
{
    public bool All => Type && Transport && Remote && Status;
}

/// <summary>Facet counts of a search: each facet counts the documents that pass every filter but its own.</summary>
internal sealed class FacetTally
{
    private readonly Dictionary<string, int> registryType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> transport = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> hasRemote = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> status = new(StringComparer.Ordinal);
    private int total;

    public void Count(SearchDocument document, FilterResult filters)
    {
        if (filters.Transport && filters.Remote && filters.Status)
        {
            foreach (var type in document.RegistryTypes)
            {
                Add(registryType, type);
            }
        }

        if (filters.Type && filters.Remote && filters.Status)
        {
            foreach (var kind in document.Transports)
            {
                Add(transport, kind);
            }
        }

        if (filters.Type && filters.Transport && filters.Status)
        {
            Add(hasRemote, document.HasRemote ? "true" : "false");
        }

        if (filters.Type && filters.Transport && filters.Remote)
        {
            Add(status, document.Status);
        }

        if (filters.All)
        {
            total++;
        }
    }

    public SearchFacetCounts ToCounts() => new(registryType, transport, hasRemote, status, total);

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
