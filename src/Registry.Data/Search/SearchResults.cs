using Registry.Data.Servers;
using Registry.Domain.Search;

namespace Registry.Data.Search;

/// <summary>One entry of a ranked search: the latest version of a name and its score.</summary>
public sealed record SearchHit(ServerVersionRecord Record, decimal Score);

public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, SearchFacetCounts Facets);
