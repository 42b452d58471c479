using Registry.Auth.Tokens;
using Registry.Testing.Fakes;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Everything outside the registry that logins talk to, as real servers on 127.0.0.1: GitHub's REST API, the
/// GitHub Actions token issuer, an administrators' OIDC issuer, a DNS server, and a web site for well-known keys.
/// </summary>
public sealed class OutsideWorld : IAsyncDisposable
{
    public const string ActionsIssuer = "https://token.actions.githubusercontent.com";
    public const string AdminClientId = "registry-admin";
    public const string GitHubClientId = "e2e-github-client";

    public required FakeGitHubApi GitHub { get; init; }
    public required FakeOidcIssuer Actions { get; init; }
    public required FakeOidcIssuer Admins { get; init; }

    /// <summary>The annotation keys administrators hold; keys outside them are refused with 403.</summary>
    public const string AdminAnnotationKeys = "com.acme.registry/*";
    public required FakeDnsServer Dns { get; init; }
    public required FakeHttpServer Sites { get; init; }
    public string SigningSeed { get; } = Ed25519Keys.NewSeedHex();

    public static async Task<OutsideWorld> StartAsync()
    {
        var world = new OutsideWorld
        {
            GitHub = await FakeGitHubApi.StartAsync(),
            Actions = await FakeOidcIssuer.StartAsync(),
            Admins = await FakeOidcIssuer.StartAsync(),
            Dns = await FakeDnsServer.StartAsync(),
            Sites = await FakeHttpServer.StartAsync(),
        };
        world.Actions.Issuer = ActionsIssuer;
        return world;
    }

    /// <summary>AppHost arguments that point the registry at these servers.</summary>
    public IEnumerable<string> AppHostArguments() =>
    [
        $"--Parameters:jwt-private-key={SigningSeed}",
        $"--Registry:GitHubClientId={GitHubClientId}",
        "--Registry:Auth:AnonymousEnabled=true",
        $"--Registry:Auth:GitHub:ApiBaseUrl={GitHub.BaseUrl}",
        $"--Registry:Auth:GitHubOidc:JwksUrl={Actions.JwksUrl}",
        "--Registry:Auth:GitHubOidc:KeyRefreshMinInterval=00:00:00",
        $"--Registry:Auth:Oidc:Issuer={Admins.Issuer}",
        $"--Registry:Auth:Oidc:ClientId={AdminClientId}",
        "--Registry:Auth:Oidc:PublishPermissions=*",
        "--Registry:Auth:Oidc:EditPermissions=*",
        $"--Registry:Auth:Oidc:AnnotatePermissions={AdminAnnotationKeys}",
        "--Registry:Auth:Oidc:AuditAccess=true",
        "--Registry:Auth:Oidc:RequireHttpsMetadata=false",
        $"--Registry:Auth:Dns:Resolver={Dns.EndPoint}",
        $"--Registry:Auth:Http:WellKnownUrlTemplate={Sites.BaseUrl}/{{domain}}/.well-known/mcp-registry-auth",
        "--Registry:Auth:Http:AllowPrivateAddresses=true",
        "--Registry:Packages:Enabled=false",
    ];

    public RegistryTokenValidator TokenValidator() =>
        new(Ed25519Keys.PublicKeyFromHex(Ed25519Keys.PublicKeyHexFromSeed(SigningSeed)), TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        await Actions.DisposeAsync();
        await Admins.DisposeAsync();
        await Dns.DisposeAsync();
        await Sites.DisposeAsync();
    }
}
