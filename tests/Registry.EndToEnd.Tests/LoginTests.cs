using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registry.Auth.Permissions;
using Registry.Auth.Tokens;
using Registry.Testing.Fakes;

namespace Registry.EndToEnd.Tests;

/// <summary>Every login through the gateway, checked with the shared validator and the registry's public key.</summary>
[Collection(RegistryAppCollection.Name)]
public class LoginTests(RegistryAppFixture registry)
{
    private OutsideWorld World => registry.World;

    [Fact]
    public async Task AnonymousLoginGrantsPublishAndEditInTheSandbox()
    {
        using var response = await registry.Gateway.PostAsync("/v0/auth/none", null);

        var claims = await ValidTokenAsync(response, AuthMethods.None);
        Assert.Equal("anonymous", claims.Subject);
        AssertPermissions(claims, ("publish", "io.modelcontextprotocol.anonymous/*"), ("edit", "io.modelcontextprotocol.anonymous/*"));
    }

    [Fact]
    public async Task GitHubAccessTokenLoginGrantsTheUserAndTheOrganisationsItOwnsButNotThoseItIsAMemberOf()
    {
        World.GitHub.SetUser("gho_e2e_user", "e2e-user", GitHubOrgMembership.Owner("e2e-org"), GitHubOrgMembership.Member("e2e-community"));

        using var response = await registry.Gateway.PostAsJsonAsync("/v0.1/auth/github-at", new { github_token = "gho_e2e_user" });

        var claims = await ValidTokenAsync(response, AuthMethods.GitHubAccessToken);
        Assert.Equal("e2e-user", claims.Subject);
        AssertPermissions(claims, ("publish", "io.github.e2e-user/*"), ("publish", "io.github.e2e-org/*"));
    }

    [Fact]
    public async Task GitHubActionsLoginGrantsTheRepositoryOwner()
    {
        var idToken = World.Actions.CreateToken(
            new Dictionary<string, object> { ["sub"] = "repo:octo/server:ref:refs/heads/main", ["repository_owner"] = "octo" },
            audience: "mcp-registry");

        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/github-oidc", new { oidc_token = idToken });

        var claims = await ValidTokenAsync(response, AuthMethods.GitHubOidc);
        AssertPermissions(claims, ("publish", "io.github.octo/*"));
    }

    [Fact]
    public async Task AdministratorOidcLoginGrantsTheConfiguredPatterns()
    {
        var idToken = World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = "admin" }, audience: OutsideWorld.AdminClientId);

        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/oidc", new { oidc_token = idToken });

        var claims = await ValidTokenAsync(response, AuthMethods.Oidc);
        AssertPermissions(claims, ("publish", "*"), ("edit", "*"), ("annotate", OutsideWorld.AdminAnnotationKeys), ("audit", "*"));
    }

    [Fact]
    public async Task DnsLoginGrantsTheDomainAndSubdomains()
    {
        var key = DomainKey.NewEd25519();
        World.Dns.SetTxt("dns-e2e.example", key.ProofRecord);

        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/dns", SignedBody("dns-e2e.example", key));

        var claims = await ValidTokenAsync(response, AuthMethods.Dns);
        AssertPermissions(claims, ("publish", "example.dns-e2e/*"), ("publish", "example.dns-e2e.*"));
    }

    [Fact]
    public async Task HttpLoginGrantsTheDomainOnly()
    {
        var key = DomainKey.NewEcdsaP384();
        World.Sites.MapText("/http-e2e.example/.well-known/mcp-registry-auth", key.ProofRecord);

        using var response = await registry.Gateway.PostAsJsonAsync("/v0.1/auth/http", SignedBody("http-e2e.example", key));

        var claims = await ValidTokenAsync(response, AuthMethods.Http);
        AssertPermissions(claims, ("publish", "example.http-e2e/*"));
    }

    [Fact]
    public async Task AFailedLoginIsAnUnauthorizedProblemWithTheCause()
    {
        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/github-at", new { github_token = "gho_nobody" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Equal("Token exchange failed", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors")[0].GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AStaleDnsProofIsUnauthorized()
    {
        var key = DomainKey.NewEd25519();
        World.Dns.SetTxt("stale.example", key.ProofRecord);
        var stale = DomainKeys.Timestamp(DateTimeOffset.UtcNow.AddMinutes(-1));

        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/dns",
            new { domain = "stale.example", timestamp = stale, signed_timestamp = key.SignHex(stale) });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Equal("DNS authentication failed", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AMissingFieldIsAValidationProblem()
    {
        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/dns", new { domain = "example.com" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Unprocessable Entity");
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblem()
    {
        using var response = await registry.Gateway.PostAsync("/v0/auth/github-at",
            new StringContent("{\"github_token\": ", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad Request");
    }

    [Fact]
    public async Task AnOversizedBodyIsRefused()
    {
        var huge = JsonSerializer.Serialize(new { github_token = new string('a', 256 * 1024) });

        // The refusal comes before the body is read, so the connection may close: keep it away from the shared client.
        using var client = registry.NewGatewayClient();
        using var response = await client.PostAsync("/v0/auth/github-at", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

    }

    [Fact]
    public async Task HealthReportsTheGitHubClientId()
    {
        var health = await registry.Gateway.GetFromJsonAsync<JsonElement>("/v0/health");

        Assert.Equal(OutsideWorld.GitHubClientId, health.GetProperty("github_client_id").GetString());
    }

    private static object SignedBody(string domain, DomainKey key)
    {
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);
        return new { domain, timestamp, signed_timestamp = key.SignHex(timestamp) };
    }

    private async Task<RegistryTokenClaims> ValidTokenAsync(HttpResponseMessage response, string authMethod)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal(["registry_token", "expires_at"], body.RootElement.EnumerateObject().Select(p => p.Name));
        var claims = World.TokenValidator().Validate(body.RootElement.GetProperty("registry_token").GetString()!);
        Assert.Equal(authMethod, claims.AuthMethod);
        Assert.Equal(claims.ExpiresAt.ToUnixTimeSeconds(), body.RootElement.GetProperty("expires_at").GetInt64());
        Assert.InRange(claims.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        return claims;
    }

    private static void AssertPermissions(RegistryTokenClaims claims, params (string Action, string Resource)[] expected) =>
        Assert.Equal(expected.Select(e => new Permission(e.Action, e.Resource)), claims.Permissions);
}
