using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Registry.Verification.Packages;

namespace Registry.Verification.Tests.Packages;

/// <summary>The checker as the service wires it, pointed at fakes on loopback.</summary>
internal sealed class PackageChecks : IDisposable
{
    public const string ServerName = "io.github.octo/weather";
    private readonly ServiceProvider services;

    public PackageChecks(Action<PackageOptions>? configure = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.AddFakeLogging());
        collection.AddOptions<PackageOptions>().Configure(o =>
        {
            o.AllowPrivateAddresses = true;
            o.Timeout = TimeSpan.FromSeconds(2);
            o.OciScheme = "http";
            o.McpbAllowHttp = true;
            configure?.Invoke(o);
        });
        collection.AddPackageVerification();
        services = collection.BuildServiceProvider();
    }

    public FakeLogCollector Logs => services.GetRequiredService<FakeLogCollector>();

    public Task<IReadOnlyList<string>> CheckAsync(params PackageReference[] packages) =>
        services.GetRequiredService<PackageOwnershipChecker>().CheckAsync(ServerName, packages, CancellationToken.None);

    /// <summary>Asserts the one package was refused and returns the reason (the text after the checker's prefix).</summary>
    public async Task<string> RefusedAsync(PackageReference package)
    {
        var failure = Assert.Single(await CheckAsync(package));
        var prefix = $"registry validation failed for package 0 ({package.Identifier}): ";
        Assert.StartsWith(prefix, failure);
        return failure[prefix.Length..];
    }

    public async Task PassesAsync(params PackageReference[] packages) => Assert.Empty(await CheckAsync(packages));

    public void Dispose() => services.Dispose();
}
