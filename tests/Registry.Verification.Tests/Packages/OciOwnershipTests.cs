using Registry.Testing.Fakes.Packages;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

public class OciOwnershipTests : IAsyncLifetime
{
    private FakeOciRegistry oci = null!;
    private PackageChecks checks = null!;

    public async Task InitializeAsync()
    {
        oci = await FakeOciRegistry.StartAsync();
        checks = new PackageChecks(o => o.OciAllowedRegistries = [oci.Host]);
    }

    public async Task DisposeAsync()
    {
        checks.Dispose();
        await oci.DisposeAsync();
    }

    private static PackageReference Oci(string identifier, string? version = null) => new("oci", null, identifier, version, null);

    [Fact]
    public async Task AnIndexedImageLabelledWithTheServerPassesThroughTheAnonymousToken()
    {
        oci.AddImage("octo/weather", "1.0.0", PackageChecks.ServerName);

        await checks.PassesAsync(Oci($"{oci.Host}/octo/weather:1.0.0"));

        var requests = oci.Http.Requests;
        Assert.Null(requests[0].Authorization);
        Assert.StartsWith("/token?service=fake-oci&scope=repository%3Aocto%2Fweather%3Apull", requests[1].PathAndQuery);
        Assert.Equal("Bearer anonymous-octo-weather", requests[^1].Authorization);
        Assert.Contains("application/vnd.oci.image.index.v1+json", requests[0].Accept);
    }

    [Fact]
    public async Task ASingleManifestImageAddressedByTagPasses()
    {
        oci.AddImage("octo/weather", "latest", PackageChecks.ServerName, asIndex: false);

        await checks.PassesAsync(Oci($"{oci.Host}/octo/weather"));
    }

    [Fact]
    public async Task AnImageLabelledWithAnotherServerIsRefused()
    {
        oci.AddImage("octo/weather", "1.0.0", "io.github.someone/else");

        Assert.Contains("is 'io.github.someone/else'", await checks.RefusedAsync(Oci($"{oci.Host}/octo/weather:1.0.0")));
    }

    [Fact]
    public async Task AnImageWithoutTheLabelIsRefused()
    {
        oci.AddImage("octo/weather", "1.0.0", serverNameLabel: null);

        Assert.Contains("has no 'io.modelcontextprotocol.server.name' label", await checks.RefusedAsync(Oci($"{oci.Host}/octo/weather:1.0.0")));
    }

    [Fact]
    public async Task APrivateImageIsRefused()
    {
        oci.AddImage("octo/weather", "1.0.0", PackageChecks.ServerName);
        oci.MakePrivate("octo/weather");

        Assert.Contains("image is private or does not exist", await checks.RefusedAsync(Oci($"{oci.Host}/octo/weather:1.0.0")));
    }

    [Fact]
    public async Task AMissingTagIsReportedAsNotFound()
    {
        oci.AddImage("octo/weather", "1.0.0", PackageChecks.ServerName);

        Assert.Contains("'9.9.9' not found", await checks.RefusedAsync(Oci($"{oci.Host}/octo/weather:9.9.9")));
    }

    [Fact]
    public async Task AHostOffTheAllowlistIsRefusedBeforeAnyRequest()
    {
        Assert.Contains("is not allowed", await checks.RefusedAsync(Oci("images.elsewhere.example/octo/weather:1.0.0")));
        Assert.Empty(oci.Http.Requests);
    }

    [Fact]
    public async Task AReferenceWithoutHostOrWithVersionIsRefused()
    {
        Assert.Contains("must start with the registry host", await checks.RefusedAsync(Oci("octo/weather:1.0.0")));
        Assert.Contains("version must not be set", await checks.RefusedAsync(Oci($"{oci.Host}/octo/weather", "1.0.0")));
        Assert.Empty(oci.Http.Requests);
    }

    [Theory]
    [InlineData("oci.registry.example", "oci.registry.example", true)]
    [InlineData("*.example.com", "eu.images.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", "evilexample.com", false)]
    [InlineData("oci.registry.example", "oci.registry.example:5000", true)]
    [InlineData("localhost:5000", "localhost:5001", false)]
    public void TheAllowlistMatchesHostsAndWildcardSubdomains(string entry, string registry, bool allowed) =>
        Assert.Equal(allowed, OciRegistryAllowlist.Allows([entry], registry));

    [Fact]
    public void ADigestReferenceIsParsed()
    {
        var digest = "sha256:" + new string('a', 64);

        Assert.Equal(new OciImageReference("oci.registry.example:5000", "octo/weather", digest), OciImageReference.Parse($"oci.registry.example:5000/octo/weather@{digest}"));
    }
}
