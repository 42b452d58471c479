using Registry.Auth.Permissions;

namespace Registry.Auth.Reading;

/// <summary>
/// The configured rules applied to a caller. A rule is satisfied by a token carrying all its claims, or by a registry
/// token whose publish, edit or read permission covers the rule's whole prefix (<c>*</c>, or a pattern
/// <c>com.acme.*</c> covering <c>com.acme.internal/</c>), so a namespace's publishers see what they publish there.
/// </summary>
public sealed class VisibilityPolicy(ReadAccessOptions options)
{
    private static readonly string[] CoveringActions = [PermissionActions.Publish, PermissionActions.Edit, PermissionActions.Read];

    public ReadAccessOptions Options => options;

    public ReadView ViewFor(ReadCaller caller)
    {
        if (options.Rules.Count == 0)
        {
            return ReadView.Everything;
        }

        return ReadView.Hiding(options.Rules.Where(rule => !Satisfies(caller, rule)).Select(rule => rule.Prefix));
    }

    private static bool Satisfies(ReadCaller caller, VisibilityRuleOptions rule)
    {
        if (!caller.IsAuthenticated)
        {
            return false;
        }

        if (caller.Permissions.Any(p => CoveringActions.Contains(p.Action) && Covers(p.Resource, rule.Prefix)))
        {
            return true;
        }

        return rule.Claims.Count > 0 && rule.Claims.All(claim => caller.HasClaim(claim.Key, claim.Value));
    }

    private static bool Covers(string pattern, string prefix) =>
        pattern == PermissionMatcher.Everything
        || (pattern.EndsWith('*') && prefix.StartsWith(pattern[..^1], StringComparison.Ordinal));
}
