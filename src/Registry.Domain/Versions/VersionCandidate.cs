namespace Registry.Domain.Versions;

/// <summary>A stored version as the choice of "latest" sees it.</summary>
public sealed record VersionCandidate(string Version, DateTimeOffset PublishedAt, string Status);
