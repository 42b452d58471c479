using Registry.Auth.Tokens;

namespace Registry.Verification.Tests;

internal static class AuthSettings
{
    public static Microsoft.Extensions.Options.IOptions<AuthOptions> Create(Action<AuthOptions>? configure = null)
    {
        var options = new AuthOptions { JwtPrivateKey = Ed25519Keys.NewSeedHex() };
        options.Http.AllowPrivateAddresses = true;
        options.GitHubOidc.KeyRefreshMinInterval = TimeSpan.Zero;
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
