using Registry.Domain.Annotations;

namespace Registry.Domain.Listing;

/// <summary>
/// A validated <c>GET /servers</c> request, ready for the store. <see cref="Filter"/> is the filter as sent (with what
/// the cursor carried), for the next page's cursor. <see cref="Annotations"/>: every one must match (none: no filter).
/// </summary>
public sealed record ServerListQuery(
    ServerCursor? After,
    int Limit,
    string? Search,
    DateTimeOffset? UpdatedSince,
    string? ExactVersion,
    bool LatestOnly,
    bool IncludeDeleted,
    ListFilter? Filter = null,
    IReadOnlyList<AnnotationFilter>? Annotations = null)
{
    /// <summary>Name prefixes the caller may not see: the page is read as if they held nothing. Not part of the cursor.</summary>
    public IReadOnlyList<string> HiddenPrefixes { get; init; } = [];

    /// <summary>The cursor of the page after one that ends with this row.</summary>
    public string NextCursor(string name, string version) => ServerCursor.Format(name, version, Filter);
}
