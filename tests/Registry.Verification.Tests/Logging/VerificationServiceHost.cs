using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Registry.Auth.Tokens;
using Registry.Testing.Fakes;
using Registry.Verification.Extensions;
using Registry.Verification.Grpc;

namespace Registry.Verification.Tests.Logging;

/// <summary>
/// The verification service as Program.cs wires it, every outside party a fake on loopback, its logs collected at
/// every level. Its methods are called directly; nothing listens.
/// </summary>
internal sealed class VerificationServiceHost : IAsyncDisposable
{
    public const string AdminClientId = "registry-admin";
    public const string GitHubAudience = "mcp-registry";
    public const string Domain = "example.com";
    private VerificationService? service;

    private VerificationServiceHost(
        WebApplication app, FakeGitHubApi gitHub, FakeOidcIssuer oidc, FakeDnsServer dns, FakeHttpServer site, string signingSeed)
    {
        App = app;
        GitHub = gitHub;
        Oidc = oidc;
        Dns = dns;
        Site = site;
        SigningSeed = signingSeed;
        Logs = app.Services.GetRequiredService<FakeLogCollector>();
    }

    public WebApplication App { get; }
    public FakeGitHubApi GitHub { get; }
    public FakeOidcIssuer Oidc { get; }
    public FakeDnsServer Dns { get; }
    public FakeHttpServer Site { get; }
    public string SigningSeed { get; }

    /// <summary>Made on first use, as gRPC makes it per call: after start, so that bad settings fail the start first.</summary>
    public VerificationService Service => service ??= ActivatorUtilities.CreateInstance<VerificationService>(App.Services);
    public FakeLogCollector Logs { get; }

    /// <summary>
    /// Fakes started and the service built on <paramref name="connectionString"/> (its audit trail);
    /// <paramref name="overrides"/> (full keys) win over the test settings.
    /// </summary>
    public static async Task<VerificationServiceHost> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var gitHub = await FakeGitHubApi.StartAsync();
        var oidc = await FakeOidcIssuer.StartAsync();
        var dns = await FakeDnsServer.StartAsync();
        var site = await FakeHttpServer.StartAsync();
        var seed = Ed25519Keys.NewSeedHex();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrydb"] = connectionString,
            ["Registry:Auth:JwtPrivateKey"] = seed,
            ["Registry:Auth:AnonymousEnabled"] = "true",
            ["Registry:Auth:GitHub:ApiBaseUrl"] = gitHub.BaseUrl,
            ["Registry:Auth:GitHubOidc:Issuer"] = oidc.Issuer,
            ["Registry:Auth:GitHubOidc:JwksUrl"] = oidc.JwksUrl,
            ["Registry:Auth:GitHubOidc:KeyRefreshMinInterval"] = "00:00:00",
            ["Registry:Auth:Oidc:Issuer"] = oidc.Issuer,
            ["Registry:Auth:Oidc:ClientId"] = AdminClientId,
            ["Registry:Auth:Oidc:PublishPermissions"] = "*",
            ["Registry:Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Registry:Auth:Dns:Resolver"] = dns.EndPoint.ToString(),
            ["Registry:Auth:Http:WellKnownUrlTemplate"] = site.BaseUrl + "/{domain}/.well-known/mcp-registry-auth",
            ["Registry:Auth:Http:AllowPrivateAddresses"] = "true",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Registry.Verification", EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.AddVerificationServices();
        return new VerificationServiceHost(builder.Build(), gitHub, oidc, dns, site, seed);
    }

    /// <summary>Publishes a fresh key for <see cref="Domain"/> in DNS and at the well-known URL.</summary>
    public DomainKey PublishDomainKey()
    {
        var key = DomainKey.NewEd25519();
        Dns.SetTxt(Domain, key.ProofRecord);
        Site.MapText($"/{Domain}/.well-known/mcp-registry-auth", key.ProofRecord + "\n");
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Site.DisposeAsync();
        await Dns.DisposeAsync();
        await Oidc.DisposeAsync();
        await GitHub.DisposeAsync();
    }
}
