using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Auth.Jwt;
using Registry.Verification.Logins;

namespace Registry.Verification.Oidc;

/// <summary>The shared JWT checks, with a refusal answered as the logins answer it: 401, "token exchange failed".</summary>
internal static class OidcTokenValidation
{
    public static async Task<JsonWebToken> ValidateAsync(
        string rawToken, Func<string?, Task<SecurityKey?>> findKey, TokenValidationParameters parameters, TimeProvider clock)
    {
        try
        {
            return await JwtChecks.ValidateAsync(rawToken, findKey, parameters, clock);
        }
        catch (JwtRejectedException rejected)
        {
            throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, rejected.Message);
        }
    }
}
