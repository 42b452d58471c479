using Npgsql;
using NpgsqlTypes;
using Registry.Data.Visibility;

namespace Registry.Data.Changes;

/// <summary>Reads the change log in sequence order; the primary key serves every read.</summary>
public sealed class ChangeLogReader(NpgsqlDataSource dataSource)
{
    internal const string LatestSequenceSql = "SELECT coalesce(max(sequence), 0) FROM server_changes";

    private const string Columns = "SELECT sequence, server_name, version, kind, status, occurred_at FROM server_changes";

    public Task<IReadOnlyList<ChangeLogEntry>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken) =>
        ReadAfterAsync(after, limit, [], cancellationToken);

    /// <summary>Entries after <paramref name="after"/>, leaving out names under <paramref name="hiddenPrefixes"/>.</summary>
    public Task<IReadOnlyList<ChangeLogEntry>> ReadAfterAsync(
        long after, int limit, IReadOnlyList<string> hiddenPrefixes, CancellationToken cancellationToken) =>
        ReadAsync("ORDER BY sequence", after, limit, hiddenPrefixes, cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries after <paramref name="after"/>, the highest sequence first.</summary>
    public Task<IReadOnlyList<ChangeLogEntry>> ReadNewestAfterAsync(
        long after, int limit, IReadOnlyList<string> hiddenPrefixes, CancellationToken cancellationToken) =>
        ReadAsync("ORDER BY sequence DESC", after, limit, hiddenPrefixes, cancellationToken);

    private async Task<IReadOnlyList<ChangeLogEntry>> ReadAsync(
        string order, long after, int limit, IReadOnlyList<string> hiddenPrefixes, CancellationToken cancellationToken)
    {
        var visible = hiddenPrefixes.Count == 0 ? "" : " AND " + HiddenNames.Condition("server_name");
        await using var command = dataSource.CreateCommand($"{Columns} WHERE sequence > @after{visible} {order} LIMIT @limit");
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Bigint) { Value = after });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        if (hiddenPrefixes.Count > 0)
        {
            HiddenNames.Bind(command, hiddenPrefixes);
        }

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
