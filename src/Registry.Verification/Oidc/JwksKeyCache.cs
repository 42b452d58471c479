using Microsoft.IdentityModel.Tokens;

namespace Registry.Verification.Oidc;

/// <summary>
/// Signing keys of one JWKS endpoint, fetched on first use and again when a token names a key id we do not know
/// (keys rotate), but never more often than the configured interval.
/// </summary>
public sealed class JwksKeyCache(HttpClient http, string jwksUrl, TimeSpan refreshMinInterval, TimeProvider clock)
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private IReadOnlyList<SecurityKey> keys = [];
    private DateTimeOffset? lastFetch;

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
                var json = await http.GetStringAsync(jwksUrl, cancellationToken);
                keys = new JsonWebKeySet(json).GetSigningKeys().ToList();
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
