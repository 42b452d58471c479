using Npgsql;
using NpgsqlTypes;
using Registry.Data.Rendering;

namespace Registry.Data.Migrations;

/// <summary>
/// Renders <c>wire_json</c> for rows written before it existed, a batch at a time. A row whose document changed
/// between the read and the write keeps its NULL (its writer rendered it, or a reader renders it on the fly).
/// </summary>
public sealed class WireJsonBackfill(NpgsqlDataSource dataSource)
{
    private const int BatchSize = 500;

    /// <summary>Returns how many rows were rendered.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var after = ("", "");
        while (true)
        {
            var batch = await ReadBatchAsync(after, cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            total += await WriteBatchAsync(batch, cancellationToken);
            after = (batch[^1].Name, batch[^1].Version);
        }
    }

    private sealed record Row(string Name, string Version, string Document);

    private async Task<List<Row>> ReadBatchAsync((string Name, string Version) after, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT server_name, version, value::text FROM servers WHERE wire_json IS NULL AND (server_name, version) > (@name, @version) " +
            "ORDER BY server_name, version LIMIT @batch");
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = after.Name });
        command.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Text) { Value = after.Version });
        command.Parameters.Add(new NpgsqlParameter("batch", NpgsqlDbType.Integer) { Value = BatchSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private async Task<int> WriteBatchAsync(IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE servers s SET wire_json = r.wire_json
            FROM unnest(@names, @versions, @documents, @renderings) AS r(server_name, version, document, wire_json)
            WHERE s.server_name = r.server_name AND s.version = r.version AND s.wire_json IS NULL AND s.value = r.document::jsonb
            """);
        command.Parameters.Add(TextArray("names", rows.Select(r => r.Name)));
        command.Parameters.Add(TextArray("versions", rows.Select(r => r.Version)));
        command.Parameters.Add(TextArray("documents", rows.Select(r => r.Document)));
        command.Parameters.Add(TextArray("renderings", rows.Select(r => ServerWireJson.Render(r.Document))));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter TextArray(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
