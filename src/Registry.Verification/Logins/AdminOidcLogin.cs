using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Auth.Jwt;
using Registry.Auth.Permissions;
using Registry.Auth.Tokens;
using Registry.Verification.Oidc;

namespace Registry.Verification.Logins;

/// <summary>
/// oidc: administrators log in with an ID token from the configured issuer (discovery document, audience = client
/// id, required extra claims). Their publish and edit patterns come from configuration, not from the token.
/// </summary>
public sealed class AdminOidcLogin
{
    private readonly AdminOidcOptions settings;
    private readonly TimeProvider clock;
    private readonly SigningKeySet? discovery;
    private readonly IReadOnlyList<IReadOnlyDictionary<string, string>> requiredClaims;

    public AdminOidcLogin(IOptions<AuthOptions> options, IHttpClientFactory httpClientFactory, TimeProvider clock)
    {
        settings = options.Value.Oidc;
        this.clock = clock;
        requiredClaims = ParseExtraClaims(settings.ExtraClaims);
        if (settings.Enabled)
        {
            discovery = SigningKeySet.FromDiscovery(httpClientFactory.CreateClient(nameof(AdminOidcLogin)),
                settings.Issuer, settings.RequireHttpsMetadata, settings.KeyRefreshMinInterval, clock);
        }
    }

    public async Task<TokenGrant> LoginAsync(string idToken, CancellationToken cancellationToken)
    {
        if (discovery is null)
        {
            throw LoginErrors.MethodNotEnabled("/v0/auth/oidc");
        }

        LoginErrors.RequireField(idToken, "oidc_token");
        var token = await OidcTokenValidation.ValidateAsync(idToken, kid => discovery.FindAsync(kid, cancellationToken),
            new TokenValidationParameters { ValidIssuer = settings.Issuer, ValidAudience = settings.ClientId },
            clock);

        foreach (var (claim, expected) in requiredClaims.SelectMany(c => c))
        {
            if (!token.Claims.Any(c => c.Type == claim && c.Value == expected))
            {
                throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, $"token lacks the required claim {claim}");
            }
        }

        return new TokenGrant(AuthMethods.Oidc, token.Subject ?? "",
            [
                .. Patterns(settings.PublishPermissions, PermissionActions.Publish),
                .. Patterns(settings.EditPermissions, PermissionActions.Edit),
                .. Patterns(settings.ReadPermissions, PermissionActions.Read),
                .. Patterns(settings.AnnotatePermissions, PermissionActions.Annotate),
                .. settings.AuditAccess ? [new Permission(PermissionActions.Audit, PermissionMatcher.Everything)] : Array.Empty<Permission>(),
            ]);
    }

    private static IEnumerable<Permission> Patterns(string commaSeparated, string action) =>
        commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pattern => new Permission(action, pattern));

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> ParseExtraClaims(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(entry => (IReadOnlyDictionary<string, string>)entry.EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
            .ToList();
    }
}
