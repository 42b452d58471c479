using System.Buffers.Text;

namespace Registry.Auth.Tokens;

internal static class TokenEncoding
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static byte[] Decode(string text)
    {
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw new RegistryTokenException("token is not valid base64url");
        }
    }
}
