namespace Registry.Mirror.Sync;

/// <summary>What one pass over the upstream did.</summary>
public sealed record MirrorPassSummary(int Pages, int Read, int Written, int Rejected);
