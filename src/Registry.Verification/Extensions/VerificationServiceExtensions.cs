using Microsoft.Extensions.Options;
using Registry.Auth.Jwt;
using Registry.Auth.Tokens;
using Registry.Data.Audit;
using Registry.Data.Hosting;
using Registry.ServiceHosting;
using Registry.Verification.Domains;
using Registry.Verification.GitHub;
using Registry.Verification.Logins;
using Registry.Verification.Oidc;
using Registry.Verification.Packages;
using Registry.Verification.Telemetry;

namespace Registry.Verification.Extensions;

public static class VerificationServiceExtensions
{
    /// <summary>Login bodies are a few kilobytes at most; anything far larger is refused before it is read.</summary>
    private const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddVerificationServices(this WebApplicationBuilder builder)
    {
        builder.AddRegistryGrpc();
        builder.AddRegistryDatabase();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddBoundOptions<AuthOptions>()
            .Validate(o => o.HasSigningSeed, "Registry:Auth:JwtPrivateKey must be 64 hex characters (an Ed25519 seed).");

        builder.Services.AddSingleton(sp => new RegistryTokenIssuer(
            Ed25519Keys.PrivateKeyFromHex(sp.GetRequiredService<IOptions<AuthOptions>>().Value.JwtPrivateKey),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<AnonymousLogin>();
        // Every GitHub request carries the caller's own token, and the factory's request logging puts raw header
        // values into the structured state of its Trace events (only the rendered message is redacted).
        builder.Services.AddHttpClient<GitHubApiClient>(GitHubApiClient.HttpClientName).RemoveAllLoggers();
        builder.Services.AddTransient<GitHubAccessTokenLogin>();
        builder.Services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<AuthOptions>>().Value.GitHubOidc;
            return SigningKeySet.FromJwks(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GitHubOidcLogin)),
                settings.JwksUrl, settings.KeyRefreshMinInterval, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<GitHubOidcLogin>();
        builder.Services.AddSingleton<AdminOidcLogin>();
        builder.Services.AddSingleton<DomainLogin>();
        builder.Services.AddSingleton<DnsProofKeySource>();
        builder.Services.AddSingleton<HttpProofKeySource>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditTrailWriter>();
        builder.Services.AddSingleton<LoginRecorder>();
        builder.AddBoundOptions<PackageOptions>();
        builder.Services.AddPackageVerification();
        return builder;
    }
}
