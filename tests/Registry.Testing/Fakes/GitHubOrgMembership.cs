namespace Registry.Testing.Fakes;

/// <summary>One entry of GitHub's <c>/user/memberships/orgs</c>: the organisation, the user's role in it and whether the membership is accepted.</summary>
public sealed record GitHubOrgMembership(string Organization, string Role, string State)
{
    public static GitHubOrgMembership Owner(string organization) => new(organization, "admin", "active");

    public static GitHubOrgMembership Member(string organization) => new(organization, "member", "active");

    /// <summary>Invited as an owner, not yet accepted.</summary>
    public static GitHubOrgMembership PendingOwner(string organization) => new(organization, "admin", "pending");
}
