using Microsoft.Extensions.Options;

namespace Registry.Verification.Tests.Logging;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task AMalformedSigningKeyStopsTheServiceAtStartWithTheSettingNamed()
    {
        await using var host = await VerificationServiceHost.StartAsync(
            new Dictionary<string, string?> { ["Registry:Auth:JwtPrivateKey"] = "not-a-seed" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.App.StartAsync());

        Assert.Contains("Registry:Auth:JwtPrivateKey must be 64 hex characters", error.Message, StringComparison.Ordinal);
    }
}
