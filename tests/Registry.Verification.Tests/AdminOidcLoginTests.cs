using Registry.Auth.Tokens;
using Registry.Testing.Fakes;
using Registry.Verification.Logins;

namespace Registry.Verification.Tests;

public class AdminOidcLoginTests : IAsyncLifetime
{
    private FakeOidcIssuer issuer = null!;

    public async Task InitializeAsync() => issuer = await FakeOidcIssuer.StartAsync();

    public async Task DisposeAsync() => await issuer.DisposeAsync();

    private AdminOidcLogin Login(bool configured = true) => new(
        AuthSettings.Create(o =>
        {
            if (configured)
            {
                o.Oidc.Issuer = issuer.Issuer;
                o.Oidc.ClientId = "registry-admin";
                o.Oidc.ExtraClaims = """[{"hd":"example.com"}]""";
                o.Oidc.PublishPermissions = "*";
                o.Oidc.EditPermissions = "com.example/*, io.github.example/*";
                o.Oidc.RequireHttpsMetadata = false;
            }
        }),
        new SimpleHttpClientFactory(),
        TimeProvider.System);

    [Fact]
    public async Task AnAdministratorGetsTheConfiguredPatterns()
    {
        var token = issuer.CreateToken(new Dictionary<string, object> { ["sub"] = "admin-1", ["hd"] = "example.com" }, audience: "registry-admin");

        var grant = await Login().LoginAsync(token, CancellationToken.None);

        Assert.Equal((AuthMethods.Oidc, "admin-1"), (grant.AuthMethod, grant.Subject));
        LoginAssert.Grants(grant, ("publish", "*"), ("edit", "com.example/*"), ("edit", "io.github.example/*"));
    }

    [Fact]
    public async Task ATokenMissingARequiredClaimIsUnauthorized()
    {
        var token = issuer.CreateToken(new Dictionary<string, object> { ["sub"] = "admin-1", ["hd"] = "other.com" }, audience: "registry-admin");

        await LoginAssert.RefusedAsync(() => Login().LoginAsync(token, CancellationToken.None), 401);
    }

    [Fact]
    public async Task ATokenForAnotherClientIsUnauthorized()
    {
        var token = issuer.CreateToken(new Dictionary<string, object> { ["sub"] = "admin-1", ["hd"] = "example.com" }, audience: "another-app");

        await LoginAssert.RefusedAsync(() => Login().LoginAsync(token, CancellationToken.None), 401);
    }

    [Fact]
    public async Task ATokenFromAStrangerIsUnauthorized()
    {
        var token = issuer.CreateTokenSignedByStranger(new Dictionary<string, object> { ["sub"] = "admin-1", ["hd"] = "example.com" }, audience: "registry-admin");

        await LoginAssert.RefusedAsync(() => Login().LoginAsync(token, CancellationToken.None), 401);
    }

    [Fact]
    public async Task WithoutAnIssuerTheMethodDoesNotExist()
    {
        await LoginAssert.RefusedAsync(() => Login(configured: false).LoginAsync("x", CancellationToken.None), 404);
    }

    private sealed class SimpleHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
