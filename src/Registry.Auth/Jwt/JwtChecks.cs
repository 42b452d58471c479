using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Registry.Auth.Jwt;

/// <summary>
/// Signature, issuer, audience and lifetime checks of a JWT from an outside issuer (OIDC logins, read access
/// tokens), with the key found by its id. Lifetimes are judged by the given clock so tests can move time.
/// </summary>
public static class JwtChecks
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(10);
    private static readonly JsonWebTokenHandler Handler = new();

    /// <exception cref="JwtRejectedException">The token is malformed, badly signed, of another issuer or audience, or out of its lifetime.</exception>
    public static async Task<JsonWebToken> ValidateAsync(
        string rawToken, Func<string?, Task<SecurityKey?>> findKey, TokenValidationParameters parameters, TimeProvider clock)
    {
        JsonWebToken unverified;
        try
        {
            unverified = Handler.CanReadToken(rawToken) ? Handler.ReadJsonWebToken(rawToken) : throw new SecurityTokenMalformedException();
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            // CanReadToken only counts the dots; a token of three dotted segments may still not decode.
            throw new JwtRejectedException("token is not a JWT");
        }

        SecurityKey? key;
        try
        {
            key = await findKey(unverified.Kid);
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException or TaskCanceledException or InvalidOperationException)
        {
            throw new JwtRejectedException("signing keys could not be fetched");
        }

        parameters.IssuerSigningKey = key ?? throw new JwtRejectedException("token is signed by an unknown key");
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ValidateLifetime = true;
        parameters.ClockSkew = ClockSkew;
        parameters.LifetimeValidator = (notBefore, expires, _, p) =>
            expires is { } exp && exp.ToUniversalTime() > clock.GetUtcNow().UtcDateTime - p.ClockSkew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime + p.ClockSkew);

        var result = await Handler.ValidateTokenAsync(rawToken, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            throw new JwtRejectedException(Describe(result.Exception));
        }

        return token;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token has expired",
        SecurityTokenNotYetValidException => "token is not valid yet",
        SecurityTokenInvalidLifetimeException => "token lifetime is not valid",
        SecurityTokenInvalidAudienceException => "token audience is not accepted",
        SecurityTokenInvalidIssuerException => "token issuer is not accepted",
        SecurityTokenInvalidAlgorithmException => "token algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "token signature is not valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        _ => "token is not valid",
    };
}
