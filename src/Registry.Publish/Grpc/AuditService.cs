using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Registry.Contracts.V0;
using Registry.Data.Audit;
using Registry.Data.Rendering;
using Registry.Domain.Audit;
using Registry.Publish.Auth;

namespace Registry.Publish.Grpc;

/// <summary>
/// The audit trail, for administrators: a registry token with the audit permission (401 without a good token, 403
/// without the permission), then the filters (422). Reading it is not itself audited.
/// </summary>
public sealed class AuditService(WriteAuthorization authorization, AuditTrailReader trail) : Contracts.V0.Audit.AuditBase
{
    public override async Task<AuditEventList> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var filter = Authorize(request, context, export: false);
        var page = AuditResponseMapper.ToPage(await trail.ReadPageAsync(filter, context.CancellationToken), filter.After);
        if (page.Events.Count == 0)
        {
            ServiceHosting.EmptyArrayFields.Mark(context, "events");
        }

        return page;
    }

    /// <summary>Rows are read one by one as they are written out, but a unary answer holds the whole body.</summary>
    public override async Task<HttpBody> ExportAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var filter = Authorize(request, context, export: true);
        using var lines = new MemoryStream();
        await AuditJsonLines.WriteAsync(lines, trail.StreamAsync(filter, context.CancellationToken), context.CancellationToken);
        return new HttpBody { ContentType = AuditJsonLines.ContentType, Data = ByteString.CopyFrom(lines.GetBuffer(), 0, (int)lines.Length) };
    }

    private AuditFilter Authorize(ListAuditEventsRequest request, ServerCallContext context, bool export)
    {
        WriteAuthorization.RequireAudit(authorization.Authenticate(context.RequestHeaders.GetValue("authorization")));
        return AuditQueryRules.Build(
            request.HasAfter ? request.After : null,
            request.HasLimit ? request.Limit : null,
            request.HasActor ? request.Actor : null,
            request.HasServerName ? request.ServerName : null,
            request.HasSince ? request.Since : null,
            request.HasUntil ? request.Until : null,
            request.HasAction ? request.Action : null,
            request.HasOutcome ? request.Outcome : null,
            export);
    }
}
