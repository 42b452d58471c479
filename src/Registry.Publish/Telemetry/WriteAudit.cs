using Registry.Auth.Permissions;
using Registry.Data.Audit;
using Registry.Domain.Audit;
using Registry.Domain.Errors;
using Registry.Domain.Versions;
using Registry.ServiceHosting;

namespace Registry.Publish.Telemetry;

/// <summary>
/// The audit row of each write: the caller as its token says (nothing before the token was accepted), the
/// permissions the write relied on, the client address as the gateway saw it, and how it ended. The token and the
/// <c>Authorization</c> header are never read here.
/// </summary>
public sealed class WriteAudit(AuditTrailWriter trail, IHttpContextAccessor http)
{
    public const int SucceededStatus = 200;

    /// <param name="detail">The status a status change sets, or the annotation key of an annotation.</param>
    public Task RecordAsync(
        WriteOperation operation, WriteProgress progress, string? serverName, string? version, string? detail, string outcome, int statusCode)
    {
        var action = ActionOf(operation, detail);
        var claims = progress.Claims;
        return trail.AppendAsync(new AuditEntry(
            claims?.Subject ?? "",
            claims?.AuthMethod ?? "",
            claims is null ? [] : PermissionsUsed(claims.Permissions, action, action == AuditActions.Annotate ? detail : serverName),
            ClientAddress.Of(http.HttpContext),
            action,
            serverName,
            version,
            detail,
            outcome,
            statusCode));
    }

    /// <summary>
    /// Publish, edit and annotate are named as their actions; a status change to deleted (what DELETE on a version
    /// sends) is recorded as a delete.
    /// </summary>
    private static string ActionOf(WriteOperation operation, string? status)
    {
        if (operation == WriteOperation.StatusChange)
        {
            return status == StatusChange.Deletion.Status ? AuditActions.Delete : AuditActions.Status;
        }

        return operation.Name;
    }

    /// <summary>The held permissions a write of this action checks, and whose pattern matches what it wrote.</summary>
    private static IReadOnlyList<string> PermissionsUsed(IEnumerable<Permission> held, string action, string? target)
    {
        string[] needed = action switch
        {
            AuditActions.Status or AuditActions.Delete => [PermissionActions.Publish, PermissionActions.Edit],
            AuditActions.Publish => [PermissionActions.Publish],
            AuditActions.Edit => [PermissionActions.Edit],
            AuditActions.Annotate => [PermissionActions.Annotate],
            _ => [],
        };
        return held
            .Where(p => needed.Contains(p.Action) && target is not null && PermissionMatcher.Matches(p.Resource, target))
            .Select(p => $"{p.Action}:{p.Resource}")
            .ToList();
    }
}
