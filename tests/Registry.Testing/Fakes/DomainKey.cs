using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Registry.Testing.Fakes;

/// <summary>
/// A key pair for proving control of a domain: <see cref="ProofRecord"/> goes into a DNS TXT record or an HTTP
/// well-known file, and <see cref="SignHex"/> signs the RFC 3339 timestamp a login sends.
/// </summary>
public sealed class DomainKey
{
    public const string Ed25519 = "ed25519";
    public const string EcdsaP384 = "ecdsap384";

    private readonly Func<byte[], byte[]> _sign;
    private readonly byte[] _publicKey;

    private DomainKey(string algorithm, byte[] publicKey, Func<byte[], byte[]> sign)
    {
        Algorithm = algorithm;
        _publicKey = publicKey;
        _sign = sign;
    }

    /// <summary>"ed25519" or "ecdsap384", as in the record's k= field.</summary>
    public string Algorithm { get; }

    /// <summary>Ed25519: the 32-byte raw key; P-384: the 49-byte compressed point.</summary>
    public byte[] PublicKey => [.. _publicKey];

    public string PublicKeyBase64 => Convert.ToBase64String(_publicKey);

    /// <summary>"v=MCPv1; k=&lt;alg&gt;; p=&lt;base64 public key&gt;".</summary>
    public string ProofRecord => $"v=MCPv1; k={Algorithm}; p={PublicKeyBase64}";

    public static DomainKey NewEd25519()
    {
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        return new DomainKey(Ed25519, privateKey.GeneratePublicKey().GetEncoded(), data =>
        {
            var signer = new Ed25519Signer();
            signer.Init(forSigning: true, privateKey);
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        });
    }

    public static DomainKey NewEcdsaP384()
    {
        using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        // Kept as parameters rather than an ECDsa so that DomainKey owns nothing disposable.
        var privateKey = generated.ExportParameters(includePrivateParameters: true);
        return new DomainKey(EcdsaP384, CompressedPoint(privateKey.Q), data =>
        {
            using var ecdsa = ECDsa.Create(privateKey);
            return ecdsa.SignData(data, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        });
    }

    /// <summary>Signs the exact bytes of <paramref name="message"/>; lowercase hex (64 bytes Ed25519, 96 bytes r||s P-384).</summary>
    public string SignHex(string message) => Convert.ToHexStringLower(_sign(Encoding.UTF8.GetBytes(message)));

    // SEC 1 section 2.3.3: the parity of Y as 0x02/0x03, then X as a 48-byte big-endian number.
    private static byte[] CompressedPoint(ECPoint point)
    {
        const int FieldLength = 48;
        var x = point.X!;
        var y = point.Y!;
        var compressed = new byte[1 + FieldLength];
        compressed[0] = (byte)((y[^1] & 1) == 0 ? 0x02 : 0x03);
        x.CopyTo(compressed.AsSpan(1 + FieldLength - x.Length));
        return compressed;
    }
}
