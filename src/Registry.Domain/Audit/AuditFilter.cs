namespace Registry.Domain.Audit;

/// <summary>
/// A validated read of the audit trail: events with an id greater than <see cref="After"/>, oldest first, that match
/// every filter given (null filters match everything). <see cref="Since"/> is inclusive, <see cref="Until"/> exclusive.
/// </summary>
public sealed record AuditFilter(
    long After,
    int Limit,
    string? Actor = null,
    string? ServerName = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    string? Action = null,
    string? Outcome = null);
