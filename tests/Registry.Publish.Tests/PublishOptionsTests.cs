using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Registry.Publish.Tests;

public class PublishOptionsTests
{
    [Fact]
    public void TheOptionsKeepTheirConfigurationSections() =>
        Assert.Equal(("Registry:Auth", "Registry:Mirror"), (TokenValidationOptions.Section, MirroredNameOptions.Section));

    [Fact]
    public void LocalWritesToMirroredNamesAreRefusedUnlessAllowed() => Assert.False(new MirroredNameOptions().AllowLocalPublish);

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void APublicKeyThatIsNotSixtyFourHexCharactersStopsTheServiceAtStart(string key)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:registrydb", "Host=127.0.0.1;Port=1;Database=none")
            .UseSetting("Registry:Auth:JwtPublicKey", key));

        var failure = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Registry:Auth:JwtPublicKey must be the 64-hex-character Ed25519 public key of the token signer.", failure.Message);
    }
}
