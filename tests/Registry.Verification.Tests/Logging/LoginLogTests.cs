using Registry.Auth.Tokens;
using Registry.Contracts.V0;
using Registry.Domain.Errors;
using Registry.Testing.Fakes;
using Registry.Verification.Telemetry;

namespace Registry.Verification.Tests.Logging;

/// <summary>
/// Every login leaves exactly one event, and no log line of any category (HTTP clients included) carries the
/// credential it was given, the signature, the issued registry token or the signing seed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LoginLogTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string GrantedGitHubToken = "gho_CanaryGrantedToken7f3a9c";
    private const string RefusedGitHubToken = "gho_CanaryRefusedToken5b2e1d";
    private static readonly Dictionary<string, object> ActionsClaims = new()
    {
        ["sub"] = "repo:octo/server:ref:refs/heads/main",
        ["repository_owner"] = "octo",
    };

    private static readonly Dictionary<string, object> AdminClaims = new() { ["sub"] = "admin-1" };

    private VerificationServiceHost host = null!;

    public async Task InitializeAsync() => host = await VerificationServiceHost.StartAsync(await postgres.CreateMigratedConnectionStringAsync());

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task EachGrantedLoginLeavesOneEventWithoutItsCredentials()
    {
        host.GitHub.SetUser(GrantedGitHubToken, "alice");
        var actionsToken = host.Oidc.CreateToken(ActionsClaims, audience: VerificationServiceHost.GitHubAudience);
        var adminToken = host.Oidc.CreateToken(AdminClaims, audience: VerificationServiceHost.AdminClientId);
        var key = host.PublishDomainKey();

        await GrantedAsync(AuthMethods.None, "anonymous", () => host.Service.LoginAnonymous(new LoginAnonymousRequest(), TestCallContext.Instance));
        await GrantedAsync(AuthMethods.GitHubAccessToken, "alice", () => host.Service.LoginGitHubAccessToken(
            new LoginGitHubAccessTokenRequest { GithubToken = GrantedGitHubToken }, TestCallContext.Instance), GrantedGitHubToken);
        await GrantedAsync(AuthMethods.GitHubOidc, "repo:octo/server:ref:refs/heads/main", () => host.Service.LoginGitHubOidc(
            new LoginOidcRequest { OidcToken = actionsToken }, TestCallContext.Instance), JwtSecrets(actionsToken));
        await GrantedAsync(AuthMethods.Oidc, "admin-1", () => host.Service.LoginOidc(
            new LoginOidcRequest { OidcToken = adminToken }, TestCallContext.Instance), JwtSecrets(adminToken));
        var (timestamp, signature) = Sign(key);
        await GrantedAsync(AuthMethods.Dns, VerificationServiceHost.Domain, () => host.Service.LoginDns(
            DomainRequest(timestamp, signature), TestCallContext.Instance), signature);
        (timestamp, signature) = Sign(key);
        await GrantedAsync(AuthMethods.Http, VerificationServiceHost.Domain, () => host.Service.LoginHttp(
            DomainRequest(timestamp, signature), TestCallContext.Instance), signature);
    }

    [Fact]
    public async Task EachRefusedLoginLeavesOneEventWithTheReasonAndWithoutItsCredentials()
    {
        host.GitHub.SetUser(GrantedGitHubToken, "alice");
        var strangerActionsToken = host.Oidc.CreateTokenSignedByStranger(ActionsClaims, audience: VerificationServiceHost.GitHubAudience);
        var wrongAudienceToken = host.Oidc.CreateToken(AdminClaims, audience: "someone-else");
        host.PublishDomainKey();
        var (timestamp, signature) = Sign(DomainKey.NewEd25519());

        await RefusedAsync(AuthMethods.GitHubAccessToken, "GitHub API answered 401", () => host.Service.LoginGitHubAccessToken(
            new LoginGitHubAccessTokenRequest { GithubToken = RefusedGitHubToken }, TestCallContext.Instance), RefusedGitHubToken);
        await RefusedAsync(AuthMethods.GitHubOidc, "token signature is not valid", () => host.Service.LoginGitHubOidc(
            new LoginOidcRequest { OidcToken = strangerActionsToken }, TestCallContext.Instance), JwtSecrets(strangerActionsToken));
        await RefusedAsync(AuthMethods.Oidc, "token audience is not accepted", () => host.Service.LoginOidc(
            new LoginOidcRequest { OidcToken = wrongAudienceToken }, TestCallContext.Instance), JwtSecrets(wrongAudienceToken));
        await RefusedAsync(AuthMethods.Dns, "signature does not verify", () => host.Service.LoginDns(
            DomainRequest(timestamp, signature), TestCallContext.Instance), signature);
        await RefusedAsync(AuthMethods.Http, "signature does not verify", () => host.Service.LoginHttp(
            DomainRequest(timestamp, signature), TestCallContext.Instance), signature);
    }

    [Fact]
    public async Task ARefusedAnonymousLoginLeavesOneEvent()
    {
        await host.DisposeAsync();
        host = await VerificationServiceHost.StartAsync(await postgres.CreateMigratedConnectionStringAsync(), new Dictionary<string, string?> { ["Registry:Auth:AnonymousEnabled"] = "false" });

        await RefusedAsync(AuthMethods.None, "Endpoint /v0/auth/none not found",
            () => host.Service.LoginAnonymous(new LoginAnonymousRequest(), TestCallContext.Instance));
    }

    private async Task GrantedAsync(string method, string subject, Func<Task<RegistryToken>> login, params string[] secrets)
    {
        host.Logs.Clear();
        var issued = await login();

        var loginEvent = Assert.Single(host.Logs.GetSnapshot(), r => r.Category == typeof(LoginRecorder).FullName);
        Assert.StartsWith($"Login {method} granted {subject} (", loginEvent.Message);
        AssertNoLogLineContains([.. secrets, issued.RegistryToken_, .. JwtSecrets(issued.RegistryToken_)]);
    }

    private async Task RefusedAsync(string method, string reason, Func<Task<RegistryToken>> login, params string[] secrets)
    {
        host.Logs.Clear();
        await Assert.ThrowsAsync<RegistryException>(login);

        var loginEvent = Assert.Single(host.Logs.GetSnapshot(), r => r.Category == typeof(LoginRecorder).FullName);
        Assert.StartsWith($"Login {method} refused ", loginEvent.Message);
        Assert.Contains(reason, loginEvent.Message, StringComparison.Ordinal);
        AssertNoLogLineContains(secrets);
    }

    private void AssertNoLogLineContains(IReadOnlyList<string> secrets)
    {
        foreach (var record in host.Logs.GetSnapshot())
        {
            var texts = new[] { record.Message, record.Exception?.ToString() }
                .Concat(record.StructuredState?.Select(pair => pair.Value) ?? []);
            foreach (var secret in secrets.Append(host.SigningSeed))
            {
                Assert.DoesNotContain(texts, text => text?.Contains(secret, StringComparison.Ordinal) == true);
            }
        }
    }

    /// <summary>The whole token and its signature alone, which is a secret even when the token is cut short.</summary>
    private static string[] JwtSecrets(string jwt) => [jwt, jwt[(jwt.LastIndexOf('.') + 1)..]];

    private static (string Timestamp, string Signature) Sign(DomainKey key)
    {
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);
        return (timestamp, key.SignHex(timestamp));
    }

    private static LoginDomainRequest DomainRequest(string timestamp, string signature) =>
        new() { Domain = VerificationServiceHost.Domain, Timestamp = timestamp, SignedTimestamp = signature };
}
