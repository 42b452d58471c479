using Registry.Auth.Tokens;
using Registry.Testing.Fakes;
using Registry.Verification.GitHub;
using Registry.Verification.Logins;

namespace Registry.Verification.Tests;

public class GitHubAccessTokenLoginTests : IAsyncLifetime
{
    private FakeGitHubApi github = null!;

    public async Task InitializeAsync() => github = await FakeGitHubApi.StartAsync();

    public async Task DisposeAsync() => await github.DisposeAsync();

    private GitHubAccessTokenLogin Login(string? apiBaseUrl = null) =>
        new(new GitHubApiClient(new HttpClient(), AuthSettings.Create(o => o.GitHub.ApiBaseUrl = apiBaseUrl ?? github.BaseUrl)));

    [Fact]
    public async Task AnActiveOwnerOfAnOrganisationGetsItsNamespaceBesideTheirOwn()
    {
        github.SetUser("gho_alice", "Alice", GitHubOrgMembership.Owner("Acme-Corp"));

        var grant = await Login().LoginAsync("gho_alice", CancellationToken.None);

        Assert.Equal((AuthMethods.GitHubAccessToken, "Alice"), (grant.AuthMethod, grant.Subject));
        LoginAssert.Grants(grant, ("publish", "io.github.Alice/*"), ("publish", "io.github.Acme-Corp/*"));
    }

    [Fact]
    public async Task TheMembershipsAreReadWithTheUsersOwnToken()
    {
        github.SetUser("gho_alice", "alice", GitHubOrgMembership.Owner("acme-corp"));

        await Login().LoginAsync("gho_alice", CancellationToken.None);

        var memberships = Assert.Single(github.Http.Requests, r => r.PathAndQuery.StartsWith("/user/memberships/orgs", StringComparison.Ordinal));
        Assert.Equal("/user/memberships/orgs?per_page=100&page=1", memberships.PathAndQuery);
        Assert.Equal("Bearer gho_alice", memberships.Authorization);
    }

    [Fact]
    public async Task APlainMemberOfAnOrganisationGetsOnlyTheirOwnNamespace()
    {
        github.SetUser("gho_alice", "alice", GitHubOrgMembership.Member("acme-corp"));

        var grant = await Login().LoginAsync("gho_alice", CancellationToken.None);

        LoginAssert.Grants(grant, ("publish", "io.github.alice/*"));
    }

    [Fact]
    public async Task AnOwnerWhoseInvitationIsStillPendingGetsOnlyTheirOwnNamespace()
    {
        github.SetUser("gho_alice", "alice", GitHubOrgMembership.PendingOwner("acme-corp"));

        var grant = await Login().LoginAsync("gho_alice", CancellationToken.None);

        LoginAssert.Grants(grant, ("publish", "io.github.alice/*"));
    }

    [Fact]
    public async Task OfSeveralOrganisationsOnlyTheOnesTheUserActivelyOwnsAreGranted()
    {
        github.SetUser("gho_alice", "alice",
            GitHubOrgMembership.Owner("acme-corp"),
            GitHubOrgMembership.Member("big-community"),
            GitHubOrgMembership.PendingOwner("new-venture"),
            GitHubOrgMembership.Owner("tools"));

        var grant = await Login().LoginAsync("gho_alice", CancellationToken.None);

        LoginAssert.Grants(grant, ("publish", "io.github.alice/*"), ("publish", "io.github.acme-corp/*"), ("publish", "io.github.tools/*"));
    }

    [Fact]
    public async Task AnOwnershipOnALaterPageIsFound()
    {
        var memberships = Enumerable.Range(1, GitHubApiClient.MembershipPageSize).Select(i => GitHubOrgMembership.Member($"club-{i}"));
        github.SetUser("gho_alice", "alice", [.. memberships, GitHubOrgMembership.Owner("acme-corp")]);

        var grant = await Login().LoginAsync("gho_alice", CancellationToken.None);

        LoginAssert.Grants(grant, ("publish", "io.github.alice/*"), ("publish", "io.github.acme-corp/*"));
        Assert.Equal(2, MembershipRequests());
    }

    [Fact]
    public async Task NoMoreThanTenPagesOfMembershipsAreRead()
    {
        var pages = GitHubApiClient.MaxMembershipPages;
        var memberships = Enumerable.Range(1, (pages * GitHubApiClient.MembershipPageSize) + 1).Select(i => GitHubOrgMembership.Member($"club-{i}"));
        github.SetUser("gho_alice", "alice", [.. memberships]);

        var grant = await Login().LoginAsync("gho_alice", CancellationToken.None);

        LoginAssert.Grants(grant, ("publish", "io.github.alice/*"));
        Assert.Equal(pages, MembershipRequests());
    }

    [Fact]
    public async Task ATokenGitHubRefusesIsUnauthorized()
    {
        github.SetUser("gho_alice", "alice");

        await LoginAssert.RefusedAsync(() => Login().LoginAsync("gho_wrong", CancellationToken.None), 401, LoginErrors.TokenExchangeFailed);
    }

    [Fact]
    public async Task AMembershipListGitHubRefusesIsUnauthorized()
    {
        github.SetUser("gho_alice", "alice");
        github.Http.MapJson("GET", "/user/memberships/orgs", new { message = "Resource not accessible by integration" }, status: 403);

        var error = await LoginAssert.RefusedAsync(() => Login().LoginAsync("gho_alice", CancellationToken.None), 401, LoginErrors.TokenExchangeFailed);

        Assert.Equal("GitHub API answered 403 for /user/memberships/orgs", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task AnOwnedOrganisationOutsideTheLoginAlphabetLeavesTheTokenWithoutPermissions()
    {
        github.SetUser("gho_bob", "bob", GitHubOrgMembership.Owner("good-org"), GitHubOrgMembership.Owner("bad_org"));

        var grant = await Login().LoginAsync("gho_bob", CancellationToken.None);

        Assert.Equal("bob", grant.Subject);
        Assert.Empty(grant.Permissions);
    }

    [Fact]
    public async Task AnOrganisationOutsideTheLoginAlphabetThatIsNotGrantedChangesNothing()
    {
        github.SetUser("gho_bob", "bob", GitHubOrgMembership.Owner("good-org"), GitHubOrgMembership.Member("bad_org"));

        var grant = await Login().LoginAsync("gho_bob", CancellationToken.None);

        LoginAssert.Grants(grant, ("publish", "io.github.bob/*"), ("publish", "io.github.good-org/*"));
    }

    [Fact]
    public async Task AnUnreachableGitHubIsUnauthorizedNotAnError()
    {
        await LoginAssert.RefusedAsync(() => Login($"http://127.0.0.1:{Registry.Testing.FreePort.Next()}").LoginAsync("gho_x", CancellationToken.None));
    }

    [Fact]
    public async Task AMissingTokenIsAValidationError()
    {
        await LoginAssert.RefusedAsync(() => Login().LoginAsync("", CancellationToken.None), 422);
    }

    private int MembershipRequests() =>
        github.Http.Requests.Count(r => r.PathAndQuery.StartsWith("/user/memberships/orgs", StringComparison.Ordinal));
}
