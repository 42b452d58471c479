using Npgsql;
using NpgsqlTypes;
using Registry.Data.Changes;
using Registry.Data.Servers;
using Registry.Domain.Search;

namespace Registry.Data.Search;

/// <summary>
/// Ranked search: scored in this process's <see cref="SearchIndex"/>, then the page's rows read by primary key. The
/// same round trip reads the change log's position; if the database has moved past the index (a write this search
/// might be expected to see), the index catches up and the search runs once more, so a search never misses a write
/// that committed before it began. A position behind the index means the database was replaced: it is loaded again.
/// </summary>
public sealed class ServerSearchStore
{
    private static readonly string PageSql =
        $"""
        SELECT {ServerRecordReader.ColumnsWithAnnotations("servers")} FROM servers
        WHERE (server_name, version) IN (SELECT * FROM unnest(@names::text[], @versions::text[]))
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly SearchIndex index = new();
    private readonly SearchIndexFeed feed;

    public ServerSearchStore(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        feed = new SearchIndexFeed(dataSource, index);
    }

    /// <summary>The change-log sequence the index reflects; -1 before it is first loaded.</summary>
    public long Position => index.Position;

    /// <summary>Brings the index level with the database (the first call loads it).</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => feed.CatchUpAsync(cancellationToken);

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.Words.Count == 0 && !query.Browses)
        {
            return new SearchPage([], SearchFacetCounts.None);
        }

        if (index.Position < 0)
        {
            await feed.CatchUpAsync(cancellationToken);
        }

        var page = index.Search(query);
        var (sequence, records) = await ReadPageAsync(page.Hits, cancellationToken);
        if (sequence != page.Position)
        {
            await feed.CatchUpAsync(cancellationToken);
            page = index.Search(query);
            (_, records) = await ReadPageAsync(page.Hits, cancellationToken);
        }

        var hits = page.Hits
            .Select(h => records.TryGetValue((h.Name, h.Version), out var record) ? new SearchHit(record, h.Score) : null)
            .OfType<SearchHit>()
            .ToList();
        return new SearchPage(hits, page.Facets);
    }

    private async Task<(long Sequence, Dictionary<(string, string), ServerVersionRecord> Records)> ReadPageAsync(
        IReadOnlyList<SearchIndexHit> hits, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(ChangeLogReader.LatestSequenceSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PageSql)
        {
            Parameters =
            {
                new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = hits.Select(h => h.Name).ToArray() },
                new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = hits.Select(h => h.Version).ToArray() },
            },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var sequence = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var records = new Dictionary<(string, string), ServerVersionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = ServerRecordReader.Read(reader);
            records[(record.Name, record.Version)] = record;
        }

        return (sequence, records);
    }
}
