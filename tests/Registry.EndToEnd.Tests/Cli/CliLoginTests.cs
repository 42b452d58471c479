using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Registry.Auth.Tokens;
using Registry.Testing.Fakes;

namespace Registry.EndToEnd.Tests.Cli;

/// <summary>Domain logins sign with a private key read from a file, in the hex form mcp-publisher takes.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class CliLoginTests(RegistryAppFixture registry) : IDisposable
{
    private readonly CliHarness cli = new(registry);
    private readonly string folder = Directory.CreateTempSubdirectory("registry-cli-keys-").FullName;

    [Fact]
    public async Task ADnsLoginWithAnEd25519KeyFilePrintsATokenForTheDomain()
    {
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        var publicKey = Convert.ToBase64String(privateKey.GeneratePublicKey().GetEncoded());
        registry.World.Dns.SetTxt("cli-dns.example", $"v=MCPv1; k=ed25519; p={publicKey}");
        var keyFile = WriteKey(Convert.ToHexStringLower(privateKey.GetEncoded()));

        var run = await cli.RunAsync("login", "dns", "--domain", "cli-dns.example", "--key-file", keyFile, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var answer = JsonNode.Parse(run.Out)!;
        Assert.True(answer["expires_at"]!.GetValue<long>() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var claims = registry.World.TokenValidator().Validate(answer["registry_token"]!.GetValue<string>());
        Assert.Equal(AuthMethods.Dns, claims.AuthMethod);
    }

    [Fact]
    public async Task PublishCanLogInOverHttpWithAP384KeyAndPublishInTheDomainsNamespace()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
        registry.World.Sites.MapText("/cli-http.example/.well-known/mcp-registry-auth",
            $"v=MCPv1; k=ecdsap384; p={Convert.ToBase64String(CompressedPoint(parameters.Q))}");
        var document = Publisher.NewServer("1.0.0", name: $"example.cli-http/server-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "server.json");
        File.WriteAllText(file, document.ToJsonString());

        var run = await cli.RunAsync("publish", file, "--login", "http", "--domain", "cli-http.example",
            "--key-file", WriteKey(Convert.ToHexString(parameters.D!)), "--algorithm", "ecdsap384");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var stored = await registry.Gateway.GetAsync($"/v0/servers/{Uri.EscapeDataString(document["name"]!.GetValue<string>())}/versions/1.0.0");
        Assert.True(stored.IsSuccessStatusCode);
    }

    [Fact]
    public async Task AKeyTheDomainDoesNotPublishIsNotAuthenticated()
    {
        registry.World.Dns.SetTxt("cli-wrong.example", $"v=MCPv1; k=ed25519; p={Convert.ToBase64String(new Ed25519PrivateKeyParameters(new SecureRandom()).GeneratePublicKey().GetEncoded())}");
        var keyFile = WriteKey(Convert.ToHexStringLower(new Ed25519PrivateKeyParameters(new SecureRandom()).GetEncoded()));

        var run = await cli.RunAsync("login", "dns", "--domain", "cli-wrong.example", "--key-file", keyFile);

        Assert.Equal(Registry.Cli.ExitCodes.NotAuthorized, run.ExitCode);
        Assert.StartsWith("error: Not authenticated:", run.Err);
    }

    [Fact]
    public async Task AnAdministratorsOidcLoginComesFromTheOidcTokenOption()
    {
        var idToken = registry.World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = "admin" }, audience: OutsideWorld.AdminClientId);

        var run = await cli.RunAsync("login", "oidc", "--oidc-token", idToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(AuthMethods.Oidc, registry.World.TokenValidator().Validate(run.Out.Trim()).AuthMethod);
    }

    private string WriteKey(string hex)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.key");
        File.WriteAllText(path, hex + "\n");
        return path;
    }

    // SEC 1: 0x02 or 0x03 for the parity of Y, then X as 48 bytes.
    private static byte[] CompressedPoint(ECPoint q) => [(byte)((q.Y![^1] & 1) == 0 ? 0x02 : 0x03), .. q.X!];

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
