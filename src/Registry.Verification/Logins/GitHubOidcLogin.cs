using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Auth.Jwt;
using Registry.Auth.Permissions;
using Registry.Auth.Tokens;
using Registry.Verification.Oidc;

namespace Registry.Verification.Logins;

/// <summary>
/// github-oidc: a GitHub Actions ID token (RS256, issuer and audience checked, not expired) proves the workflow
/// runs in <c>repository_owner</c>'s repositories, which grants <c>io.github.{owner}/*</c>.
/// </summary>
public sealed class GitHubOidcLogin(SigningKeySet keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task<TokenGrant> LoginAsync(string idToken, CancellationToken cancellationToken)
    {
        LoginErrors.RequireField(idToken, "oidc_token");
        var settings = options.Value.GitHubOidc;
        var token = await OidcTokenValidation.ValidateAsync(idToken, async kid => await keys.FindAsync(kid, cancellationToken),
            new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            },
            clock);

        var owner = token.TryGetPayloadValue<string>("repository_owner", out var value) ? value : null;
        if (owner is null || !GitHubAccessTokenLogin.GitHubLoginPattern().IsMatch(owner))
        {
            throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, "token has no valid repository_owner claim");
        }

        return new TokenGrant(AuthMethods.GitHubOidc, token.Subject ?? owner, [new Permission(PermissionActions.Publish, $"io.github.{owner}/*")]);
    }
}
