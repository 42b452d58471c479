using System.Net;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Private;

/// <summary>Refused tokens, the RFC 9728 metadata, and the response cache with callers of different rights.</summary>
[Collection(PrivateRegistryCollection.Name)]
public class ReadTokenTests(PrivateRegistryFixture registry)
{
    private const string CacheHeader = "X-Registry-Cache";
    private const string ListPath = "/v0.1/servers?search=billing&limit=50";

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? token) =>
        await client.SendAsync(registry.Get(path, token));

    private static string CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues(CacheHeader, out var values) ? values.Single() : "";

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public async Task ARefusedTokenIsA401WithAChallengePointingAtTheMetadata(string token)
    {
        using var response = await SendAsync(registry.Gateway, "/v0.1/servers", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains($"resource_metadata=\"{registry.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority)}/.well-known/oauth-protected-resource\"", challenge.Parameter);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.Content.ReadFromJsonNodeAsync())["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task ATokenWithoutTheReadScopeOrForAnotherAudienceIsRefused()
    {
        using var noScope = await SendAsync(registry.Gateway, "/v0.1/servers", registry.AccessToken("carol", [PrivateRegistryFixture.StaffGroup], scope: "openid"));
        using var otherAudience = await SendAsync(registry.Gateway, "/v0.1/servers",
            registry.AccessToken("carol", [PrivateRegistryFixture.StaffGroup], audience: "https://elsewhere.example"));

        Assert.Equal(HttpStatusCode.Unauthorized, noScope.StatusCode);
        Assert.Contains("mcp-registry:read", (await noScope.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, otherAudience.StatusCode);
    }

    [Fact]
    public async Task TheProtectedResourceMetadataNamesTheIssuerAndTheScopes()
    {
        using var response = await registry.Gateway.GetAsync("/.well-known/oauth-protected-resource");

        response.EnsureSuccessStatusCode();
        var metadata = await response.Content.ReadFromJsonNodeAsync();
        Assert.Equal(registry.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority), metadata["resource"]!.GetValue<string>());
        Assert.Equal([registry.World.Admins.Issuer], metadata["authorization_servers"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["mcp-registry:read", "mcp-registry:write"], metadata["scopes_supported"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task OneGatewaysCacheNeverGivesAStaffAnswerToAnAnonymousCallerNorTheReverse()
    {
        var staff = registry.AccessToken("carol", [PrivateRegistryFixture.StaffGroup]);
        var path = ListPath + "&gateway=one";

        using var firstAnonymous = await SendAsync(registry.Gateway, path, null);
        using var firstStaff = await SendAsync(registry.Gateway, path, staff);
        using var againAnonymous = await SendAsync(registry.Gateway, path, null);
        using var againStaff = await SendAsync(registry.Gateway, path, registry.AccessToken("dave", ["acme-staff", "ops"]));

        Assert.DoesNotContain(PrivateRegistryFixture.HiddenServer, await firstAnonymous.Content.ReadAsStringAsync());
        Assert.Contains(PrivateRegistryFixture.HiddenServer, await firstStaff.Content.ReadAsStringAsync());
        Assert.DoesNotContain(PrivateRegistryFixture.HiddenServer, await againAnonymous.Content.ReadAsStringAsync());
        Assert.Contains(PrivateRegistryFixture.HiddenServer, await againStaff.Content.ReadAsStringAsync());
        Assert.Equal(["miss", "miss", "hit", "hit"], new[] { firstAnonymous, firstStaff, againAnonymous, againStaff }.Select(CacheStatus));
        Assert.Contains("private", againAnonymous.Headers.CacheControl!.ToString());
        Assert.True(againStaff.Headers.CacheControl!.NoStore);
        Assert.Contains("Authorization", againAnonymous.Headers.Vary);
    }

    [Fact]
    public async Task TwoGatewaysSharingOneRedisNeverCrossTheirCallersAnswers()
    {
        await using var second = await ExtraGateway.StartAsync(registry.App, [.. registry.ReadSettings]);
        var staff = registry.AccessToken("carol", [PrivateRegistryFixture.StaffGroup]);
        var path = ListPath + "&gateway=two";

        using var staffThroughFirst = await SendAsync(registry.Gateway, path, staff);
        using var anonymousThroughSecond = await SendAsync(second.Client, path, null);
        using var staffThroughSecond = await SendAsync(second.Client, path, staff);

        Assert.Contains(PrivateRegistryFixture.HiddenServer, await staffThroughFirst.Content.ReadAsStringAsync());
        Assert.DoesNotContain(PrivateRegistryFixture.HiddenServer, await anonymousThroughSecond.Content.ReadAsStringAsync());
        Assert.Contains(PrivateRegistryFixture.HiddenServer, await staffThroughSecond.Content.ReadAsStringAsync());
        Assert.Equal(["miss", "miss", "hit"], new[] { staffThroughFirst, anonymousThroughSecond, staffThroughSecond }.Select(CacheStatus));
    }

    [Fact]
    public async Task AGatewayThatAnswersOnlyAuthenticatedReadsRefusesAnonymousOnesAndKeepsItsProbesOpen()
    {
        await using var closed = await ExtraGateway.StartAsync(registry.App, [.. registry.ReadSettings, "--Registry:Read:Access=authenticated"]);

        using var anonymous = await SendAsync(closed.Client, "/v0.1/servers", null);
        using var page = await SendAsync(closed.Client, "/", null);
        using var withToken = await SendAsync(closed.Client, "/v0.1/servers", registry.AccessToken("erin", ["contractors"]));
        using var health = await closed.Client.GetAsync("/v0.1/health");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var challenge = Assert.Single(anonymous.Headers.WwwAuthenticate);
        Assert.DoesNotContain("error=", challenge.Parameter);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

internal static class JsonContentExtensions
{
    public static async Task<JsonNode> ReadFromJsonNodeAsync(this HttpContent content) => JsonNode.Parse(await content.ReadAsStringAsync())!;
}
