using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Private;

/// <summary>
/// A registry whose reads stay open to all, but whose <c>com.acme.internal/</c> names only callers of the staff group
/// see. Access tokens come from the organisation's issuer (the fake admin issuer of <see cref="OutsideWorld"/>, as an
/// organisation's one identity provider would issue both); one hidden server is published at start.
/// </summary>
public sealed class PrivateRegistryFixture : RegistryAppFixture
{
    public const string HiddenPrefix = "com.acme.internal/";
    public const string HiddenServer = HiddenPrefix + "billing";
    public const string StaffGroup = "acme-staff";
    public const string ReadAudience = "https://registry.acme.example";

    public IReadOnlyList<string> ReadSettings =>
    [
        $"--Registry:Read:Rules:0:Prefix={HiddenPrefix}",
        $"--Registry:Read:Rules:0:Claims:groups={StaffGroup}",
        $"--Registry:Read:Oidc:Issuer={World.Admins.Issuer}",
        $"--Registry:Read:Oidc:Audience={ReadAudience}",
        "--Registry:Read:Oidc:RequireHttpsMetadata=false",
    ];

    protected override Task<IEnumerable<string>> ExtraArgumentsAsync() => Task.FromResult<IEnumerable<string>>(ReadSettings);

    /// <summary>An access token of the organisation's issuer, with the read scope unless told otherwise.</summary>
    public string AccessToken(string subject, string[] groups, string scope = "openid mcp-registry:read", string audience = ReadAudience) =>
        World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = subject, ["groups"] = groups, ["scope"] = scope }, audience: audience);

    public HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var adminToken = await AdminRegistryTokenAsync();
        var document = Publisher.NewServer("1.0.0", HiddenServer);
        document["description"] = "Internal billing tools";
        using var published = await new Publisher(Gateway).PublishAsync(document, adminToken);
        published.EnsureSuccessStatusCode();
    }

    /// <summary>A registry token of the administrators' login: publish and edit everywhere.</summary>
    public async Task<string> AdminRegistryTokenAsync()
    {
        var idToken = World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = "admin" }, audience: OutsideWorld.AdminClientId);
        using var login = await Gateway.PostAsJsonAsync("/v0/auth/oidc", new { oidc_token = idToken });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonObject>())!["registry_token"]!.GetValue<string>();
    }
}

[CollectionDefinition(Name)]
public sealed class PrivateRegistryCollection : ICollectionFixture<PrivateRegistryFixture>
{
    public const string Name = "private-registry";
}
