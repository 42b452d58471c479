using Google.Protobuf.WellKnownTypes;
using Registry.Contracts.V0;
using Registry.Domain.Audit;

namespace Registry.Data.Rendering;

/// <summary>Turns audit rows into the wire messages of the contract.</summary>
public static class AuditResponseMapper
{
    public static Contracts.V0.AuditEvent ToMessage(Domain.Audit.AuditEvent audited)
    {
        var entry = audited.Entry;
        var message = new Contracts.V0.AuditEvent
        {
            Id = audited.Id,
            OccurredAt = Timestamp.FromDateTimeOffset(audited.OccurredAt),
            Actor = entry.Actor,
            AuthMethod = entry.AuthMethod,
            ClientAddress = entry.ClientAddress,
            Action = entry.Action,
            Outcome = entry.Outcome,
            StatusCode = entry.StatusCode,
        };
        message.Permissions.AddRange(entry.Permissions);
        if (entry.ServerName is not null)
        {
            message.ServerName = entry.ServerName;
        }

        if (entry.Version is not null)
        {
            message.Version = entry.Version;
        }

        if (entry.Detail is not null)
        {
            message.Detail = entry.Detail;
        }

        return message;
    }

    /// <summary><c>nextAfter</c> is the last id of the page, or the request's position when it is empty, so a poller can always pass it back.</summary>
    public static AuditEventList ToPage(IReadOnlyList<Domain.Audit.AuditEvent> events, long after)
    {
        var page = new AuditEventList
        {
            Metadata = new AuditListMetadata { Count = events.Count, NextAfter = events.Count > 0 ? events[^1].Id : after },
        };
        page.Events.AddRange(events.Select(ToMessage));
        return page;
    }
}
