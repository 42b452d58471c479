using Registry.Data.Audit;
using Registry.Domain.Audit;
using Registry.Mirror.Upstream;

namespace Registry.Mirror.Sync;

/// <summary>
/// One audit row per mirror page that wrote versions, or that failed: the mirror writes under no token, so its
/// actor and auth method are both <c>mirror</c>. A page that changed nothing (an idle poll, or the overlap every pass
/// reads again) leaves no row, so an idle mirror does not fill the trail.
/// </summary>
public sealed class MirrorAudit(AuditTrailWriter trail)
{
    public const string Actor = "mirror";
    private const int ImportedStatus = 200;
    private const int UpstreamFailedStatus = 502;
    private const int ImportFailedStatus = 500;

    /// <param name="versions">The versions the page brought past the filter; <paramref name="written"/> of them changed a row.</param>
    public Task ImportedAsync(string upstream, int versions, int written) =>
        written == 0
            ? Task.CompletedTask
            : RecordAsync($"{written} of {versions} versions written from {upstream}", AuditOutcomes.Succeeded, ImportedStatus);

    public Task FailedAsync(string upstream, Exception failure) =>
        RecordAsync($"page from {upstream} not imported: {failure.GetType().Name}", AuditOutcomes.Failed,
            failure is UpstreamException ? UpstreamFailedStatus : ImportFailedStatus);

    private Task RecordAsync(string detail, string outcome, int statusCode) =>
        trail.AppendAsync(new AuditEntry(Actor, Actor, [], "", AuditActions.Mirror, null, null, detail, outcome, statusCode));
}
