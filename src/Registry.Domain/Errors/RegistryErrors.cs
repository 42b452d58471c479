namespace Registry.Domain.Errors;

/// <summary>
/// The errors the official registry answers with, worded as it words them: every status and message the services
/// answer with is named here, once. Writes: RegistryErrors.Writes.cs; tokens and permissions: RegistryErrors.Access.cs.
/// </summary>
public static partial class RegistryErrors
{
    public static RegistryException ServerNotFound() => new(404, "Server not found");

    public static RegistryException ServerVersionNotFound() => new(404, "Server version not found");

    public static RegistryException InvalidServerNameEncoding() => new(400, "Invalid server name encoding");

    public static RegistryException InvalidVersionEncoding() => new(400, "Invalid version encoding");

    public static RegistryException InvalidUpdatedSince() =>
        new(400, "Invalid updated_since format: expected RFC3339 timestamp (e.g., 2025-08-07T13:15:04.280Z)");

    public static RegistryException IncludeDeletedConflictsWithUpdatedSince() =>
        new(400, "include_deleted cannot be false when updated_since is provided");

    public static RegistryException UnsupportedMediaType(string contentType) =>
        new(415, $"Unsupported Content-Type '{contentType}': send the body as application/json in UTF-8");

    /// <summary>A body that is not JSON, or not one JSON object; the reason is the detail.</summary>
    public static RegistryException MalformedBody(string reason) => new(400, reason);

    public static RegistryException DatabaseUnavailable() =>
        new(503, "The registry's database is unreachable; try again shortly");

    public static RegistryException Degraded() =>
        new(503, "Degraded: the registry's database is unreachable; cached reads are still served");

    public static RegistryException NulCharacter(string parameter) => new(400, $"{parameter} must not contain NUL characters");

    /// <summary>Request-schema violations are 422 with one entry per violation, as Huma reports them.</summary>
    public static RegistryException ValidationFailed(params ErrorDetail[] errors) =>
        new(422, "validation failed", errors);
}
