namespace Registry.Verification.Packages;

/// <summary>Proves that one package of one registry type belongs to a server; throws <see cref="PackageVerificationException"/> when it does not.</summary>
public interface IPackageVerifier
{
    string RegistryType { get; }

    Task VerifyAsync(PackageReference package, string serverName, CancellationToken cancellationToken);
}
