using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Registry.Auth.Jwt;

/// <summary>
/// The signing keys of an outside token issuer, fetched on first use and again when a token names a key id not seen
/// yet (keys rotate), but never more often than the given interval, so that tokens with made-up key ids cannot
/// hammer the issuer.
/// </summary>
public sealed class SigningKeySet(Func<CancellationToken, Task<IReadOnlyList<SecurityKey>>> fetch, TimeSpan refreshMinInterval, TimeProvider clock)
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private IReadOnlyList<SecurityKey> keys = [];
    private DateTimeOffset? lastFetch;

    /// <summary>The keys of a JWKS document at a known address (GitHub Actions publishes one).</summary>
    public static SigningKeySet FromJwks(HttpClient http, string jwksUrl, TimeSpan refreshMinInterval, TimeProvider clock) =>
        new(async cancellationToken => [.. new JsonWebKeySet(await http.GetStringAsync(jwksUrl, cancellationToken)).GetSigningKeys()],
            refreshMinInterval, clock);

    /// <summary>The keys an OpenID Connect issuer names in its discovery document.</summary>
    public static SigningKeySet FromDiscovery(HttpClient http, string issuer, bool requireHttps, TimeSpan refreshMinInterval, TimeProvider clock)
    {
        var address = issuer.TrimEnd('/') + "/.well-known/openid-configuration";
        var documents = new HttpDocumentRetriever(http) { RequireHttps = requireHttps };
        return new(async cancellationToken => [.. (await OpenIdConnectConfigurationRetriever.GetAsync(address, documents, cancellationToken)).SigningKeys],
            refreshMinInterval, clock);
    }

    public async Task<SecurityKey?> FindAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (Lookup(keyId) is { } known)
        {
            return known;
        }

        await refreshing.WaitAsync(cancellationToken);
        try
        {
            if (Lookup(keyId) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            if (lastFetch is null || clock.GetUtcNow() - lastFetch >= refreshMinInterval)
            {
                lastFetch = clock.GetUtcNow();
                keys = await fetch(cancellationToken);
            }

            return Lookup(keyId);
        }
        finally
        {
            refreshing.Release();
        }
    }

    private SecurityKey? Lookup(string? keyId) =>
        keys.FirstOrDefault(k => keyId is null ? keys.Count == 1 : k.KeyId == keyId);
}
