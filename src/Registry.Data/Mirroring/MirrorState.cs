namespace Registry.Data.Mirroring;

/// <summary>What is persisted about one upstream: the position, the last complete pass and the last error since.</summary>
public sealed record MirrorState(
    string Upstream,
    MirrorPosition Position,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    public static MirrorState New(string upstream) => new(upstream, MirrorPosition.Start, null, null, null);
}
