using Registry.Auth.Jwt;
using Registry.Auth.Permissions;
using Registry.Auth.Reading;
using Registry.Auth.Tokens;
using Registry.Testing.Fakes;

namespace Registry.Auth.Tests.Reading;

public sealed class ReadCallerResolverTests : IAsyncLifetime
{
    private const string Audience = "https://registry.example";
    private static readonly string Seed = Ed25519Keys.NewSeedHex();
    private readonly HttpClient http = new();
    private FakeOidcIssuer issuer = null!;

    public async Task InitializeAsync() => issuer = await FakeOidcIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await issuer.DisposeAsync();
    }

    private ReadCallerResolver Resolver(bool withIssuer = true)
    {
        var options = new ReadAccessOptions
        {
            Oidc = withIssuer ? new ReadIssuerOptions { Issuer = issuer.Issuer, Audience = Audience, RequireHttpsMetadata = false } : new(),
        };
        return new ReadCallerResolver(options,
            new RegistryTokenValidator(Ed25519Keys.PublicKeyFromHex(Ed25519Keys.PublicKeyHexFromSeed(Seed)), TimeProvider.System),
            withIssuer ? SigningKeySet.FromDiscovery(http, issuer.Issuer, requireHttps: false, TimeSpan.Zero, TimeProvider.System) : null,
            TimeProvider.System);
    }

    private string AccessToken(string scope, object? groups = null, string? kid = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "carol", ["scope"] = scope };
        if (groups is not null)
        {
            claims["groups"] = groups;
        }

        return issuer.CreateToken(claims, kid: kid, audience: Audience);
    }

    [Fact]
    public async Task NoHeaderIsTheAnonymousCaller()
    {
        Assert.Same(ReadCaller.Anonymous, await Resolver().ResolveAsync(null, default));
    }

    [Fact]
    public async Task AnAccessTokenWithTheReadScopeGivesItsSubjectAndClaims()
    {
        var caller = await Resolver().ResolveAsync("Bearer " + AccessToken("openid mcp-registry:read", new[] { "acme-staff", "x" }), default);

        Assert.Equal("carol", caller.Subject);
        Assert.True(caller.HasClaim("groups", "acme-staff"));
        Assert.False(caller.HasClaim("groups", "acme"));
    }

    [Fact]
    public async Task AnAccessTokenWithoutTheReadScopeIsRefused()
    {
        var refused = await Assert.ThrowsAsync<ReadTokenRejectedException>(() =>
            Resolver().ResolveAsync("Bearer " + AccessToken("openid mcp-registry:write"), default));

        Assert.Contains("mcp-registry:read", refused.Message);
    }

    [Fact]
    public async Task AnAccessTokenForAnotherAudienceOrByAStrangerIsRefused()
    {
        var otherAudience = issuer.CreateToken(new Dictionary<string, object> { ["sub"] = "x", ["scope"] = "mcp-registry:read" }, audience: "someone-else");
        var stranger = issuer.CreateTokenSignedByStranger(new Dictionary<string, object> { ["sub"] = "x", ["scope"] = "mcp-registry:read" }, audience: Audience);

        await Assert.ThrowsAsync<ReadTokenRejectedException>(() => Resolver().ResolveAsync("Bearer " + otherAudience, default));
        await Assert.ThrowsAsync<ReadTokenRejectedException>(() => Resolver().ResolveAsync("Bearer " + stranger, default));
    }

    [Fact]
    public async Task ATokenSignedByARotatedKeyIsAcceptedAfterTheKeysAreFetchedAgain()
    {
        var resolver = Resolver();
        await resolver.ResolveAsync("Bearer " + AccessToken("mcp-registry:read"), default);

        var rotated = issuer.RotateKey();
        var caller = await resolver.ResolveAsync("Bearer " + AccessToken("mcp-registry:read", kid: rotated), default);

        Assert.Equal("carol", caller.Subject);
    }

    [Fact]
    public async Task ARegistryTokenGivesItsSubjectMethodAndPermissions()
    {
        var (token, _) = new RegistryTokenIssuer(Ed25519Keys.PrivateKeyFromHex(Seed), TimeProvider.System)
            .Issue(AuthMethods.Oidc, "admin", [new Permission(PermissionActions.Read, "com.acme.*")]);

        var caller = await Resolver(withIssuer: false).ResolveAsync("Bearer " + token, default);

        Assert.Equal("admin", caller.Subject);
        Assert.True(caller.HasClaim("auth_method", AuthMethods.Oidc));
        Assert.Equal([new Permission(PermissionActions.Read, "com.acme.*")], caller.Permissions);
    }

    [Theory]
    [InlineData("Basic abc")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer a.b.c")]
    public async Task AHeaderWithoutAnAcceptableTokenIsRefusedNotReadAsAnonymous(string header)
    {
        await Assert.ThrowsAsync<ReadTokenRejectedException>(() => Resolver().ResolveAsync(header, default));
        await Assert.ThrowsAsync<ReadTokenRejectedException>(() => Resolver(withIssuer: false).ResolveAsync(header, default));
    }

    [Fact]
    public void TheChallengePointsAtTheProtectedResourceMetadata()
    {
        var challenge = ProtectedResourceMetadata.Challenge("https://registry.example/", "invalid_token", "token has \"expired\"");

        Assert.Equal(
            "Bearer resource_metadata=\"https://registry.example/.well-known/oauth-protected-resource\", scope=\"mcp-registry:read\", error=\"invalid_token\", error_description=\"token has 'expired'\"",
            challenge);
    }
}
