using Npgsql;
using NpgsqlTypes;
using Registry.Data.Changes;
using Registry.Data.Servers;

namespace Registry.Data.Seeding;

/// <summary>
/// Imports a large seed with the semantics of <see cref="SeedImporter"/>, fast: versions of names the table does not
/// hold yet are planned in memory (<see cref="SeedRowPlan"/>), copied in binary into a staging table and inserted
/// with one statement. Names that already have versions go through <see cref="SeedImporter"/>, which decides
/// latest against the stored rows under the name lock.
/// </summary>
public sealed class BulkSeedImporter(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value, wire_json";

    private readonly SeedImporter perName = new(dataSource);

    public async Task<SeedImporter.Result> ImportAsync(IReadOnlyList<SeedEntry> entries, CancellationToken cancellationToken)
    {
        var present = await StoredNamesAsync(entries, cancellationToken);
        var fresh = entries.Where(e => !present.Contains(e.Name)).ToList();
        var stored = entries.Where(e => present.Contains(e.Name)).ToList();

        int inserted;
        try
        {
            inserted = await CopyAsync(SeedRowPlan.For(fresh, DateTimeOffset.UtcNow), cancellationToken);
        }
        catch (PostgresException ex) when (ex is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "servers_one_latest_per_name" })
        {
            // A writer published one of these names since they were looked up; its rows decide latest now.
            inserted = (await perName.ImportAsync(fresh, cancellationToken)).Inserted;
        }

        inserted += (await perName.ImportAsync(stored, cancellationToken)).Inserted;
        return new SeedImporter.Result(inserted, entries.Count - inserted);
    }

    private async Task<HashSet<string>> StoredNamesAsync(IReadOnlyList<SeedEntry> entries, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT server_name FROM servers WHERE server_name = ANY(@names)");
        command.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).ToArray(),
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<int> CopyAsync(IReadOnlyList<SeedRowPlan.Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TEMP TABLE seed_staging (LIKE servers INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY seed_staging ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await WriteAsync(writer, row, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var inserted = await InsertStagedAsync(connection, transaction, cancellationToken);
        await ChangeLog.AppendAsync(connection, transaction, inserted, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted.Count;
    }

    /// <summary>Moves the staged rows in; each one inserted is logged as published, like a per-name seed import.</summary>
    private static async Task<IReadOnlyList<NewServerChange>> InsertStagedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH inserted AS (
                INSERT INTO servers ({Columns}) SELECT {Columns} FROM seed_staging ORDER BY server_name, version
                ON CONFLICT (server_name, version) DO NOTHING
                RETURNING server_name, version, status, published_at)
            SELECT server_name, version, status FROM inserted ORDER BY published_at, server_name, version
            """,
            connection,
            transaction);
        var importedAt = DateTimeOffset.UtcNow;
        var changes = new List<NewServerChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new NewServerChange(reader.GetString(0), reader.GetString(1), ServerChangeKind.Published, reader.GetString(2), importedAt));
        }

        return changes;
    }

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

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
