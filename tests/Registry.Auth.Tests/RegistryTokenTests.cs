using System.Text;
using System.Text.Json.Nodes;
using Registry.Auth.Permissions;
using Registry.Auth.Tokens;

namespace Registry.Auth.Tests;

public class RegistryTokenTests
{
    private static readonly string Seed = Ed25519Keys.NewSeedHex();
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Permission[] Permissions = [new(PermissionActions.Publish, "io.github.alice/*")];
    private readonly ManualClock clock = new(Start);

    private RegistryTokenIssuer Issuer(string? seed = null) => new(Ed25519Keys.PrivateKeyFromHex(seed ?? Seed), clock);

    private RegistryTokenValidator Validator() => new(Ed25519Keys.PublicKeyFromHex(Ed25519Keys.PublicKeyHexFromSeed(Seed)), clock);

    [Fact]
    public void AnIssuedTokenValidatesWithItsClaimsAndLivesFiveMinutes()
    {
        var (token, issued) = Issuer().Issue(AuthMethods.GitHubAccessToken, "alice", Permissions);

        var claims = Validator().Validate(token);

        Assert.Equal(AuthMethods.GitHubAccessToken, claims.AuthMethod);
        Assert.Equal("alice", claims.Subject);
        Assert.Equal(Permissions, claims.Permissions);
        Assert.Equal(Start + TimeSpan.FromMinutes(5), claims.ExpiresAt);
        Assert.Equal(issued with { Permissions = claims.Permissions }, claims);
    }

    [Fact]
    public void TheTokenIsAnEdDsaJwtWithTheOfficialClaims()
    {
        var (token, _) = Issuer().Issue(AuthMethods.None, "anonymous", Permissions);
        var parts = token.Split('.');

        var header = JsonNode.Parse(Base64UrlDecode(parts[0]))!;
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!;

        Assert.Equal("EdDSA", header["alg"]!.GetValue<string>());
        Assert.Equal("mcp-registry", payload["iss"]!.GetValue<string>());
        Assert.Equal("none", payload["auth_method"]!.GetValue<string>());
        Assert.Equal("anonymous", payload["auth_method_sub"]!.GetValue<string>());
        Assert.Equal("publish", payload["permissions"]![0]!["action"]!.GetValue<string>());
        Assert.Equal(Start.ToUnixTimeSeconds() + 300, payload["exp"]!.GetValue<long>());
        Assert.Null(payload["aud"]);
    }

    [Fact]
    public void AnExpiredTokenIsRefused()
    {
        var (token, _) = Issuer().Issue(AuthMethods.None, "anonymous", Permissions);
        clock.Now = Start + TimeSpan.FromMinutes(5);

        Assert.Throws<RegistryTokenException>(() => Validator().Validate(token));
    }

    [Fact]
    public void ATokenNotValidYetIsRefused()
    {
        var (token, _) = Issuer().Issue(AuthMethods.None, "anonymous", Permissions);
        clock.Now = Start - TimeSpan.FromSeconds(1);

        Assert.Throws<RegistryTokenException>(() => Validator().Validate(token));
    }

    [Fact]
    public void ATokenSignedByAnotherKeyIsRefused()
    {
        var (token, _) = Issuer(Ed25519Keys.NewSeedHex()).Issue(AuthMethods.None, "anonymous", Permissions);

        Assert.Throws<RegistryTokenException>(() => Validator().Validate(token));
    }

    [Fact]
    public void TamperedClaimsBreakTheSignature()
    {
        var (token, _) = Issuer().Issue(AuthMethods.None, "anonymous", Permissions);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!;
        payload["permissions"]![0]!["resource"] = "*";

        var tampered = $"{parts[0]}.{Base64UrlEncode(payload.ToJsonString())}.{parts[2]}";

        Assert.Throws<RegistryTokenException>(() => Validator().Validate(tampered));
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""", "")]
    [InlineData("""{"alg":"HS256","typ":"JWT"}""", "c2lnbmF0dXJl")]
    [InlineData("""{"alg":"RS256","typ":"JWT"}""", "c2lnbmF0dXJl")]
    [InlineData("""{"typ":"JWT"}""", "c2lnbmF0dXJl")]
    public void OtherAlgorithmsAreRefusedWhateverTheSignature(string header, string signature)
    {
        var (token, _) = Issuer().Issue(AuthMethods.None, "anonymous", Permissions);
        var forged = $"{Base64UrlEncode(header)}.{token.Split('.')[1]}.{signature}";

        Assert.Throws<RegistryTokenException>(() => Validator().Validate(forged));
    }

    [Fact]
    public void ASignatureOfTheWrongLengthIsRefused()
    {
        var (token, _) = Issuer().Issue(AuthMethods.None, "anonymous", Permissions);
        var parts = token.Split('.');

        Assert.Throws<RegistryTokenException>(() => Validator().Validate($"{parts[0]}.{parts[1]}.{parts[2][..20]}"));
    }

    [Fact]
    public void ATokenWithoutExpiryIsRefusedEvenWhenProperlySigned()
    {
        var header = Base64UrlEncode("""{"alg":"EdDSA","typ":"JWT"}""");
        var payload = Base64UrlEncode("""{"iss":"mcp-registry","auth_method":"none","permissions":[{"action":"publish","resource":"*"}]}""");
        var key = Ed25519Keys.PrivateKeyFromHex(Seed);
        var signer = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        signer.Init(true, key);
        var input = Encoding.ASCII.GetBytes(header + "." + payload);
        signer.BlockUpdate(input, 0, input.Length);

        var token = $"{header}.{payload}.{System.Buffers.Text.Base64Url.EncodeToString(signer.GenerateSignature())}";

        var error = Assert.Throws<RegistryTokenException>(() => Validator().Validate(token));
        Assert.Contains("expiry", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.@@@.###")]
    public void GarbageIsRefused(string token) => Assert.Throws<RegistryTokenException>(() => Validator().Validate(token));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void SigningSeedsMustBeSixtyFourHexCharacters(string seed) =>
        Assert.Throws<ArgumentException>(() => Ed25519Keys.PrivateKeyFromHex(seed));

    private static string Base64UrlEncode(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string Base64UrlDecode(string text) => Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(text));
}
