using Npgsql;

namespace Registry.Data.Servers;

/// <summary>Reads rows selected with <see cref="Columns"/> into records.</summary>
internal static class ServerRecordReader
{
    public const string Columns =
        "server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, " +
        "coalesce(wire_json, value::text), wire_json IS NOT NULL";

    public static ServerVersionRecord Read(NpgsqlDataReader reader) => new(
        Name: reader.GetString(0),
        Version: reader.GetString(1),
        Status: reader.GetString(2),
        StatusMessage: reader.IsDBNull(3) ? null : reader.GetString(3),
        StatusChangedAt: reader.GetFieldValue<DateTimeOffset>(4),
        PublishedAt: reader.GetFieldValue<DateTimeOffset>(5),
        UpdatedAt: reader.GetFieldValue<DateTimeOffset>(6),
        IsLatest: reader.GetBoolean(7),
        Document: reader.GetString(8),
        DocumentIsWireJson: reader.GetBoolean(9));

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
