using Npgsql;
using NpgsqlTypes;
using Registry.Data.Changes;
using Registry.Data.Servers;

namespace Registry.Data.Mirroring;

/// <summary>
/// Writes one upstream page and the position after it in one transaction, so a failure anywhere leaves either the
/// whole page or nothing. Versions keep the upstream's status, timestamps and latest flag. A row that already
/// matches upstream is not touched, so importing the same page again changes nothing. Each version inserted or
/// changed is appended to the change log as <c>mirrored</c>, in the same transaction, timed as its upstream
/// <c>updatedAt</c>.
/// </summary>
public sealed class MirrorImporter(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = ServerRecordReader.Columns;

    private const string UpsertSql =
        $"""
        INSERT INTO servers AS s (server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value, wire_json)
        VALUES (@name, @version, @status, @status_message, @status_changed_at, @published_at, @updated_at, @is_latest, @value, @wire_json)
        ON CONFLICT (server_name, version) DO UPDATE
        SET status = EXCLUDED.status, status_message = EXCLUDED.status_message, status_changed_at = EXCLUDED.status_changed_at,
            published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at, is_latest = EXCLUDED.is_latest, value = EXCLUDED.value,
            wire_json = EXCLUDED.wire_json
        WHERE (s.status, s.status_message, s.status_changed_at, s.published_at, s.updated_at, s.is_latest, s.value)
            IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.status_message, EXCLUDED.status_changed_at, EXCLUDED.published_at,
                              EXCLUDED.updated_at, EXCLUDED.is_latest, EXCLUDED.value)
        RETURNING {Columns}
        """;

    /// <summary>Versions this page inserted or changed, in page order.</summary>
    public sealed record Result(IReadOnlyList<ServerVersionRecord> Written)
    {
        public IReadOnlyList<string> ChangedNames => Written.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <param name="completesPass">The page is the last of a pass: the time of this import becomes the last successful sync.</param>
    public async Task<Result> ImportPageAsync(
        string upstream, IReadOnlyList<MirroredVersion> versions, MirrorPosition position, bool completesPass, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var names = versions.Select(v => v.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await LockNamesAsync(connection, transaction, names, cancellationToken);

        var written = new List<ServerVersionRecord>();
        foreach (var version in versions)
        {
            if (await WriteAsync(connection, transaction, version, cancellationToken) is { } record)
            {
                written.Add(record);
            }
        }

        var now = clock.GetUtcNow();
        await MarkMirroredAsync(connection, transaction, upstream, written, now, cancellationToken);
        await MirrorStateStore.SaveAsync(connection, transaction, upstream, position, completesPass ? now : null, cancellationToken);
        // Last: the change log's lock is shared by every writer and is held until the commit.
        await ChangeLog.AppendAsync(connection, transaction, written.Select(r => NewServerChange.Of(r, ServerChangeKind.Mirrored)).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(written);
    }

    /// <summary>Sorted, so that two importers can never wait on each other; other writers hold one name at a time.</summary>
    private static async Task LockNamesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var name in names)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(NameLock.Sql) { Parameters = { new NpgsqlParameter("lock_name", name) } });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ServerVersionRecord?> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MirroredVersion version, CancellationToken cancellationToken)
    {
        if (!version.AdmitNew && !await ExistsAsync(connection, transaction, version, cancellationToken))
        {
            // A filtered-out version that upstream made latest still means our latest of that name is no longer latest.
            if (version.IsLatest && await IsMirroredAsync(connection, transaction, version.Name, cancellationToken))
            {
                await ClearLatestAsync(connection, transaction, version, cancellationToken);
            }

            return null;
        }

        if (version.IsLatest)
        {
            await ClearLatestAsync(connection, transaction, version, cancellationToken);
        }

        await using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = version.Name });
        command.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Text) { Value = version.Version });
        command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = version.Status });
        command.Parameters.Add(new NpgsqlParameter("status_message", NpgsqlDbType.Text) { Value = (object?)version.StatusMessage ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("status_changed_at", NpgsqlDbType.TimestampTz) { Value = version.StatusChangedAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("published_at", NpgsqlDbType.TimestampTz) { Value = version.PublishedAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("updated_at", NpgsqlDbType.TimestampTz) { Value = version.UpdatedAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("is_latest", NpgsqlDbType.Boolean) { Value = version.IsLatest });
        command.Parameters.Add(new NpgsqlParameter("value", NpgsqlDbType.Jsonb) { Value = version.Document });
        command.Parameters.Add(new NpgsqlParameter("wire_json", NpgsqlDbType.Text) { Value = ServerWireJson.Render(version.Document) });
        var records = await ServerRecordReader.ReadAllAsync(command, cancellationToken);
        return records.SingleOrDefault();
    }

    private static async Task<bool> ExistsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MirroredVersion version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM servers WHERE server_name = @name AND version = @version", connection, transaction);
        command.Parameters.AddWithValue("name", version.Name);
        command.Parameters.AddWithValue("version", version.Version);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<bool> IsMirroredAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM mirrored_names WHERE server_name = @name", connection, transaction);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Before a version becomes latest, so that the one-latest-per-name index never sees two.</summary>
    private static async Task ClearLatestAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MirroredVersion version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE servers SET is_latest = FALSE WHERE server_name = @name AND is_latest AND version <> @version", connection, transaction);
        command.Parameters.AddWithValue("name", version.Name);
        command.Parameters.AddWithValue("version", version.Version);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task MarkMirroredAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string upstream,
        IReadOnlyList<ServerVersionRecord> written,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO mirrored_names (server_name, upstream, first_mirrored_at)
            SELECT DISTINCT name, @upstream, @now FROM unnest(@names) AS name
            ON CONFLICT (server_name) DO NOTHING
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = written.Select(r => r.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("upstream", NpgsqlDbType.Text) { Value = upstream });
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
