using Microsoft.Extensions.Options;

namespace Registry.Verification.Packages;

/// <summary>Runs the ownership check of every package of a publish, a few at a time, and reports each refusal.</summary>
public sealed class PackageOwnershipChecker
{
    private readonly PackageOptions settings;
    private readonly Dictionary<string, IPackageVerifier> verifiers;

    public PackageOwnershipChecker(IEnumerable<IPackageVerifier> verifiers, IOptions<PackageOptions> options)
    {
        settings = options.Value;
        this.verifiers = verifiers.ToDictionary(v => v.RegistryType, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One failure per refused package, in package order; empty when every package is proven or checks are off.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string serverName, IReadOnlyList<PackageReference> packages, CancellationToken cancellationToken)
    {
        if (!settings.Enabled || packages.Count == 0)
        {
            return [];
        }

        using var slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrentChecks));
        var results = await Task.WhenAll(packages.Select((package, index) => CheckOneAsync(slots, index, package, serverName, cancellationToken)));
        return [.. results.OfType<string>()];
    }

    private async Task<string?> CheckOneAsync(SemaphoreSlim slots, int index, PackageReference package, string serverName, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            if (!verifiers.TryGetValue(package.RegistryType ?? string.Empty, out var verifier))
            {
                return Failure(index, package, $"unsupported registry type: {package.RegistryType}");
            }

            await verifier.VerifyAsync(package, serverName, cancellationToken);
            return null;
        }
        catch (PackageVerificationException ex)
        {
            return Failure(index, package, ex.Message);
        }
        finally
        {
            slots.Release();
        }
    }

    private static string Failure(int index, PackageReference package, string reason) =>
        $"registry validation failed for package {index} ({package.Identifier}): {reason}";
}
