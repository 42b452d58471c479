using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Registry.Auth.Permissions;

namespace Registry.Auth.Tokens;

/// <summary>
/// Checks registry tokens with the public key only. It accepts nothing but EdDSA signed by our key, issued by us,
/// with an expiry in the future and a not-before in the past; any other token is refused.
/// </summary>
public sealed class RegistryTokenValidator(Ed25519PublicKeyParameters publicKey, TimeProvider clock)
{
    private const int MaxTokenLength = 16 * 1024;

    public RegistryTokenClaims Validate(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            throw new RegistryTokenException("token is missing or too long");
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new RegistryTokenException("token is not a compact JWS");
        }

        RequireEdDsaHeader(TokenEncoding.Decode(parts[0]));
        VerifySignature(parts[0] + "." + parts[1], TokenEncoding.Decode(parts[2]));
        return ReadClaims(TokenEncoding.Decode(parts[1]));
    }

    private static void RequireEdDsaHeader(byte[] header)
    {
        using var json = Parse(header);
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("alg", out var alg)
            || alg.ValueKind != JsonValueKind.String
            || alg.GetString() != "EdDSA")
        {
            throw new RegistryTokenException("token algorithm must be EdDSA");
        }
    }

    private void VerifySignature(string signingInput, byte[] signature)
    {
        if (signature.Length != Ed25519PublicKeyParameters.KeySize * 2)
        {
            throw new RegistryTokenException("token signature has the wrong length");
        }

        var verifier = new Ed25519Signer();
        verifier.Init(false, publicKey);
        var input = Encoding.ASCII.GetBytes(signingInput);
        verifier.BlockUpdate(input, 0, input.Length);
        if (!verifier.VerifySignature(signature))
        {
            throw new RegistryTokenException("token signature is not valid");
        }
    }

    private RegistryTokenClaims ReadClaims(byte[] payload)
    {
        using var json = Parse(payload);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RegistryTokenException("token claims are not an object");
        }

        if (String(root, "iss") != RegistryTokenIssuer.Issuer)
        {
            throw new RegistryTokenException("token was not issued by this registry");
        }

        var now = clock.GetUtcNow();
        var expiresAt = Time(root, "exp") ?? throw new RegistryTokenException("token has no expiry");
        if (expiresAt <= now)
        {
            throw new RegistryTokenException("token has expired");
        }

        var notBefore = Time(root, "nbf") ?? DateTimeOffset.MinValue;
        if (notBefore > now)
        {
            throw new RegistryTokenException("token is not valid yet");
        }

        return new RegistryTokenClaims(
            String(root, "auth_method") ?? "",
            String(root, "auth_method_sub") ?? "",
            ReadPermissions(root),
            Time(root, "iat") ?? notBefore,
            notBefore,
            expiresAt);
    }

    private static List<Permission> ReadPermissions(JsonElement root)
    {
        if (!root.TryGetProperty("permissions", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new RegistryTokenException("token permissions are not a list");
        }

        return list.EnumerateArray()
            .Select(p => new Permission(
                String(p, "action") ?? throw new RegistryTokenException("permission without action"),
                String(p, "resource") ?? throw new RegistryTokenException("permission without resource")))
            .ToList();
    }

    private static JsonDocument Parse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new RegistryTokenException("token is not valid JSON");
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800L, 253402300799L))
            : null;
}
