using Registry.Auth.Permissions;
using Registry.Domain.Listing;
using Registry.Verification.Logins;

namespace Registry.Verification.Domains;

/// <summary>
/// dns and http logins: the caller signs a fresh timestamp with a private key whose public half the domain
/// publishes. A proof via DNS covers the domain and its subdomains; via HTTP only the domain itself.
/// </summary>
public sealed class DomainLogin(TimeProvider clock)
{
    public static readonly TimeSpan TimestampWindow = TimeSpan.FromSeconds(15);

    public async Task<TokenGrant> LoginAsync(
        string authMethod, string failureDetail, IProofKeySource keys, bool coversSubdomains,
        string domain, string timestamp, string signedTimestamp, CancellationToken cancellationToken)
    {
        LoginErrors.RequireField(domain, "domain");
        LoginErrors.RequireField(timestamp, "timestamp");
        LoginErrors.RequireField(signedTimestamp, "signed_timestamp");

        if (!DomainName.IsValid(domain))
        {
            throw LoginErrors.Unauthorized(failureDetail, "invalid domain name");
        }

        if (!Rfc3339.TryParse(timestamp, out var signedAt))
        {
            throw LoginErrors.Unauthorized(failureDetail, "timestamp is not RFC 3339");
        }

        if ((clock.GetUtcNow() - signedAt).Duration() > TimestampWindow)
        {
            throw LoginErrors.Unauthorized(failureDetail, "timestamp is outside the 15 second window");
        }

        var signature = DecodeHex(signedTimestamp) ?? throw LoginErrors.Unauthorized(failureDetail, "signed_timestamp is not hex");
        IReadOnlyList<string> published;
        try
        {
            published = await keys.ReadAsync(domain, cancellationToken);
        }
        catch (ProofKeySourceException ex)
        {
            throw LoginErrors.Unauthorized(failureDetail, ex.Message);
        }

        var candidates = ProofKeyRecord.FindAll(published);
        if (candidates.Count == 0)
        {
            throw LoginErrors.Unauthorized(failureDetail, "no MCPv1 public key found for the domain");
        }

        if (!candidates.Any(key => ProofSignature.Verifies(key, timestamp, signature)))
        {
            throw LoginErrors.Unauthorized(failureDetail, "signature does not verify with any published key");
        }

        var reversed = DomainName.Reverse(domain);
        IReadOnlyList<Permission> permissions = coversSubdomains
            ? [new Permission(PermissionActions.Publish, reversed + "/*"), new Permission(PermissionActions.Publish, reversed + ".*")]
            : [new Permission(PermissionActions.Publish, reversed + "/*")];
        return new TokenGrant(authMethod, domain, permissions);
    }

    private static byte[]? DecodeHex(string hex)
    {
        if (hex.Length % 2 != 0 || hex.Length > 512 || !hex.All(Uri.IsHexDigit))
        {
            return null;
        }

        return Convert.FromHexString(hex);
    }
}
