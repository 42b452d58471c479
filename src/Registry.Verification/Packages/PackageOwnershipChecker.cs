using System.Diagnostics;
using Microsoft.Extensions.Options;
using Registry.Verification.Telemetry;

namespace Registry.Verification.Packages;

/// <summary>
/// Runs the ownership check of every package of a publish, a few at a time, and reports each refusal. Each check
/// leaves one log event and one span.
/// </summary>
public sealed class PackageOwnershipChecker
{
    private readonly PackageOptions settings;
    private readonly Dictionary<string, IPackageVerifier> verifiers;
    private readonly ILogger<PackageOwnershipChecker> logger;

    public PackageOwnershipChecker(IEnumerable<IPackageVerifier> verifiers, IOptions<PackageOptions> options, ILogger<PackageOwnershipChecker> logger)
    {
        settings = options.Value;
        this.verifiers = verifiers.ToDictionary(v => v.RegistryType, StringComparer.OrdinalIgnoreCase);
        this.logger = logger;
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
        // The span name stays fixed: the registry type is caller input, and span names must not grow without bound.
        using var activity = VerificationActivitySource.Instance.StartActivity("package ownership check");
        activity?.SetTag("registry.package.registry_type", package.RegistryType)
            .SetTag("registry.package.identifier", package.Identifier)
            .SetTag("registry.server.name", serverName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!verifiers.TryGetValue(package.RegistryType ?? string.Empty, out var verifier))
            {
                return Refused(activity, started, index, package, serverName, $"unsupported registry type: {package.RegistryType}");
            }

            await verifier.VerifyAsync(package, serverName, cancellationToken);
            activity?.SetTag("registry.package.outcome", "verified");
            logger.LogInformation("Package {RegistryType} {Identifier} of {ServerName} verified in {ElapsedMs} ms",
                package.RegistryType, package.Identifier, serverName, VerificationActivitySource.ElapsedMs(started));
            return null;
        }
        catch (PackageVerificationException ex)
        {
            return Refused(activity, started, index, package, serverName, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            logger.LogError("Package {RegistryType} {Identifier} of {ServerName} could not be checked in {ElapsedMs} ms: {ErrorType}",
                package.RegistryType, package.Identifier, serverName, VerificationActivitySource.ElapsedMs(started), ex.GetType().Name);
            throw;
        }
        finally
        {
            slots.Release();
        }
    }

    private string Refused(Activity? activity, long started, int index, PackageReference package, string serverName, string reason)
    {
        activity?.SetTag("registry.package.outcome", "refused").SetTag("registry.package.reason", reason);
        logger.LogWarning("Package {RegistryType} {Identifier} of {ServerName} refused in {ElapsedMs} ms: {Reason}",
            package.RegistryType, package.Identifier, serverName, VerificationActivitySource.ElapsedMs(started), reason);
        return $"registry validation failed for package {index} ({package.Identifier}): {reason}";
    }
}
