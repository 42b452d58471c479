namespace Registry.Domain.Search;

/// <summary>A page of ranked search from the index: names, versions and scores, the facets, and the index's position.</summary>
public sealed record SearchIndexPage(IReadOnlyList<SearchIndexHit> Hits, SearchFacetCounts Facets, long Position);

public sealed record SearchIndexHit(string Name, string Version, decimal Score);

/// <summary>
/// Counts over every match of the query. Each facet applies the other filters but not its own, so that its counts
/// say what choosing another value would return.
/// </summary>
public sealed record SearchFacetCounts(
    IReadOnlyDictionary<string, int> RegistryType,
    IReadOnlyDictionary<string, int> Transport,
    IReadOnlyDictionary<string, int> HasRemote,
    IReadOnlyDictionary<string, int> Status,
    int Total)
{
    public static readonly SearchFacetCounts None = new(
        new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), 0);
}
