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
    public async Task AUserAndItsPublicOrganisationsEachGetTheirNamespace()
    {
        github.SetUser("gho_alice", "Alice", "acme-corp", "tools");

        var grant = await Login().LoginAsync("gho_alice", CancellationToken.None);

        Assert.Equal((AuthMethods.GitHubAccessToken, "Alice"), (grant.AuthMethod, grant.Subject));
        LoginAssert.Grants(grant, ("publish", "io.github.Alice/*"), ("publish", "io.github.acme-corp/*"), ("publish", "io.github.tools/*"));
    }

    [Fact]
    public async Task ATokenGitHubRefusesIsUnauthorized()
    {
        github.SetUser("gho_alice", "alice");

        await LoginAssert.RefusedAsync(() => Login().LoginAsync("gho_wrong", CancellationToken.None), 401, LoginErrors.TokenExchangeFailed);
    }

    [Fact]
    public async Task AnOrganisationOutsideTheLoginAlphabetLeavesTheTokenWithoutPermissions()
    {
        github.SetUser("gho_bob", "bob", "good-org", "bad_org");

        var grant = await Login().LoginAsync("gho_bob", CancellationToken.None);

        Assert.Equal("bob", grant.Subject);
        Assert.Empty(grant.Permissions);
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
}
