using Registry.Domain.Annotations;
using Registry.Domain.Errors;
using Registry.Domain.Versions;

namespace Registry.Domain.Search;

/// <summary>The parameter rules of ranked search (an extension), worded like the list route's.</summary>
public static class SearchQueryRules
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 200;

    public static readonly IReadOnlyList<string> RegistryTypes = ["npm", "pypi", "nuget", "oci", "mcpb", "cargo"];
    public static readonly IReadOnlyList<string> Transports = ["stdio", "streamable-http", "sse"];
    public static readonly IReadOnlyList<string> Statuses = [ServerStatus.Active, ServerStatus.Deprecated, ServerStatus.Deleted];

    public static SearchQuery Build(
        string? q, string? registryType, string? transport, bool? hasRemote, string? status, string? nameSpace,
        int? limit, string? cursor, IReadOnlyList<string>? annotations = null)
    {
        // Without words the search browses: every entry under the filters, in name order.
        var text = (q ?? "").Trim();
        if (text.Length > MaxQueryLength)
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail($"expected length <= {MaxQueryLength}", "query.q", text));
        }

        var pageSize = limit ?? DefaultLimit;
        if (pageSize is < 1 or > MaxLimit)
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail(
                pageSize < 1 ? "expected number >= 1" : $"expected number <= {MaxLimit}", "query.limit", pageSize));
        }

        var query = new SearchQuery(
            Text: text.ToLowerInvariant(),
            Words: SearchWords.Split(text),
            RegistryType: OneOf(registryType, RegistryTypes, "query.registryType"),
            Transport: OneOf(transport, Transports, "query.transport"),
            HasRemote: hasRemote,
            Status: OneOf(status, Statuses, "query.status") ?? ServerStatus.Active,
            Namespace: string.IsNullOrEmpty(nameSpace) ? null : nameSpace.ToLowerInvariant(),
            Limit: pageSize,
            After: null,
            Annotations: AnnotationFilter.ParseAll(annotations ?? []));
        return string.IsNullOrEmpty(cursor) ? query : query with { After = SearchCursor.Decode(cursor, query.Fingerprint) };
    }

    private static string? OneOf(string? value, IReadOnlyList<string> allowed, string location)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var lower = value.ToLowerInvariant();
        return allowed.Contains(lower)
            ? lower
            : throw RegistryErrors.ValidationFailed(new ErrorDetail(
                $"expected value to be one of \"{string.Join(", ", allowed)}\"", location, value));
    }
}
