using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Registry.Testing.Fakes;

/// <summary>Writes compact JWS tokens (RFC 7515): base64url(header).base64url(payload).base64url(signature).</summary>
internal static class JwtWriter
{
    public static string Write(IReadOnlyDictionary<string, object?> header, IReadOnlyDictionary<string, object?> payload, RSA? key)
    {
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var algorithm = header.TryGetValue("alg", out var alg) ? alg as string : null;
        var signature = key is null || algorithm is null or "none"
            ? []
            : Sign(key, algorithm, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    public static Dictionary<string, object?> TimeClaims(DateTimeOffset? expires, DateTimeOffset? notBefore)
    {
        var now = DateTimeOffset.UtcNow;
        // A little in the past, so that a validator whose clock is a bit behind still accepts the token.
        var issued = now.AddSeconds(-10);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["exp"] = (expires ?? now.AddMinutes(5)).ToUnixTimeSeconds(),
            ["nbf"] = (notBefore ?? issued).ToUnixTimeSeconds(),
            ["iat"] = issued.ToUnixTimeSeconds(),
        };
    }

    private static string Encode(IReadOnlyDictionary<string, object?> part) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(part));

    // An algorithm this writer cannot compute still goes into the header, signed RS256, so tests can offer it.
    private static byte[] Sign(RSA key, string algorithm, byte[] data) => algorithm switch
    {
        "RS384" => key.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
        "RS512" => key.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
        "PS256" => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        "PS384" => key.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pss),
        "PS512" => key.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
        _ => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
    };
}
