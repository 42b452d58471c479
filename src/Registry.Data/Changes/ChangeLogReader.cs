using Npgsql;
using NpgsqlTypes;

namespace Registry.Data.Changes;

/// <summary>Reads the change log in sequence order; the primary key serves every read.</summary>
public sealed class ChangeLogReader(NpgsqlDataSource dataSource)
{
    internal const string LatestSequenceSql = "SELECT coalesce(max(sequence), 0) FROM server_changes";

    private const string Columns = "SELECT sequence, server_name, version, kind, status, occurred_at FROM server_changes";

    public Task<IReadOnlyList<ChangeLogEntry>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync($"{Columns} WHERE sequence > @after ORDER BY sequence LIMIT @limit", after, limit, cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries after <paramref name="after"/>, the highest sequence first.</summary>
    public Task<IReadOnlyList<ChangeLogEntry>> ReadNewestAfterAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync($"{Columns} WHERE sequence > @after ORDER BY sequence DESC LIMIT @limit", after, limit, cancellationToken);

    private async Task<IReadOnlyList<ChangeLogEntry>> ReadAsync(string sql, long after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Bigint) { Value = after });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ChangeLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ChangeLogEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return entries;
    }

    /// <summary>The highest sequence committed so far; 0 when the log is empty.</summary>
    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(LatestSequenceSql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
