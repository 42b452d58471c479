using Registry.Domain.Annotations;
using Registry.Domain.Errors;

namespace Registry.Domain.Listing;

/// <summary>The query-parameter rules of <c>GET /servers</c>, in the order the official API checks them.</summary>
public static class ServerListQueryRules
{
    public const int DefaultLimit = 30;
    public const int MaxLimit = 100;
    public const string LatestVersion = "latest";

    /// <summary>Filter parameters the request leaves out are taken from a filtered cursor (see <see cref="ServerCursor"/>).</summary>
    public static ServerListQuery Build(
        string? cursor,
        int? limit,
        string? search,
        string? updatedSince,
        string? version,
        bool? includeDeleted,
        IReadOnlyList<string>? annotations = null)
    {
        var after = string.IsNullOrEmpty(cursor) ? null : ServerCursor.Parse(cursor);
        var filter = new ListFilter(NullIfEmpty(search), NullIfEmpty(version), NullIfEmpty(updatedSince), includeDeleted,
                annotations is { Count: > 0 } ? annotations : null)
            .Over(after?.Filter ?? ListFilter.None);
        (search, version, updatedSince, includeDeleted) = (filter.Search, filter.Version, filter.UpdatedSince, filter.IncludeDeleted);

        var pageSize = limit ?? DefaultLimit;
        if (pageSize < 1)
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail("expected number >= 1", "query.limit", pageSize));
        }

        if (pageSize > MaxLimit)
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail($"expected number <= {MaxLimit}", "query.limit", pageSize));
        }

        DateTimeOffset? since = null;
        if (!string.IsNullOrEmpty(updatedSince))
        {
            if (!Rfc3339.TryParse(updatedSince, out var parsed))
            {
                throw RegistryErrors.InvalidUpdatedSince();
            }

            if (includeDeleted == false)
            {
                throw RegistryErrors.IncludeDeletedConflictsWithUpdatedSince();
            }

            since = parsed;
        }

        var annotationFilters = AnnotationFilter.ParseAll(filter.Annotations ?? []);
        if (annotationFilters.Count > 0)
        {
            filter = filter with { Annotations = annotationFilters.Select(f => f.ToString()).ToList() };
        }

        var latestOnly = version == LatestVersion;
        return new ServerListQuery(
            After: after,
            Limit: pageSize,
            Search: string.IsNullOrEmpty(search) ? null : search,
            UpdatedSince: since,
            ExactVersion: latestOnly || string.IsNullOrEmpty(version) ? null : version,
            LatestOnly: latestOnly,
            // Pollers using updated_since must see deletions, so the filter implies include_deleted.
            IncludeDeleted: since is not null || includeDeleted == true,
            Filter: filter.IsEmpty ? null : filter,
            Annotations: annotationFilters.Count > 0 ? annotationFilters : null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
