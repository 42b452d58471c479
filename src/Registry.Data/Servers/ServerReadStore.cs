using Npgsql;
using NpgsqlTypes;
using Registry.Domain.Listing;
using Registry.Domain.Versions;

namespace Registry.Data.Servers;

/// <summary>
/// The catalog's queries. Listing uses keyset paging on the (server_name, version) primary key, so a page costs
/// the same at any depth; no page is found by OFFSET.
/// </summary>
public sealed class ServerReadStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A search is a substring match of the name or of the version's own description, which no index returns in key
    /// order. The candidate names come from <c>server_names</c>, one row per name however many versions it has, holding
    /// the name and its versions' descriptions; they are joined name by name to their versions, each kept when its name
    /// or its description matches, until the page is full. Every page first filters the next
    /// <see cref="ServerListSql.NearbyNames"/> names in key order: a common term fills the page there, and after a
    /// cursor it continues right after a match, and the names a term matches tend to sit together in key order (one
    /// namespace, one product). A page that does not fill nearby takes every match after the cursor: the planner walks
    /// the name key or asks the trigram index and sorts the matching names. The first page used to start there; with the
    /// descriptions, the planner's choice costs more when it is wrong. PostgreSQL execution time per first page at
    /// 100,000 versions (20,000 names, bench names and descriptions, a busy machine): a term three names in ten contain
    /// 0.6 ms nearby (19-25 ms taking every match), a term every name contains 0.5-0.7 ms, one name in twenty 0.5 ms,
    /// a rare term or none 0.3-0.6 ms nearby, then 0.3 ms.
    /// </summary>
    public async Task<IReadOnlyList<ServerVersionRecord>> ListAsync(ServerListQuery query, CancellationToken cancellationToken)
    {
        if (query.Search is null)
        {
            return await ReadPageAsync(query, query.Annotations is { Count: > 0 } ? ServerListSql.Shape.Annotated : ServerListSql.Shape.Ordered, cancellationToken);
        }

        var nearby = await ReadPageAsync(query, ServerListSql.Shape.SearchNearby, cancellationToken);
        if (nearby.Count == query.Limit)
        {
            return nearby;
        }

        return await ReadPageAsync(query, ServerListSql.Shape.SearchMatches, cancellationToken);
    }

    private async Task<IReadOnlyList<ServerVersionRecord>> ReadPageAsync(
        ServerListQuery query, ServerListSql.Shape shape, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        ServerListSql.Build(command, query, shape);
        return await ServerRecordReader.ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ServerVersionRecord>> ListVersionsAsync(string name, bool includeDeleted, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {ServerRecordReader.ColumnsWithAnnotations("servers")} FROM servers WHERE server_name = @name" +
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
            $"SELECT {ServerRecordReader.ColumnsWithAnnotations("servers")} FROM servers WHERE server_name = @name" +
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
