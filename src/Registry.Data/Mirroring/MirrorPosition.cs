namespace Registry.Data.Mirroring;

/// <summary>
/// Where the mirror stands in the upstream's history. Between passes only <see cref="HighWaterMark"/> is set; during
/// a pass <see cref="Pass"/> says how to ask for the next page, so a restart continues the pass where it stopped.
/// </summary>
public sealed record MirrorPosition(DateTimeOffset? HighWaterMark, MirrorPass? Pass)
{
    public static readonly MirrorPosition Start = new(null, null);
}

/// <summary>
/// A pass in progress: the <c>updated_since</c> it asks with, the <c>nextCursor</c> after its last imported page,
/// the upstream's clock when it began and the newest <c>updatedAt</c> read so far (both decide the next mark).
/// </summary>
public sealed record MirrorPass(DateTimeOffset Since, string Cursor, DateTimeOffset StartedAt, DateTimeOffset? MaxUpdatedAt);
