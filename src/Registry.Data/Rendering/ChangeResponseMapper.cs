using Google.Protobuf.WellKnownTypes;
using Registry.Contracts.V0;
using Registry.Data.Changes;

namespace Registry.Data.Rendering;

/// <summary>Turns change-log rows into the wire messages of the contract.</summary>
public static class ChangeResponseMapper
{
    public static ServerChange ToMessage(ChangeLogEntry entry) => new()
    {
        Sequence = entry.Sequence,
        ServerName = entry.Name,
        Version = entry.Version,
        Kind = entry.Kind,
        Status = entry.Status,
        OccurredAt = Timestamp.FromDateTimeOffset(entry.OccurredAt),
    };

    /// <summary>A page in either order; <c>nextAfter</c>, the highest sequence on it, is always set, so a poller can pass it back whether or not the page was empty.</summary>
    public static ChangeList ToPage(IReadOnlyList<ChangeLogEntry> entries, long after)
    {
        var page = new ChangeList
        {
            Metadata = new ChangeListMetadata { Count = entries.Count, NextAfter = entries.Count > 0 ? entries.Max(e => e.Sequence) : after },
        };
        page.Changes.AddRange(entries.Select(ToMessage));
        return page;
    }
}
