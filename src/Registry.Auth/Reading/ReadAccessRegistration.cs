using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Registry.Auth.Jwt;
using Registry.Auth.Tokens;

namespace Registry.Auth.Reading;

/// <summary>
/// The read-access settings, the caller resolver and the judgement of readers, the same in every process that answers reads (the gateway in
/// front, the catalog behind it), so that both judge a caller alike. Registry tokens are checked with
/// <c>Registry:Auth:JwtPublicKey</c>, the key the writers use; without it only OIDC access tokens are accepted.
/// </summary>
public static class ReadAccessRegistration
{
    public const string PublicKeySetting = "Registry:Auth:JwtPublicKey";

    /// <summary>Unknown key ids make the issuer's keys be fetched again at most this often.</summary>
    private static readonly TimeSpan KeyRefreshMinInterval = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddRegistryReadAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReadAccessOptions>()
            .Bind(configuration.GetSection(ReadAccessOptions.Section))
            .Validate(o => o.RequiresAuthentication || string.Equals(o.Access, ReadAccessOptions.Public, StringComparison.OrdinalIgnoreCase),
                "Registry:Read:Access must be 'public' or 'authenticated'.")
            .Validate(o => o.Rules.All(r => r.Prefix.Length > 0), "Every Registry:Read:Rules entry needs a Prefix.")
            .Validate(o => !o.Oidc.Enabled || o.Oidc.Audience.Length > 0, "Registry:Read:Oidc:Audience is required with an issuer.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(ReadCallerResolver));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new VisibilityPolicy(sp.GetRequiredService<IOptions<ReadAccessOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ReadAccessOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            var publicKey = configuration[PublicKeySetting];
            var registryTokens = publicKey is { Length: 64 } && publicKey.All(Uri.IsHexDigit)
                ? new RegistryTokenValidator(Ed25519Keys.PublicKeyFromHex(publicKey), clock)
                : null;
            var issuerKeys = options.Oidc.Enabled
                ? SigningKeySet.FromDiscovery(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ReadCallerResolver)),
                    options.Oidc.Issuer, options.Oidc.RequireHttpsMetadata, KeyRefreshMinInterval, clock)
                : null;
            return new ReadCallerResolver(options, registryTokens, issuerKeys, clock);
        });
        services.AddSingleton<ReadJudge>();
        return services;
    }
}
