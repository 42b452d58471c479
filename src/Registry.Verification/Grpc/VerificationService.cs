namespace Registry.Verification.Grpc;

/// <summary>
/// Logins, registry tokens and package ownership proofs. They arrive with the token and package-proof issues;
/// until then every RPC answers UNIMPLEMENTED (501 over REST) from the generated base class.
/// </summary>
public sealed class VerificationService : Contracts.V0.Verification.VerificationBase;
