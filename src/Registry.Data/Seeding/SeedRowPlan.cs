using Registry.Data.ServerLists;
using Registry.Domain.Versions;

namespace Registry.Data.Seeding;

/// <summary>
/// Decides in memory what <see cref="SeedImporter"/> would store for names that have no rows yet: entries are
/// taken in input order, a repeated (name, version) is skipped, official metadata keeps its status, timestamps and
/// latest flag, and a plain document takes latest when it outranks the latest so far by the versioning rules.
/// </summary>
public static class SeedRowPlan
{
    public sealed record Row(
        string Name,
        string Version,
        string Status,
        string? StatusMessage,
        DateTimeOffset StatusChangedAt,
        DateTimeOffset PublishedAt,
        DateTimeOffset UpdatedAt,
        bool IsLatest,
        string Document);

    public static IReadOnlyList<Row> For(IEnumerable<ServerListEntry> entries, DateTimeOffset now)
    {
        var rows = new List<Row>();
        var plainCount = 0;
        foreach (var group in entries.GroupBy(e => e.Name, StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int? latest = null;
            foreach (var entry in group.Where(e => seen.Add(e.Version)))
            {
                var official = entry.Official;
                // Plain documents are stamped one microsecond apart (PostgreSQL's resolution) so that publication
                // order follows input order, as it does when they are imported one by one.
                var publishedAt = official?.PublishedAt ?? now.AddTicks(10 * plainCount++);
                var becomesLatest = official?.IsLatest
                    ?? (latest is not { } current
                        || ServerVersionOrdering.IsNewer(entry.Version, publishedAt, rows[current].Version, rows[current].PublishedAt));
                if (becomesLatest)
                {
                    if (latest is { } previous)
                    {
                        rows[previous] = rows[previous] with { IsLatest = false };
                    }

                    latest = rows.Count;
                }

                rows.Add(new Row(
                    entry.Name,
                    entry.Version,
                    official?.Status ?? ServerStatus.Active,
                    official?.StatusMessage,
                    official?.StatusChangedAt ?? publishedAt,
                    publishedAt,
                    official?.UpdatedAt ?? publishedAt,
                    becomesLatest,
                    entry.Document));
            }
        }

        return rows;
    }
}
