using Registry.Data.Changes;
using Registry.Data.Rendering;
using Registry.Data.ServerLists;
using Registry.Data.Writes;
using Registry.Domain.Versions;

namespace Registry.Data.Seeding;

/// <summary>
/// Imports the entries of one name that already has versions, inside a write transaction holding the name's lock:
/// latest is decided against the stored rows. A (name, version) already stored is left alone.
/// </summary>
internal static class SeedNameImport
{
    /// <summary>The changes to log, one <c>published</c> per version inserted.</summary>
    public static async Task<IReadOnlyList<NewServerChange>> ImportAsync(
        WriteTransaction transaction, string name, IEnumerable<ServerListEntry> entries, CancellationToken cancellationToken)
    {
        var changes = new List<NewServerChange>();
        var plainCount = 0;
        foreach (var entry in entries)
        {
            if (await transaction.ScalarAsync("SELECT 1 FROM servers WHERE server_name = @name AND version = @version",
                    cancellationToken, ("name", name), ("version", entry.Version)) is not null)
            {
                continue;
            }

            var official = entry.Official;
            // One microsecond apart, as in SeedRowPlan: publication order follows input order within one import.
            var publishedAt = official?.PublishedAt ?? transaction.Now.AddTicks(10 * plainCount++);
            var becomesLatest = official?.IsLatest ?? await OutranksCurrentLatestAsync(transaction, entry, publishedAt, cancellationToken);
            if (becomesLatest)
            {
                await transaction.ExecuteAsync("UPDATE servers SET is_latest = FALSE WHERE server_name = @name AND is_latest", cancellationToken, ("name", name));
            }

            await InsertAsync(transaction, entry, becomesLatest, publishedAt, cancellationToken);
            changes.Add(new NewServerChange(name, entry.Version, ServerChangeKind.Published, official?.Status ?? ServerStatus.Active, transaction.Now));
        }

        return changes;
    }

    private static async Task<bool> OutranksCurrentLatestAsync(
        WriteTransaction transaction, ServerListEntry entry, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        var latest = await transaction.RowsAsync(
            "SELECT version, published_at FROM servers WHERE server_name = @name AND is_latest",
            row => (Version: row.GetString(0), PublishedAt: row.GetFieldValue<DateTimeOffset>(1)),
            cancellationToken, ("name", entry.Name));
        return latest.Count == 0 || ServerVersionOrdering.IsNewer(entry.Version, publishedAt, latest[0].Version, latest[0].PublishedAt);
    }

    private static Task<int> InsertAsync(
        WriteTransaction transaction, ServerListEntry entry, bool isLatest, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        var official = entry.Official;
        return transaction.ExecuteAsync(
            """
            INSERT INTO servers (server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value, wire_json)
            VALUES (@name, @version, @status, @status_message, @status_changed_at, @published_at, @updated_at, @is_latest, @value, @wire_json)
            """,
            cancellationToken,
            ("name", entry.Name),
            ("version", entry.Version),
            ("status", official?.Status ?? ServerStatus.Active),
            ("status_message", official?.StatusMessage),
            ("status_changed_at", official?.StatusChangedAt ?? publishedAt),
            ("published_at", publishedAt),
            ("updated_at", official?.UpdatedAt ?? publishedAt),
            ("is_latest", isLatest),
            ("value", new JsonText(entry.Document)),
            ("wire_json", ServerWireJson.Render(entry.Document)));
    }
}
