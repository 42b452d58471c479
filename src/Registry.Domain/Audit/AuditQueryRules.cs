using Registry.Domain.Errors;
using Registry.Domain.Listing;

namespace Registry.Domain.Audit;

/// <summary>The parameter rules of the audit trail's read and export (an extension), worded like the list route's.</summary>
public static class AuditQueryRules
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <param name="limit">Ignored (and unchecked) when <paramref name="export"/>: the export answers every match.</param>
    public static AuditFilter Build(
        long? after, int? limit, string? actor, string? serverName, string? since, string? until, string? action, string? outcome,
        bool export = false)
    {
        var position = after ?? 0;
        if (position < 0)
        {
            throw Invalid("expected number >= 0", "query.after", position);
        }

        var pageSize = export ? int.MaxValue : limit ?? DefaultLimit;
        if (!export && pageSize is < 1 or > MaxLimit)
        {
            throw Invalid(pageSize < 1 ? "expected number >= 1" : $"expected number <= {MaxLimit}", "query.limit", pageSize);
        }

        return new AuditFilter(position, pageSize, Blank(actor), Blank(serverName),
            Time(since, "query.since"), Time(until, "query.until"),
            OneOf(action, AuditActions.All, "query.action"), OneOf(outcome, AuditOutcomes.All, "query.outcome"));
    }

    private static DateTimeOffset? Time(string? text, string location)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        return Rfc3339.TryParse(value, out var parsed) ? parsed : throw Invalid("expected an RFC 3339 date-time", location, value);
    }

    private static string? OneOf(string? text, IReadOnlyList<string> known, string location)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        return known.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Invalid($"expected one of {string.Join(", ", known)}", location, value);
    }

    /// <summary>An empty query parameter filters nothing, as an absent one.</summary>
    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static RegistryException Invalid(string message, string location, object value) =>
        RegistryErrors.ValidationFailed(new ErrorDetail(message, location, value));
}
