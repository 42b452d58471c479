using NuGet.Versioning;

namespace Registry.Domain.Versions;

/// <summary>
/// Decides whether a newly published version takes "latest" from the current one: semantic versions
/// compare by semver precedence; a semantic version beats a non-semantic one either way round; two
/// non-semantic versions compare by publication time, so the newer publication wins. Since status changes
/// recalculate it (as the official registry does since 2026), "latest" is the best version not deleted, or the best of all when every one is.
/// </summary>
public static class ServerVersionOrdering
{
    /// <summary>The official definition: valid semver with exactly three numeric core parts (so "1.0" is not).</summary>
    public static bool IsSemantic(string version) => TryParseSemantic(version, out _);

    public static bool IsNewer(string candidate, DateTimeOffset candidatePublishedAt, string current, DateTimeOffset currentPublishedAt)
    {
        var candidateIsSemantic = TryParseSemantic(candidate, out var candidateVersion);
        var currentIsSemantic = TryParseSemantic(current, out var currentVersion);
        return (candidateIsSemantic, currentIsSemantic) switch
        {
            (true, true) => VersionComparer.VersionRelease.Compare(candidateVersion, currentVersion) > 0,
            (true, false) => true,
            (false, true) => false,
            _ => candidatePublishedAt >= currentPublishedAt,
        };
    }

    /// <summary>The version that holds "latest" of a name; null only when there are no versions.</summary>
    public static VersionCandidate? ChooseLatest(IReadOnlyCollection<VersionCandidate> versions) =>
        Best(versions.Where(v => v.Status != ServerStatus.Deleted)) ?? Best(versions);

    /// <summary>
    /// What publishing the versions one by one in publication order would leave latest, so that among versions
    /// of equal precedence (1.0.0 and v1.0.0, or two build metadata) the earliest publication stays best.
    /// </summary>
    public static VersionCandidate? Best(IEnumerable<VersionCandidate> versions) =>
        versions
            .OrderBy(v => v.PublishedAt)
            .ThenBy(v => v.Version, StringComparer.Ordinal)
            .Aggregate((VersionCandidate?)null, (best, next) =>
                best is null || IsNewer(next.Version, next.PublishedAt, best.Version, best.PublishedAt) ? next : best);

    private static bool TryParseSemantic(string version, out SemanticVersion parsed)
    {
        parsed = null!;
        var text = version.StartsWith('v') ? version[1..] : version;
        var core = text.Split('-', '+')[0];
        if (core.Split('.').Length != 3)
        {
            return false;
        }

        if (!SemanticVersion.TryParse(text, out var semver))
        {
            return false;
        }

        parsed = semver;
        return true;
    }
}
