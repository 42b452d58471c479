using Registry.Data.Servers;

namespace Registry.Data.Search;

/// <summary>One entry of a ranked search: the latest version of a name and its score.</summary>
public sealed record SearchHit(ServerVersionRecord Record, decimal Score);

/// <summary>
/// Counts over every match of the query. Each facet applies the other filters but not its own, so that its counts
/// say what choosing another value would return.
/// </summary>
public sealed record SearchFacetCounts(
    IReadOnlyDictionary<string, int> RegistryType,
    IReadOnlyDictionary<string, int> Transport,
    IReadOnlyDictionary<string, int> HasRemote,
    IReadOnlyDictionary<string, int> Status,
    int Total);

public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, SearchFacetCounts Facets);
