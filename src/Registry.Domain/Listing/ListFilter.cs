namespace Registry.Domain.Listing;

/// <summary>
/// The filter parameters of <c>GET /servers</c> as the client sent them (not yet validated), which a cursor handed
/// out for a filtered list carries so that the cursor alone asks for the next page of the same list.
/// <see cref="Annotations"/> are the operator-annotation filters (an extension), null when none was sent.
/// </summary>
public sealed record ListFilter(string? Search, string? Version, string? UpdatedSince, bool? IncludeDeleted, IReadOnlyList<string>? Annotations = null)
{
    public static readonly ListFilter None = new(null, null, null, null);

    public bool IsEmpty => string.IsNullOrEmpty(Search) && string.IsNullOrEmpty(Version) && string.IsNullOrEmpty(UpdatedSince) && IncludeDeleted is null
        && Annotations is null or { Count: 0 };

    /// <summary>The parameters a request sends win; those it leaves out come from the cursor.</summary>
    public ListFilter Over(ListFilter fromCursor) => new(
        Search ?? fromCursor.Search,
        Version ?? fromCursor.Version,
        UpdatedSince ?? fromCursor.UpdatedSince,
        IncludeDeleted ?? fromCursor.IncludeDeleted,
        Annotations is { Count: > 0 } ? Annotations : fromCursor.Annotations);
}
