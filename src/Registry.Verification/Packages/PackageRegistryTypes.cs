namespace Registry.Verification.Packages;

public static class PackageRegistryTypes
{
    public const string Npm = "npm";
    public const string PyPi = "pypi";
    public const string NuGet = "nuget";
    public const string Oci = "oci";
    public const string Mcpb = "mcpb";
    public const string Cargo = "cargo";
}
