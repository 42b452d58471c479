using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Registry.Verification.Packages;

public static class PackageVerificationServices
{
    /// <summary>
    /// Registers the verifiers, the checker and their shared outbound client. Options are bound by the caller
    /// (<c>AddOptions&lt;PackageOptions&gt;().BindConfiguration(PackageOptions.Section)</c>).
    /// </summary>
    public static IServiceCollection AddPackageVerification(this IServiceCollection services)
    {
        services.AddOptions<PackageOptions>().PostConfigure(o => o.ApplyDefaults());
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
