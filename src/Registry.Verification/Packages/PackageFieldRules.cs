namespace Registry.Verification.Packages;

/// <summary>The per-type rules on registryBaseUrl, version and fileSha256, checked before any request is made.</summary>
internal static class PackageFieldRules
{
    public static void RequireBaseUrl(PackageReference package, string expected)
    {
        if (!string.IsNullOrEmpty(package.RegistryBaseUrl) && !string.Equals(package.RegistryBaseUrl, expected, StringComparison.Ordinal))
        {
            throw new PackageVerificationException(
                $"registryBaseUrl '{package.RegistryBaseUrl}' is not valid for registry type '{package.RegistryType}'; expected '{expected}' or none");
        }
    }

    public static void ForbidBaseUrl(PackageReference package)
    {
        if (!string.IsNullOrEmpty(package.RegistryBaseUrl))
        {
            throw new PackageVerificationException($"registryBaseUrl must not be set for registry type '{package.RegistryType}'");
        }
    }

    public static string RequireVersion(PackageReference package) =>
        string.IsNullOrWhiteSpace(package.Version)
            ? throw new PackageVerificationException($"version is required for registry type '{package.RegistryType}'")
            : package.Version;

    public static void ForbidVersion(PackageReference package)
    {
        if (!string.IsNullOrEmpty(package.Version))
        {
            throw new PackageVerificationException(
                $"version must not be set for registry type '{package.RegistryType}'; put the tag or digest in the identifier");
        }
    }

    public static void RequireFileSha256(PackageReference package)
    {
        if (string.IsNullOrWhiteSpace(package.FileSha256))
        {
            throw new PackageVerificationException($"fileSha256 is required for registry type '{package.RegistryType}'");
        }
    }

    public static void ForbidFileSha256(PackageReference package)
    {
        if (!string.IsNullOrEmpty(package.FileSha256))
        {
            throw new PackageVerificationException($"fileSha256 must not be set for registry type '{package.RegistryType}'");
        }
    }
}
