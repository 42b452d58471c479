namespace Registry.Mirror.Status;

/// <summary>The body of <c>GET /status</c>.</summary>
public sealed record MirrorStatus(
    bool Enabled,
    string? Upstream,
    DateTimeOffset? LastSuccessfulSyncAt,
    MirrorStatusPosition? Position,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    long MirroredVersions);

/// <summary>
/// The high-water mark (upstream time up to which everything is imported) and, during a pass, the cursor after
/// the last imported page and the <c>updated_since</c> that pass asks with.
/// </summary>
public sealed record MirrorStatusPosition(DateTimeOffset? HighWaterMark, DateTimeOffset? PassUpdatedSince, string? PassCursor);
