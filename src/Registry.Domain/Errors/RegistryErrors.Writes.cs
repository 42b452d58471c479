namespace Registry.Domain.Errors;

/// <summary>
/// Refusals of publish, edit and status changes. Apart from the request-schema errors (422), each is a 400 whose
/// detail is the operation's failure and whose <c>errors</c> entry says why.
/// </summary>
public static partial class RegistryErrors
{
    /// <summary>The schema-version and semantic rules; the body lists the error-severity issues.</summary>
    public static RegistryException InvalidDocument(WriteOperation operation, IReadOnlyList<ErrorDetail> issues) =>
        new(422, operation.FailureDetail + ", invalid schema: call /validate for details", issues);

    public static RegistryException PathBodyMismatch() =>
        Refused(WriteOperation.Edit, "the name and version in the body must match the path");

    public static RegistryException PublisherMetadataTooLarge(string key, int maxBytes) =>
        Refused(WriteOperation.Publish, $"_meta.{key} must not exceed {maxBytes} bytes");

    public static RegistryException MirroredName(WriteOperation operation, string serverName) =>
        Refused(operation, $"server {serverName} is mirrored from an upstream registry; publish and change it there");

    /// <summary>One entry per package the verification service refused.</summary>
    public static RegistryException PackagesNotOwned(WriteOperation operation, IEnumerable<string> failures) =>
        new(400, operation.FailureDetail, failures.Select(f => new ErrorDetail(f)).ToArray());

    public static RegistryException PackageCheckUnavailable(WriteOperation operation) =>
        new(503, operation.FailureDetail, [new ErrorDetail("package ownership could not be checked: verification service unavailable")]);

    public static RegistryException DuplicateVersion() =>
        Refused(WriteOperation.Publish, "invalid version: cannot publish duplicate version");

    public static RegistryException TooManyVersions(string serverName, int maxVersions) =>
        Refused(WriteOperation.Publish, $"server {serverName} already has the maximum of {maxVersions} versions");

    public static RegistryException RemoteUrlTaken(WriteOperation operation, string url, string owner) =>
        Refused(operation, $"remote URL {url} is already used by server {owner}");

    /// <summary>A rule the database enforces refused the write; <paramref name="cause"/> is its own wording.</summary>
    public static RegistryException Refused(WriteOperation operation, string cause) =>
        new(400, operation.FailureDetail, [new ErrorDetail(cause)]);

    public static RegistryException UnknownStatus(string? status) =>
        ValidationFailed(new ErrorDetail("expected value to be one of \"active, deprecated, deleted\"", "body.status", status));

    public static RegistryException StatusMessageTooLong(int maxLength) =>
        ValidationFailed(new ErrorDetail($"expected length <= {maxLength}", "body.statusMessage"));

    public static RegistryException StatusMessageWithActive() => new(400, "statusMessage cannot be set when status is active");

    /// <summary>Every version addressed already has the status and message asked for.</summary>
    public static RegistryException NothingToChange(string status) => new(400, $"No changes to apply: status is already {status}");
}
