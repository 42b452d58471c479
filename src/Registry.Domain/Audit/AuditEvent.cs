namespace Registry.Domain.Audit;

/// <summary>A recorded <see cref="AuditEntry"/>: its place in the trail and when it was written.</summary>
public sealed record AuditEvent(long Id, DateTimeOffset OccurredAt, AuditEntry Entry);
