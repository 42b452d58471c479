using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using Registry.Domain.Audit;

namespace Registry.Data.Audit;

/// <summary>
/// Reads the audit trail in id order, after a keyset position, with only the filters given in the statement so each
/// can use its index. A page reads <see cref="AuditFilter.Limit"/> rows; the export streams every match.
/// </summary>
public sealed class AuditTrailReader(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "SELECT id, occurred_at, actor, auth_method, permissions, client_address, action, server_name, version, detail, outcome, status_code FROM audit_events";

    public async Task<IReadOnlyList<AuditEvent>> ReadPageAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var audited in ReadAsync(filter, filter.Limit, cancellationToken))
        {
            events.Add(audited);
        }

        return events;
    }

    /// <summary>Every event the filter matches, whatever its limit, read row by row as the caller consumes them.</summary>
    public IAsyncEnumerable<AuditEvent> StreamAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        ReadAsync(filter, null, cancellationToken);

    private async IAsyncEnumerable<AuditEvent> ReadAsync(AuditFilter filter, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var conditions = new List<string> { "id > @after" };
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Bigint) { Value = filter.After });
        AddText(command, conditions, "actor", filter.Actor);
        AddText(command, conditions, "server_name", filter.ServerName);
        AddText(command, conditions, "action", filter.Action);
        AddText(command, conditions, "outcome", filter.Outcome);
        AddTime(command, conditions, "occurred_at >= @since", "since", filter.Since);
        AddTime(command, conditions, "occurred_at < @until", "until", filter.Until);
        command.CommandText = $"{Columns} WHERE {string.Join(" AND ", conditions)} ORDER BY id" + (limit is null ? "" : " LIMIT @limit");
        if (limit is { } pageSize)
        {
            command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = pageSize });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditEvent(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), new AuditEntry(
                reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4), reader.GetString(5), reader.GetString(6),
                NullableText(reader, 7), NullableText(reader, 8), NullableText(reader, 9), reader.GetString(10), reader.GetInt32(11)));
        }
    }

    private static void AddText(NpgsqlCommand command, List<string> conditions, string column, string? value)
    {
        if (value is not null)
        {
            conditions.Add($"{column} = @{column}");
            command.Parameters.Add(new NpgsqlParameter(column, NpgsqlDbType.Text) { Value = value });
        }
    }

    private static void AddTime(NpgsqlCommand command, List<string> conditions, string condition, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            conditions.Add(condition);
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = time.ToUniversalTime() });
        }
    }

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
