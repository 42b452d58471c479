namespace Registry.Data.Changes;

/// <summary>One row of the change log.</summary>
public sealed record ChangeLogEntry(long Sequence, string Name, string Version, string Kind, string Status, DateTimeOffset OccurredAt);
