using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Registry.Verification.Packages;

public static class PackageVerificationServices
{
    /// <summary>
    /// Registers the verifiers, the checker and their shared outbound client. Options and logging are registered by
    /// the caller (<c>builder.AddBoundOptions&lt;PackageOptions&gt;()</c>).
    /// </summary>
    public static IServiceCollection AddPackageVerification(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PackageHttpClient>();
        services.TryAddSingleton<NuGetServiceIndex>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPackageVerifier, NpmPackageVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPackageVerifier, PyPiPackageVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPackageVerifier, NuGetPackageVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPackageVerifier, CargoPackageVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPackageVerifier, OciPackageVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPackageVerifier, McpbPackageVerifier>());
        services.TryAddSingleton<PackageOwnershipChecker>();
        return services;
    }
}
