using Registry.Data.Mirroring;

namespace Registry.Mirror.Upstream;

/// <summary>
/// One page of the upstream's list. <see cref="UpstreamTime"/> is the upstream's clock when it answered (its
/// <c>Date</c> header), which bounds what the page can have missed.
/// </summary>
public sealed record UpstreamPage(
    IReadOnlyList<MirroredVersion> Versions,
    IReadOnlyList<string> Rejected,
    string? NextCursor,
    DateTimeOffset UpstreamTime);
