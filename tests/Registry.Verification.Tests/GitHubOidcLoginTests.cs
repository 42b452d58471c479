using Registry.Auth.Jwt;
using Registry.Auth.Tokens;
using Registry.Testing.Fakes;
using Registry.Verification.Logins;

namespace Registry.Verification.Tests;

public class GitHubOidcLoginTests : IAsyncLifetime
{
    private const string ActionsIssuer = "https://token.actions.githubusercontent.com";
    private FakeOidcIssuer issuer = null!;

    public async Task InitializeAsync()
    {
        issuer = await FakeOidcIssuer.StartAsync();
        issuer.Issuer = ActionsIssuer;
    }

    public async Task DisposeAsync() => await issuer.DisposeAsync();

    private GitHubOidcLogin Login()
    {
        var options = AuthSettings.Create(o => o.GitHubOidc.JwksUrl = issuer.JwksUrl);
        var keys = SigningKeySet.FromJwks(new HttpClient(), issuer.JwksUrl, TimeSpan.Zero, TimeProvider.System);
        return new GitHubOidcLogin(keys, options, TimeProvider.System);
    }

    private static Dictionary<string, object> Claims(string owner = "octo-org") => new()
    {
        ["sub"] = $"repo:{owner}/server:ref:refs/heads/main",
        ["repository_owner"] = owner,
        ["repository"] = $"{owner}/server",
    };

    [Fact]
    public async Task AnActionsTokenGrantsTheRepositoryOwnersNamespace()
    {
        var token = issuer.CreateToken(Claims(), audience: "mcp-registry");

        var grant = await Login().LoginAsync(token, CancellationToken.None);

        Assert.Equal((AuthMethods.GitHubOidc, "repo:octo-org/server:ref:refs/heads/main"), (grant.AuthMethod, grant.Subject));
        LoginAssert.Grants(grant, ("publish", "io.github.octo-org/*"));
    }

    [Fact]
    public async Task RotatedKeysAreFetchedWhenATokenNamesAnUnknownKeyId()
    {
        var login = Login();
        await login.LoginAsync(issuer.CreateToken(Claims(), audience: "mcp-registry"), CancellationToken.None);
        issuer.RotateKey();
        issuer.RetireOldKeys();

        var grant = await login.LoginAsync(issuer.CreateToken(Claims(), audience: "mcp-registry"), CancellationToken.None);

        Assert.Single(grant.Permissions);
        Assert.Equal(2, issuer.JwksRequests);
    }

    [Fact]
    public async Task KeysAreCachedBetweenLogins()
    {
        var login = Login();
        for (var i = 0; i < 3; i++)
        {
            await login.LoginAsync(issuer.CreateToken(Claims(), audience: "mcp-registry"), CancellationToken.None);
        }

        Assert.Equal(1, issuer.JwksRequests);
    }

    public static TheoryData<string, Func<FakeOidcIssuer, string>> HostileTokens => new()
    {
        { "wrong audience", i => i.CreateToken(Claims(), audience: "someone-else") },
        { "no audience", i => i.CreateToken(Claims()) },
        { "wrong issuer", i => i.CreateToken(Claims(), audience: "mcp-registry", issuer: "https://evil.example") },
        { "expired", i => i.CreateToken(Claims(), audience: "mcp-registry", expires: DateTimeOffset.UtcNow.AddMinutes(-2), notBefore: DateTimeOffset.UtcNow.AddMinutes(-10)) },
        { "not yet valid", i => i.CreateToken(Claims(), audience: "mcp-registry", notBefore: DateTimeOffset.UtcNow.AddMinutes(2), expires: DateTimeOffset.UtcNow.AddMinutes(10)) },
        { "signed by a stranger", i => i.CreateTokenSignedByStranger(Claims(), audience: "mcp-registry") },
        { "unsigned", _ => FakeOidcIssuer.CreateUnsignedToken(Claims()) },
        { "no repository owner", i => i.CreateToken(new Dictionary<string, object> { ["sub"] = "repo:x/y" }, audience: "mcp-registry") },
        { "owner outside the login alphabet", i => i.CreateToken(Claims("evil/../org"), audience: "mcp-registry") },
        { "not a JWT", _ => "definitely-not-a-jwt" },
    };

    [Theory]
    [MemberData(nameof(HostileTokens))]
    public async Task HostileTokensAreUnauthorized(string why, Func<FakeOidcIssuer, string> token)
    {
        var error = await LoginAssert.RefusedAsync(() => Login().LoginAsync(token(issuer), CancellationToken.None), 401, LoginErrors.TokenExchangeFailed);

        Assert.False(string.IsNullOrEmpty(error.Errors.Single().Message), why);
    }
}
