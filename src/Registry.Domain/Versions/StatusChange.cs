using Registry.Domain.Errors;

namespace Registry.Domain.Versions;

/// <summary>
/// A status change as asked for, once its rules hold: a known status, a message of at most 500 characters, and no
/// message with <c>active</c>. <see cref="Message"/> is what to store: an active version keeps no message, so an
/// empty one sent with <c>active</c> is stored as none.
/// </summary>
public sealed record StatusChange
{
    public const int MaxMessageLength = 500;

    private StatusChange(string status, string? message)
    {
        Status = status;
        Message = message;
    }

    public string Status { get; }

    public string? Message { get; }

    /// <summary>DELETE on a version: the change to deleted without a message.</summary>
    public static StatusChange Deletion { get; } = new(ServerStatus.Deleted, null);

    /// <summary>422 for an unknown status or a long message (request-schema rules), 400 for a message with active.</summary>
    public static StatusChange From(string? status, string? message)
    {
        if (status is null || !ServerStatus.IsKnown(status))
        {
            throw RegistryErrors.UnknownStatus(status);
        }

        if (message is { Length: > MaxMessageLength })
        {
            throw RegistryErrors.StatusMessageTooLong(MaxMessageLength);
        }

        if (status == ServerStatus.Active && !string.IsNullOrEmpty(message))
        {
            throw RegistryErrors.StatusMessageWithActive();
        }

        return new StatusChange(status, status == ServerStatus.Active ? null : message);
    }
}
