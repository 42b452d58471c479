using Registry.Data.ServerLists;

namespace Registry.Data.Mirroring;

/// <summary>
/// A server version as an upstream registry reports it: the document to store and the registry metadata to keep
/// as is. <see cref="AdmitNew"/> false means the version is only followed if it is already stored (a status filter
/// keeps it out of the mirror, but a copy taken earlier must not go stale).
/// </summary>
public sealed record MirroredVersion(
    string Name,
    string Version,
    string Document,
    string Status,
    string? StatusMessage,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StatusChangedAt,
    bool IsLatest,
    bool AdmitNew = true)
{
    /// <summary>Null when the entry carries no official metadata or no publication time: nothing to mirror faithfully.</summary>
    public static MirroredVersion? FromUpstream(ServerListEntry entry)
    {
        if (entry.Official is not { PublishedAt: { } publishedAt } official)
        {
            return null;
        }

        var updatedAt = official.UpdatedAt ?? publishedAt;
        return new MirroredVersion(
            entry.Name,
            entry.Version,
            entry.Document,
            official.Status,
            official.StatusMessage,
            publishedAt,
            updatedAt,
            official.StatusChangedAt ?? publishedAt,
            official.IsLatest);
    }
}
