using Registry.Auth.Permissions;

namespace Registry.Auth.Tokens;

/// <summary>What a registry token says: who logged in, how, what they may do, and when it is valid.</summary>
public sealed record RegistryTokenClaims(
    string AuthMethod,
    string Subject,
    IReadOnlyList<Permission> Permissions,
    DateTimeOffset IssuedAt,
    DateTimeOffset NotBefore,
    DateTimeOffset ExpiresAt);
