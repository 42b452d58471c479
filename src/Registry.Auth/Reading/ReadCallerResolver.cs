using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Auth.Jwt;
using Registry.Auth.Permissions;
using Registry.Auth.Tokens;

namespace Registry.Auth.Reading;

/// <summary>
/// The caller of a read, from its <c>Authorization</c> header: a registry token (checked with the registry's public
/// key), or an OIDC access token of the configured issuer with the configured audience and the read scope. No header
/// is the anonymous caller; a header that holds no acceptable token is refused, never read as anonymous.
/// </summary>
public sealed class ReadCallerResolver(
    ReadAccessOptions options, RegistryTokenValidator? registryTokens, SigningKeySet? issuerKeys, TimeProvider clock)
{
    private const string BearerPrefix = "Bearer ";

    /// <exception cref="ReadTokenRejectedException">The header is not a bearer token, or the token is not accepted.</exception>
    public async Task<ReadCaller> ResolveAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return ReadCaller.Anonymous;
        }

        if (authorizationHeader.Length <= BearerPrefix.Length || !authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new ReadTokenRejectedException("Authorization must be 'Bearer <token>'");
        }

        var token = authorizationHeader[BearerPrefix.Length..].Trim();
        string registryRefusal;
        try
        {
            if (registryTokens is not null)
            {
                return FromRegistryToken(registryTokens.Validate(token));
            }

            registryRefusal = "registry tokens are not accepted here";
        }
        catch (RegistryTokenException ex)
        {
            registryRefusal = ex.Message;
        }

        if (issuerKeys is null || !options.Oidc.Enabled)
        {
            throw new ReadTokenRejectedException(registryRefusal);
        }

        return await FromAccessTokenAsync(token, cancellationToken);
    }

    private static ReadCaller FromRegistryToken(RegistryTokenClaims claims) => new(
        claims.Subject,
        new Dictionary<string, IReadOnlyList<string>> { ["sub"] = [claims.Subject], ["auth_method"] = [claims.AuthMethod] },
        claims.Permissions);

    private async Task<ReadCaller> FromAccessTokenAsync(string token, CancellationToken cancellationToken)
    {
        JsonWebToken accepted;
        try
        {
            accepted = await JwtChecks.ValidateAsync(token, kid => issuerKeys!.FindAsync(kid, cancellationToken),
                new TokenValidationParameters { ValidIssuer = options.Oidc.Issuer, ValidAudience = options.Oidc.Audience }, clock);
        }
        catch (JwtRejectedException rejected)
        {
            throw new ReadTokenRejectedException(rejected.Message);
        }

        var claims = ClaimsOf(accepted);
        if (!Scopes(claims).Contains(options.Oidc.RequiredScope, StringComparer.Ordinal))
        {
            throw new ReadTokenRejectedException($"token lacks the scope {options.Oidc.RequiredScope}");
        }

        return new ReadCaller(accepted.Subject ?? "", claims, []);
    }

    /// <summary>Each claim's values: an array claim's string items, any other claim's text.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ClaimsOf(JsonWebToken token)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        var claims = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in payload.RootElement.EnumerateObject())
        {
            claims[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Array => [.. property.Value.EnumerateArray().Select(Text)],
                _ => [Text(property.Value)],
            };
        }

        return claims;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary><c>scope</c> is space-separated (RFC 9068); some issuers send <c>scp</c>, a string or an array.</summary>
    private static IEnumerable<string> Scopes(IReadOnlyDictionary<string, IReadOnlyList<string>> claims) =>
        new[] { "scope", "scp" }
            .Where(claims.ContainsKey)
            .SelectMany(name => claims[name])
            .SelectMany(value => value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
