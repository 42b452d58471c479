using Registry.Contracts.V0;
using Registry.Data.Search;
using Registry.Domain.Search;
using SearchFacets = Registry.Contracts.V0.SearchFacets;

namespace Registry.Data.Rendering;

/// <summary>Turns a ranked search page into the contract's response.</summary>
public static class SearchResponseMapper
{
    public static SearchServersResponse ToResponse(SearchPage page, SearchQuery query)
    {
        var response = new SearchServersResponse
        {
            Metadata = new SearchMetadata { Count = page.Hits.Count, Total = page.Facets.Total },
            Facets = new SearchFacets(),
        };
        foreach (var hit in page.Hits)
        {
            var entry = ServerResponseMapper.ToResponse(hit.Record);
            response.Servers.Add(new SearchResult { Server = entry.Server, Meta = entry.Meta, Score = (double)hit.Score });
        }

        if (NextCursor(page, query) is { } next)
        {
            response.Metadata.NextCursor = next;
        }

        response.Facets.RegistryType.Add(page.Facets.RegistryType.ToDictionary());
        response.Facets.Transport.Add(page.Facets.Transport.ToDictionary());
        response.Facets.HasRemote.Add(page.Facets.HasRemote.ToDictionary());
        response.Facets.Status.Add(page.Facets.Status.ToDictionary());
        return response;
    }

    /// <summary>The cursor of the page after <paramref name="page"/>, when it is full.</summary>
    public static string? NextCursor(SearchPage page, SearchQuery query) =>
        page.Hits.Count >= query.Limit && page.Hits.Count > 0 ? query.NextCursor(page.Hits[^1].Score, page.Hits[^1].Record.Name) : null;
}
