namespace Registry.Domain.Validation.Semantics;

internal static class UrlVariables
{
    /// <summary>One issue per <c>{variable}</c> of <paramref name="url"/> that is not among <paramref name="defined"/>.</summary>
    public static IEnumerable<ValidationIssue> CheckDefined(string path, string url, IReadOnlySet<string> defined, string definedBy)
    {
        var available = defined.Count == 0 ? "none" : string.Join(", ", defined.Order(StringComparer.Ordinal));
        return UrlTemplate.Variables(url)
            .Where(variable => !defined.Contains(variable))
            .Select(variable => SemanticIssue.Error(
                path,
                $"URL variable '{{{variable}}}' is not defined by {definedBy} (available: {available})",
                SemanticReferences.UnknownUrlVariable));
    }
}
