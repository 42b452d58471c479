using System.Globalization;
using System.Text;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Registry.Cli.Connection;

namespace Registry.Cli.Login;

/// <summary>
/// The private key of a domain proof, read as mcp-publisher takes it: hex, an Ed25519 seed (32 bytes) or an
/// ECDSA P-384 private scalar (48 bytes). Signatures are what the registry checks: Ed25519 over the bytes, or
/// P-384 over SHA-384 as r||s.
/// </summary>
public sealed class DomainSigningKey
{
    public const string Ed25519 = "ed25519";
    public const string EcdsaP384 = "ecdsap384";

    private readonly Func<byte[], byte[]> sign;

    private DomainSigningKey(Func<byte[], byte[]> sign) => this.sign = sign;

    public static DomainSigningKey FromHex(string hex, string algorithm)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(hex.Trim());
        }
        catch (FormatException)
        {
            throw CliFailure.Usage("The key is not hex: give the private key as hexadecimal digits.");
        }

        return algorithm switch
        {
            Ed25519 when bytes.Length == Ed25519PrivateKeyParameters.KeySize => Ed25519Key(bytes),
            Ed25519 => throw CliFailure.Usage($"An Ed25519 private key is 32 bytes (64 hex digits); this one is {bytes.Length} bytes."),
            EcdsaP384 when bytes.Length == 48 => P384Key(bytes),
            EcdsaP384 => throw CliFailure.Usage($"An ECDSA P-384 private key is 48 bytes (96 hex digits); this one is {bytes.Length} bytes."),
            _ => throw CliFailure.Usage($"Unknown key algorithm '{algorithm}': use {Ed25519} or {EcdsaP384}."),
        };
    }

    public static async Task<DomainSigningKey> ReadFileAsync(string path, string algorithm, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliFailure.Usage($"Cannot read the key file {path}: {exception.Message}");
        }

        return FromHex(text, algorithm);
    }

    /// <summary>Lower-case hex signature of the exact UTF-8 bytes of <paramref name="message"/>.</summary>
    public string SignHex(string message) => Convert.ToHexStringLower(sign(Encoding.UTF8.GetBytes(message)));

    private static DomainSigningKey Ed25519Key(byte[] seed)
    {
        var key = new Ed25519PrivateKeyParameters(seed);
        return new DomainSigningKey(data =>
        {
            var signer = new Ed25519Signer();
            signer.Init(forSigning: true, key);
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        });
    }

    private static DomainSigningKey P384Key(byte[] scalar)
    {
        var curve = NistNamedCurves.GetByName("P-384");
        var key = new ECPrivateKeyParameters(new BigInteger(1, scalar), new ECDomainParameters(curve));
        return new DomainSigningKey(data =>
        {
            // PLAIN-ECDSA writes r||s with fixed 48-byte halves, the form the registry reads.
            var signer = SignerUtilities.GetSigner("SHA-384withPLAIN-ECDSA");
            signer.Init(forSigning: true, key);
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        });
    }

    /// <summary>The message a domain login signs: now in RFC 3339, UTC, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset now) =>
        now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
