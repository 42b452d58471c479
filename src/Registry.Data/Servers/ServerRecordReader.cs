using Npgsql;
using Registry.Data.Annotations;

namespace Registry.Data.Servers;

/// <summary>Reads rows selected with <see cref="Columns"/> or <see cref="ColumnsWithAnnotations"/> into records.</summary>
internal static class ServerRecordReader
{
    private const string RowColumns =
        "server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, " +
        "coalesce(wire_json, value::text), wire_json IS NOT NULL";

    /// <summary>For writes: the answer to a write carries no operator annotations.</summary>
    public const string Columns = RowColumns + ", NULL::text";

    /// <summary>For reads of <paramref name="table"/> (its name or alias in the query): the row and its merged annotations.</summary>
    public static string ColumnsWithAnnotations(string table) => RowColumns + ", " + AnnotationSql.MergedOf(table);

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
        DocumentIsWireJson: reader.GetBoolean(first + 9),
        Annotations: reader.IsDBNull(first + 10) ? null : reader.GetString(first + 10));

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
