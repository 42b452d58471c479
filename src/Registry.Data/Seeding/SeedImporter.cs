using Npgsql;
using NpgsqlTypes;
using Registry.Data.Changes;
using Registry.Data.Servers;
using Registry.Domain.Versions;

namespace Registry.Data.Seeding;

/// <summary>
/// Imports server versions idempotently: a (name, version) already stored is left alone, so the same seed can be
/// imported at every start. Entries with official metadata keep their status, timestamps and latest flag; plain
/// documents are stored as fresh active publications with latest decided by the versioning rules. Each version
/// imported is logged as published, with the status it was imported in.
/// </summary>
public sealed class SeedImporter(NpgsqlDataSource dataSource)
{
    public sealed record Result(int Inserted, int AlreadyPresent);

    public async Task<Result> ImportAsync(IReadOnlyList<SeedEntry> entries, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var group in entries.GroupBy(e => e.Name, StringComparer.Ordinal))
        {
            inserted += await ImportNameAsync(group.Key, group.ToList(), cancellationToken);
        }

        return new Result(inserted, entries.Count - inserted);
    }

    private async Task<int> ImportNameAsync(string name, IReadOnlyList<SeedEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand(NameLock.Sql, connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("lock_name", name);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var importedAt = DateTimeOffset.UtcNow;
        var changes = new List<NewServerChange>();
        foreach (var entry in entries)
        {
            if (await ExistsAsync(connection, transaction, entry, cancellationToken))
            {
                continue;
            }

            var official = entry.Official;
            var publishedAt = official?.PublishedAt ?? DateTimeOffset.UtcNow;
            var becomesLatest = official?.IsLatest
                ?? await OutranksCurrentLatestAsync(connection, transaction, entry, publishedAt, cancellationToken);
            if (becomesLatest)
            {
                await ClearLatestAsync(connection, transaction, name, cancellationToken);
            }

            await InsertAsync(connection, transaction, entry, becomesLatest, publishedAt, cancellationToken);
            changes.Add(new NewServerChange(name, entry.Version, ServerChangeKind.Published, official?.Status ?? ServerStatus.Active, importedAt));
        }

        await ChangeLog.AppendAsync(connection, transaction, changes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changes.Count;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SeedEntry entry, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM servers WHERE server_name = @name AND version = @version", connection, transaction);
        command.Parameters.AddWithValue("name", entry.Name);
        command.Parameters.AddWithValue("version", entry.Version);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<bool> OutranksCurrentLatestAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SeedEntry entry, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, published_at FROM servers WHERE server_name = @name AND is_latest", connection, transaction);
        command.Parameters.AddWithValue("name", entry.Name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return true;
        }

        return ServerVersionOrdering.IsNewer(entry.Version, publishedAt, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private static async Task ClearLatestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE servers SET is_latest = FALSE WHERE server_name = @name AND is_latest", connection, transaction);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        SeedEntry entry,
        bool isLatest,
        DateTimeOffset publishedAt,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO servers (server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value, wire_json)
            VALUES (@name, @version, @status, @status_message, @status_changed_at, @published_at, @updated_at, @is_latest, @value, @wire_json)
            """,
            connection,
            transaction);
        var official = entry.Official;
        command.Parameters.AddWithValue("name", entry.Name);
        command.Parameters.AddWithValue("version", entry.Version);
        command.Parameters.AddWithValue("status", official?.Status ?? ServerStatus.Active);
        command.Parameters.AddWithValue("status_message", NpgsqlDbType.Text, (object?)official?.StatusMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("status_changed_at", (official?.StatusChangedAt ?? publishedAt).UtcDateTime);
        command.Parameters.AddWithValue("published_at", publishedAt.UtcDateTime);
        command.Parameters.AddWithValue("updated_at", (official?.UpdatedAt ?? publishedAt).UtcDateTime);
        command.Parameters.AddWithValue("is_latest", isLatest);
        command.Parameters.AddWithValue("value", NpgsqlDbType.Jsonb, entry.Document);
        command.Parameters.AddWithValue("wire_json", NpgsqlDbType.Text, ServerWireJson.Render(entry.Document));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
