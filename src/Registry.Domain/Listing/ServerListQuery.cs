namespace Registry.Domain.Listing;

/// <summary>A validated <c>GET /servers</c> request, ready for the store.</summary>
public sealed record ServerListQuery(
    ServerCursor? After,
    int Limit,
    string? Search,
    DateTimeOffset? UpdatedSince,
    string? ExactVersion,
    bool LatestOnly,
    bool IncludeDeleted);
