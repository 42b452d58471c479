using System.Data;
using Npgsql;
using NpgsqlTypes;
using Registry.Data.Annotations;
using Registry.Data.Changes;
using Registry.Domain.Search;

namespace Registry.Data.Search;

/// <summary>
/// Keeps a <see cref="SearchIndex"/> level with the database. The first catch-up loads the latest version of every name
/// together with the change log's position, in one snapshot; later ones read the change log after the index's
/// position and reload the latest versions of the names it lists. Every write appends to the change log in the
/// transaction that makes it (<see cref="Writes.WriteTransaction"/>), so nothing is missed. One catch-up runs at a time.
/// </summary>
internal sealed class SearchIndexFeed(NpgsqlDataSource dataSource, SearchIndex index)
{
    private const int ChangesPerRead = 5_000;

    /// <summary>Further behind than this, loading everything again is quicker than replaying the changes.</summary>
    private const int ReloadBeyond = 50_000;

    private static readonly string LatestSql =
        $"SELECT server_name, version, status, value, {AnnotationSql.MergedOf("servers")} FROM servers WHERE is_latest";

    private readonly ChangeLogReader changes = new(dataSource);
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var latest = await changes.LatestSequenceAsync(cancellationToken);
            if (index.Position < 0 || latest < index.Position || latest - index.Position > ReloadBeyond)
            {
                await LoadAsync(cancellationToken);
                return;
            }

            while (index.Position < latest)
            {
                var entries = await changes.ReadAfterAsync(index.Position, ChangesPerRead, cancellationToken);
                if (entries.Count == 0)
                {
                    return;
                }

                var names = entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).ToArray();
                index.Apply(names, await ReadLatestAsync(names, cancellationToken), entries[^1].Sequence);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var position = new NpgsqlCommand(ChangeLogReader.LatestSequenceSql, connection, transaction);
        var sequence = (long)(await position.ExecuteScalarAsync(cancellationToken))!;
        await using var latest = new NpgsqlCommand(LatestSql, connection, transaction);
        index.Load(await ReadDocumentsAsync(latest, cancellationToken), sequence);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<List<SearchDocument>> ReadLatestAsync(string[] names, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(LatestSql + " AND server_name = ANY (@names)");
        command.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = names });
        return await ReadDocumentsAsync(command, cancellationToken);
    }

    private static async Task<List<SearchDocument>> ReadDocumentsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<SearchDocument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(SearchDocumentParser.Parse(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return documents;
    }
}
