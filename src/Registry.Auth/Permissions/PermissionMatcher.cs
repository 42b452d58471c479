namespace Registry.Auth.Permissions;

/// <summary>
/// The one place permission patterns are matched, as the official registry matches them: <c>*</c> matches every name; a pattern ending in
/// <c>*</c> is a plain prefix match (so <c>com.example.*</c> also matches <c>com.example.api/x</c>); anything
/// else must equal the name. Matching is case-sensitive.
/// </summary>
public static class PermissionMatcher
{
    public const string Everything = "*";

    public static bool Matches(string pattern, string serverName)
    {
        if (pattern == Everything)
        {
            return true;
        }

        return pattern.EndsWith('*')
            ? serverName.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, serverName, StringComparison.Ordinal);
    }

    public static bool Allows(IEnumerable<Permission> permissions, string action, string serverName) =>
        permissions.Any(p => p.Action == action && Matches(p.Resource, serverName));

    /// <summary>Patterns the caller holds for an action, for error messages that tell them what they may do.</summary>
    public static IReadOnlyList<string> PatternsFor(IEnumerable<Permission> permissions, string action) =>
        permissions.Where(p => p.Action == action).Select(p => p.Resource).ToList();
}
