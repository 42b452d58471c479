namespace Registry.Verification.Packages;

/// <summary>The fields of one server.json package that the ownership checks read.</summary>
public sealed record PackageReference(string RegistryType, string? RegistryBaseUrl, string Identifier, string? Version, string? FileSha256);
