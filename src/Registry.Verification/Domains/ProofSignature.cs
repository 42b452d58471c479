using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Registry.Verification.Domains;

/// <summary>
/// Checks the hex signature of the timestamp string against a published key: Ed25519 (64-byte signature over
/// the bytes) or ECDSA P-384 (96-byte r||s over SHA-384; the key is a 49-byte compressed point).
/// </summary>
public static class ProofSignature
{
    public static bool Verifies(ProofKeyRecord key, string message, byte[] signature) => key.Algorithm switch
    {
        ProofKeyRecord.Ed25519 => VerifyEd25519(key.PublicKey, Encoding.UTF8.GetBytes(message), signature),
        ProofKeyRecord.EcdsaP384 => VerifyEcdsaP384(key.PublicKey, Encoding.UTF8.GetBytes(message), signature),
        _ => false,
    };

    private static bool VerifyEd25519(byte[] publicKey, byte[] message, byte[] signature)
    {
        if (publicKey.Length != Ed25519PublicKeyParameters.KeySize || signature.Length != 64)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey));
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }

    private static bool VerifyEcdsaP384(byte[] compressedPoint, byte[] message, byte[] signature)
    {
        if (compressedPoint.Length != 49 || compressedPoint[0] is not (0x02 or 0x03) || signature.Length != 96)
        {
            return false;
        }

        try
        {
            var point = NistNamedCurves.GetByName("P-384").Curve.DecodePoint(compressedPoint).Normalize();
            using var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP384,
                Q = new ECPoint
                {
                    X = point.AffineXCoord.GetEncoded(),
                    Y = point.AffineYCoord.GetEncoded(),
                },
            });
            return ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
