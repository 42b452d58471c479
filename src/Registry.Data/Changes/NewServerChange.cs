using Registry.Data.Servers;

namespace Registry.Data.Changes;

/// <summary>A change to append to the log: which version, what happened to it, and its status afterwards.</summary>
public sealed record NewServerChange(string Name, string Version, string Kind, string Status, DateTimeOffset OccurredAt)
{
    /// <summary>The change a write made to a stored row, timed as the row's <c>updated_at</c>.</summary>
    public static NewServerChange Of(ServerVersionRecord record, string kind) =>
        new(record.Name, record.Version, kind, record.Status, record.UpdatedAt);
}
