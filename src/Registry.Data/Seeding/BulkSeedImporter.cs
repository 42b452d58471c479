using Npgsql;
using NpgsqlTypes;
using Registry.Data.Changes;
using Registry.Data.Rendering;
using Registry.Data.ServerLists;
using Registry.Data.Writes;

namespace Registry.Data.Seeding;

/// <summary>
/// Imports a large seed with the semantics of <see cref="SeedImporter"/>, fast: names are taken in write transactions
/// of up to <see cref="NamesPerTransaction"/> names each, holding their locks. Versions of names the table does not
/// hold yet are planned in memory (<see cref="SeedRowPlan"/>) and copied in binary straight into the table (a
/// staging table and an INSERT from it wrote every row twice); names that already have versions decide latest against their stored rows
/// (<see cref="SeedNameImport"/>).
/// </summary>
public sealed class BulkSeedImporter(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>
    /// Each name lock is an entry in PostgreSQL's shared lock table, which holds about 6,400 by default
    /// (<c>max_locks_per_transaction</c> 64 times the connections); a few thousand names in one transaction would
    /// leave other writers short of it.
    /// </summary>
    public const int NamesPerTransaction = 1_000;

    private const string Columns =
        "server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value, wire_json";

    public async Task<SeedImporter.Result> ImportAsync(IReadOnlyList<ServerListEntry> entries, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var names in entries.GroupBy(e => e.Name, StringComparer.Ordinal).Chunk(NamesPerTransaction))
        {
            inserted += await ImportNamesAsync(names, cancellationToken);
        }

        return new SeedImporter.Result(inserted, entries.Count - inserted);
    }

    private async Task<int> ImportNamesAsync(IReadOnlyList<IGrouping<string, ServerListEntry>> names, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(dataSource, clock, names.Select(n => n.Key), [], cancellationToken);
        var stored = await StoredNamesAsync(transaction, names, cancellationToken);
        var fresh = names.Where(n => !stored.Contains(n.Key)).SelectMany(n => n);
        var changes = new List<NewServerChange>(await CopyAsync(transaction, SeedRowPlan.For(fresh, transaction.Now), cancellationToken));
        foreach (var name in names.Where(n => stored.Contains(n.Key)))
        {
            changes.AddRange(await SeedNameImport.ImportAsync(transaction, name.Key, name, cancellationToken));
        }

        await transaction.CommitAsync(changes, cancellationToken);
        return changes.Count;
    }

    private static async Task<HashSet<string>> StoredNamesAsync(
        WriteTransaction transaction, IEnumerable<IGrouping<string, ServerListEntry>> names, CancellationToken cancellationToken)
    {
        var stored = await transaction.RowsAsync(
            "SELECT DISTINCT server_name FROM servers WHERE server_name = ANY(@names)",
            row => row.GetString(0),
            cancellationToken, ("names", names.Select(n => n.Key).ToArray()));
        return stored.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Copies the planned rows straight into the table, in key order (names and versions use the "C" collation, which
    /// orders as ordinal comparison does for the ASCII that names hold), so that a fresh table's rows lie in the order
    /// lists read them. Each row is logged as published, in publication order as a per-name import logs them. The
    /// names are locked and were absent, so every planned row is inserted and no other writer can have added a
    /// version or a latest since.
    /// </summary>
    private static async Task<IReadOnlyList<NewServerChange>> CopyAsync(
        WriteTransaction transaction, IReadOnlyList<SeedRowPlan.Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        await using (var writer = await transaction.BeginBinaryImportAsync($"COPY servers ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal))
            {
                await WriteAsync(writer, row, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return rows
            .OrderBy(r => Truncated(r.PublishedAt)).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal)
            .Select(r => new NewServerChange(r.Name, r.Version, ServerChangeKind.Published, r.Status, transaction.Now))
            .ToList();
    }

    /// <summary>PostgreSQL keeps microseconds: two times within one are equal there, and their names decide the order.</summary>
    private static long Truncated(DateTimeOffset time) => time.UtcTicks / 10;

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, SeedRowPlan.Row row, CancellationToken cancellationToken)
    {
        await writer.StartRowAsync(cancellationToken);
        await writer.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(row.Version, NpgsqlDbType.Varchar, cancellationToken);
        await writer.WriteAsync(row.Status, NpgsqlDbType.Text, cancellationToken);
        if (row.StatusMessage is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(row.StatusMessage, NpgsqlDbType.Text, cancellationToken);
        }

        await writer.WriteAsync(row.StatusChangedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await writer.WriteAsync(row.PublishedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await writer.WriteAsync(row.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await writer.WriteAsync(row.IsLatest, NpgsqlDbType.Boolean, cancellationToken);
        await writer.WriteAsync(row.Document, NpgsqlDbType.Jsonb, cancellationToken);
        await writer.WriteAsync(ServerWireJson.Render(row.Document), NpgsqlDbType.Text, cancellationToken);
    }
}
