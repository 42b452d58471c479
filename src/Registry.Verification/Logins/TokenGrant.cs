using Registry.Auth.Permissions;

namespace Registry.Verification.Logins;

/// <summary>The outcome of a successful login: what the registry token will say.</summary>
public sealed record TokenGrant(string AuthMethod, string Subject, IReadOnlyList<Permission> Permissions);
