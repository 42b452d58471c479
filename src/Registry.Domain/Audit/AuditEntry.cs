namespace Registry.Domain.Audit;

/// <summary>
/// One write to record: who (the token's subject and auth method, empty before authentication), with which of its
/// permissions (<c>action:pattern</c>), from where, what and how it ended. Never a token, a header or a secret.
/// </summary>
public sealed record AuditEntry(
    string Actor,
    string AuthMethod,
    IReadOnlyList<string> Permissions,
    string ClientAddress,
    string Action,
    string? ServerName,
    string? Version,
    string? Detail,
    string Outcome,
    int StatusCode);
