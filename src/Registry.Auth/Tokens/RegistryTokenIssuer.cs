using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Registry.Auth.Permissions;

namespace Registry.Auth.Tokens;

/// <summary>Signs registry tokens: EdDSA (Ed25519) JWTs that live five minutes.</summary>
public sealed class RegistryTokenIssuer(Ed25519PrivateKeyParameters signingKey, TimeProvider clock)
{
    public const string Issuer = "mcp-registry";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly byte[] Header = """{"alg":"EdDSA","typ":"JWT"}"""u8.ToArray();

    public (string Token, RegistryTokenClaims Claims) Issue(string authMethod, string subject, IReadOnlyList<Permission> permissions)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var claims = new RegistryTokenClaims(authMethod, subject, permissions, now, now, now + Lifetime);
        var signingInput = TokenEncoding.Encode(Header) + "." + TokenEncoding.Encode(Payload(claims));
        var signer = new Ed25519Signer();
        signer.Init(true, signingKey);
        var input = Encoding.ASCII.GetBytes(signingInput);
        signer.BlockUpdate(input, 0, input.Length);
        return (signingInput + "." + TokenEncoding.Encode(signer.GenerateSignature()), claims);
    }

    private static byte[] Payload(RegistryTokenClaims claims)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("iss", Issuer);
            json.WriteNumber("iat", claims.IssuedAt.ToUnixTimeSeconds());
            json.WriteNumber("nbf", claims.NotBefore.ToUnixTimeSeconds());
            json.WriteNumber("exp", claims.ExpiresAt.ToUnixTimeSeconds());
            json.WriteString("auth_method", claims.AuthMethod);
            json.WriteString("auth_method_sub", claims.Subject);
            json.WriteStartArray("permissions");
            foreach (var permission in claims.Permissions)
            {
                json.WriteStartObject();
                json.WriteString("action", permission.Action);
                json.WriteString("resource", permission.Resource);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
