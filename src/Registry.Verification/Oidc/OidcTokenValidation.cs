using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Verification.Logins;

namespace Registry.Verification.Oidc;

/// <summary>Signature, issuer, audience and lifetime checks shared by the OIDC logins.</summary>
internal static class OidcTokenValidation
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(10);

    public static async Task<JsonWebToken> ValidateAsync(
        JsonWebTokenHandler handler,
        string rawToken,
        Func<string?, Task<SecurityKey?>> findKey,
        TokenValidationParameters parameters,
        TimeProvider clock)
    {
        JsonWebToken unverified;
        try
        {
            unverified = handler.CanReadToken(rawToken) ? handler.ReadJsonWebToken(rawToken) : throw new SecurityTokenMalformedException();
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            // CanReadToken only counts the dots; a token of three dotted segments may still not decode.
            throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, "token is not a JWT");
        }

        SecurityKey? key;
        try
        {
            key = await findKey(unverified.Kid);
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException or TaskCanceledException)
        {
            throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, "signing keys could not be fetched");
        }

        parameters.IssuerSigningKey = key ?? throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, "token is signed by an unknown key");
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ValidateLifetime = true;
        parameters.ClockSkew = ClockSkew;
        parameters.LifetimeValidator = (notBefore, expires, _, p) =>
            expires is { } exp && exp.ToUniversalTime() > clock.GetUtcNow().UtcDateTime - p.ClockSkew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime + p.ClockSkew);

        var result = await handler.ValidateTokenAsync(rawToken, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, Describe(result.Exception));
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
