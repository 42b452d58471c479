using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Registry.Data.Servers;
using Registry.Domain.Search;

namespace Registry.Data.Search;

/// <summary>Ranked search over the latest version of every name (<see cref="ServerSearchSql"/>), in one round trip.</summary>
public sealed class ServerSearchStore(NpgsqlDataSource dataSource)
{
    private static readonly SearchFacetCounts NoFacets = new(
        new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), 0);

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.Words.Count == 0)
        {
            return new SearchPage([], NoFacets);
        }

        await using var command = dataSource.CreateCommand(ServerSearchSql.Statement);
        command.Parameters.Add(new NpgsqlParameter("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = query.Words.ToArray() });
        command.Parameters.Add(Parameter("text", NpgsqlDbType.Text, query.Text));
        command.Parameters.Add(Parameter("namespace", NpgsqlDbType.Text, query.Namespace));
        command.Parameters.Add(Parameter("registry_type", NpgsqlDbType.Text, query.RegistryType));
        command.Parameters.Add(Parameter("transport", NpgsqlDbType.Text, query.Transport));
        command.Parameters.Add(Parameter("has_remote", NpgsqlDbType.Boolean, query.HasRemote));
        command.Parameters.Add(Parameter("status", NpgsqlDbType.Text, query.Status));
        command.Parameters.Add(Parameter("after_score", NpgsqlDbType.Numeric, query.After?.Score));
        command.Parameters.Add(Parameter("after_name", NpgsqlDbType.Text, query.After?.Name));
        command.Parameters.Add(Parameter("limit", NpgsqlDbType.Integer, query.Limit));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new List<SearchHit>();
        var facets = NoFacets;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (hits.Count == 0)
            {
                facets = ReadFacets(reader.GetString(0));
            }

            if (!reader.IsDBNull(1))
            {
                hits.Add(new SearchHit(ServerRecordReader.Read(reader, first: 2), reader.GetDecimal(1)));
            }
        }

        return new SearchPage(hits, facets);
    }

    private static NpgsqlParameter Parameter(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    private static SearchFacetCounts ReadFacets(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new SearchFacetCounts(
            Counts(root, "registryType"), Counts(root, "transport"), Counts(root, "hasRemote"), Counts(root, "status"),
            root.GetProperty("total").GetInt32());
    }

    private static Dictionary<string, int> Counts(JsonElement root, string facet) =>
        root.GetProperty(facet).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
}
