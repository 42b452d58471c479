namespace Registry.Verification.Packages;

/// <summary>A package was refused; the message is the reason shown to the publisher.</summary>
public sealed class PackageVerificationException(string message) : Exception(message);
