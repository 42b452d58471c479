using Org.BouncyCastle.Crypto.Parameters;

namespace Registry.Auth.Tokens;

/// <summary>
/// The registry's signing key: a 32-byte Ed25519 seed written as 64 hex characters (as the official
/// MCP_REGISTRY_JWT_PRIVATE_KEY). Services that only check tokens get the 32-byte public key, also in hex.
/// </summary>
public static class Ed25519Keys
{
    public static Ed25519PrivateKeyParameters PrivateKeyFromHex(string hexSeed) =>
        new(DecodeHex(hexSeed, "signing key seed"));

    public static Ed25519PublicKeyParameters PublicKeyFromHex(string hexKey) =>
        new(DecodeHex(hexKey, "public key"));

    public static string PublicKeyHexFromSeed(string hexSeed) =>
        Convert.ToHexStringLower(PrivateKeyFromHex(hexSeed).GeneratePublicKey().GetEncoded());

    public static string NewSeedHex() =>
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static byte[] DecodeHex(string hex, string what)
    {
        if (hex is not { Length: 64 } || !hex.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"The Ed25519 {what} must be exactly 64 hex characters.");
        }

        return Convert.FromHexString(hex);
    }
}
