using System.Text;
using Npgsql;
using NpgsqlTypes;
using Registry.Domain.Listing;
using Registry.Domain.Versions;

namespace Registry.Data.Servers;

/// <summary>
/// The catalog's queries. Listing uses keyset paging on the (server_name, version) primary key, so a page costs
/// the same at any depth; there is no OFFSET anywhere.
/// </summary>
public sealed class ServerReadStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ServerVersionRecord>> ListAsync(ServerListQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {ServerRecordReader.Columns} FROM servers WHERE TRUE");
        if (query.After is { Version: { } afterVersion } after)
        {
            sql.Append(" AND (server_name, version) > (@after_name, @after_version)");
            command.Parameters.Add(Text("after_name", after.Name));
            command.Parameters.Add(Text("after_version", afterVersion));
        }
        else if (query.After is { } bareName)
        {
            sql.Append(" AND server_name > @after_name");
            command.Parameters.Add(Text("after_name", bareName.Name));
        }

        if (query.Search is { } search)
        {
            // Like the official registry, % and _ in the term keep their LIKE meaning.
            sql.Append(" AND server_name ILIKE '%' || @search || '%'");
            command.Parameters.Add(Text("search", search));
        }

        if (query.UpdatedSince is { } since)
        {
            sql.Append(" AND updated_at > @updated_since");
            command.Parameters.Add(new NpgsqlParameter("updated_since", NpgsqlDbType.TimestampTz) { Value = since.UtcDateTime });
        }

        if (query.LatestOnly)
        {
            sql.Append(" AND is_latest");
        }
        else if (query.ExactVersion is { } version)
        {
            sql.Append(" AND version = @version");
            command.Parameters.Add(Text("version", version));
        }

        if (!query.IncludeDeleted)
        {
            sql.Append(" AND status <> 'deleted'");
        }

        sql.Append(" ORDER BY server_name, version LIMIT @limit");
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = query.Limit });
        command.CommandText = sql.ToString();
        return await ServerRecordReader.ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ServerVersionRecord>> ListVersionsAsync(string name, bool includeDeleted, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {ServerRecordReader.Columns} FROM servers WHERE server_name = @name" +
            (includeDeleted ? "" : " AND status <> 'deleted'") +
            " ORDER BY published_at DESC, version DESC");
        command.Parameters.Add(Text("name", name));
        return await ServerRecordReader.ReadAllAsync(command, cancellationToken);
    }

    /// <summary>One version, or the latest one; a deleted latest is not found unless deleted rows are asked for.</summary>
    public async Task<ServerVersionRecord?> GetVersionAsync(string name, string version, bool includeDeleted, CancellationToken cancellationToken)
    {
        var latest = version == ServerListQueryRules.LatestVersion;
        await using var command = dataSource.CreateCommand(
            $"SELECT {ServerRecordReader.Columns} FROM servers WHERE server_name = @name" +
            (latest ? " AND is_latest" : " AND version = @version") +
            (includeDeleted ? "" : $" AND status <> '{ServerStatus.Deleted}'"));
        command.Parameters.Add(Text("name", name));
        if (!latest)
        {
            command.Parameters.Add(Text("version", version));
        }

        var records = await ServerRecordReader.ReadAllAsync(command, cancellationToken);
        return records.Count == 0 ? null : records[0];
    }

    private static NpgsqlParameter Text(string name, string value) => new(name, NpgsqlDbType.Text) { Value = value };
}
