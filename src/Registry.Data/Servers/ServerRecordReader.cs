using Npgsql;

namespace Registry.Data.Servers;

/// <summary>Reads rows selected with <see cref="Columns"/> into records.</summary>
internal static class ServerRecordReader
{
    public const string Columns =
        "server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, " +
        "coalesce(wire_json, value::text), wire_json IS NOT NULL";

    /// <summary>Reads the <see cref="Columns"/> starting at ordinal <paramref name="first"/>.</summary>
    public static ServerVersionRecord Read(NpgsqlDataReader reader, int first = 0) => new(
        Name: reader.GetString(first + 0),
        Version: reader.GetString(first + 1),
        Status: reader.GetString(first + 2),
        StatusMessage: reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
        StatusChangedAt: reader.GetFieldValue<DateTimeOffset>(first + 4),
        PublishedAt: reader.GetFieldValue<DateTimeOffset>(first + 5),
        UpdatedAt: reader.GetFieldValue<DateTimeOffset>(first + 6),
        IsLatest: reader.GetBoolean(first + 7),
        Document: reader.GetString(first + 8),
        DocumentIsWireJson: reader.GetBoolean(first + 9));

    public static async Task<List<ServerVersionRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ServerVersionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }
}
