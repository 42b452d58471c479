namespace Registry.Domain.Audit;

/// <summary>How an audited write ended: done, refused with a 4xx or a deliberate 5xx, or broken by an unexpected failure.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Refused = "refused";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Succeeded, Refused, Failed];
}
