namespace Registry.Domain.Errors;

/// <summary>The bearer token of a write and the rights it carries: 401 without a good token, 403 without the right.</summary>
public static partial class RegistryErrors
{
    public static RegistryException TokenRequired() => new(401, "Authorization header is required");

    public static RegistryException MalformedAuthorization() =>
        new(401, "Invalid Authorization header format. Expected 'Bearer <token>'");

    /// <summary>The reason says what was wrong with the token (signature, expiry, ...), never the token itself.</summary>
    public static RegistryException TokenInvalid(string reason) =>
        new(401, "Invalid or expired Registry JWT token", [new ErrorDetail(reason)]);

    /// <summary>This registry answers reads only to callers with a token (Registry:Read:Access = authenticated).</summary>
    public static RegistryException ReadTokenRequired() => new(401, "This registry answers reads only with a bearer token");

    /// <summary>A read carried a token that is not accepted; the reason never repeats the token.</summary>
    public static RegistryException ReadTokenInvalid(string reason) => new(401, "Invalid or expired token", [new ErrorDetail(reason)]);

    /// <summary>The caller's token lacks <paramref name="action"/> on the name; the message lists what it does grant.</summary>
    public static RegistryException PermissionDenied(string action, string serverName, IReadOnlyList<string> heldPatterns)
    {
        var message = $"You do not have permission to {action} {serverName}. " + Held(action, heldPatterns);
        return new(403, serverName.StartsWith("io.github.", StringComparison.Ordinal)
            ? message + " If the namespace is a GitHub organisation, make your membership public and log in again."
            : message);
    }

    /// <summary>Status changes need publish or edit; the message lists the publish patterns the token grants.</summary>
    public static RegistryException PublishOrEditDenied(IReadOnlyList<string> heldPublishPatterns) =>
        new(403, "You do not have publish or edit permissions for this server. " + Held("publish", heldPublishPatterns));

    /// <summary>Reading the audit trail needs the audit permission, which only configured administrator logins grant.</summary>
    public static RegistryException AuditDenied() =>
        new(403, "You do not have permission to read the audit trail. Your token grants no audit permission.");

    private static string Held(string action, IReadOnlyList<string> patterns) =>
        patterns.Count == 0
            ? $"Your token grants no {action} permissions."
            : $"Your token grants {action} for: {string.Join(", ", patterns)}";
}
