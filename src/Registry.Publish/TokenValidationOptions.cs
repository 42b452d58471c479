namespace Registry.Publish;

/// <summary>The public half of the key that signs registry tokens, as 64 hex characters.</summary>
public sealed class TokenValidationOptions : IBoundOptions
{
    public static string Section => "Registry:Auth";

    public string JwtPublicKey { get; set; } = "";

    public bool HasValidKey => JwtPublicKey is { Length: 64 } key && key.All(Uri.IsHexDigit);
}
