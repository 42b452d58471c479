using Microsoft.Extensions.Options;

namespace Registry.Verification.Tests.Logging;

[Collection(PostgresCollection.Name)]
public sealed class StartupValidationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AMalformedSigningKeyStopsTheServiceAtStartWithTheSettingNamed()
    {
        await using var host = await VerificationServiceHost.StartAsync(await postgres.CreateMigratedConnectionStringAsync(),
            new Dictionary<string, string?> { ["Registry:Auth:JwtPrivateKey"] = "not-a-seed" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.App.StartAsync());

        Assert.Contains("Registry:Auth:JwtPrivateKey must be 64 hex characters", error.Message, StringComparison.Ordinal);
    }
}
