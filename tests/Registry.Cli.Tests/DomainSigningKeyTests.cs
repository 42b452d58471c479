using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Registry.Cli.Connection;
using Registry.Cli.Login;

namespace Registry.Cli.Tests;

public sealed class DomainSigningKeyTests
{
    private const string Message = "2026-12-01T10:30:00Z";

    [Fact]
    public void AnEd25519SeedInHexSignsTheTimestampSoThatItsPublicKeyVerifies()
    {
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        var key = DomainSigningKey.FromHex(Convert.ToHexString(privateKey.GetEncoded()) + "\n", DomainSigningKey.Ed25519);

        var signature = Convert.FromHexString(key.SignHex(Message));

        var verifier = new Ed25519Signer();
        verifier.Init(false, privateKey.GeneratePublicKey());
        var bytes = Encoding.UTF8.GetBytes(Message);
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        Assert.Equal(64, signature.Length);
        Assert.True(verifier.VerifySignature(signature));
    }

    [Fact]
    public void AP384ScalarInHexSignsAsRAndSOverSha384()
    {
        using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var parameters = generated.ExportParameters(includePrivateParameters: true);
        var key = DomainSigningKey.FromHex(Convert.ToHexStringLower(parameters.D!), DomainSigningKey.EcdsaP384);

        var signature = Convert.FromHexString(key.SignHex(Message));

        Assert.Equal(96, signature.Length);
        Assert.True(generated.VerifyData(Encoding.UTF8.GetBytes(Message), signature, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Theory]
    [InlineData("abcd", DomainSigningKey.Ed25519, "32 bytes")]
    [InlineData("abcd", DomainSigningKey.EcdsaP384, "48 bytes")]
    [InlineData("not hex at all", DomainSigningKey.Ed25519, "not hex")]
    public void AKeyOfTheWrongShapeIsAUsageErrorThatSaysWhatIsExpected(string hex, string algorithm, string expected)
    {
        var failure = Assert.Throws<CliFailure>(() => DomainSigningKey.FromHex(hex, algorithm));

        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void TheSignedTimestampIsRfc3339InUtcWithWholeSeconds()
    {
        var local = new DateTimeOffset(2026, 12, 1, 12, 30, 5, 123, TimeSpan.FromHours(2));

        Assert.Equal("2026-12-01T10:30:05Z", DomainSigningKey.Timestamp(local));
    }
}
