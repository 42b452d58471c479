using System.Text;
using Npgsql;
using NpgsqlTypes;
using Registry.Domain.Listing;

namespace Registry.Data.Servers;

/// <summary>
/// The SQL of one list page. Every shape returns rows in (server_name, version) order after the cursor; they differ
/// in how a search term is looked up (see <see cref="ServerReadStore.ListAsync"/> for when each is used).
/// </summary>
internal static class ServerListSql
{
    public enum Shape
    {
        /// <summary>No search: walk the primary key from the cursor.</summary>
        Ordered,

        /// <summary>Filter the next <see cref="NearbyRows"/> rows in key order by the term.</summary>
        SearchNearby,

        /// <summary>Every match through the trigram index, sorted; key order is not used to find them.</summary>
        SearchAllMatches,
    }

    public const int NearbyRows = 2_000;

    public static void Build(NpgsqlCommand command, ServerListQuery query, Shape shape)
    {
        var filters = Filters(command, query);
        command.Parameters.Add(Integer("limit", query.Limit));
        if (shape != Shape.Ordered)
        {
            // Like the official registry, % and _ in the term keep their LIKE meaning.
            command.Parameters.Add(Text("search", query.Search ?? ""));
        }

        if (shape == Shape.SearchNearby)
        {
            command.Parameters.Add(Integer("nearby", NearbyRows));
        }

        const string Matches = "server_name ILIKE '%' || @search || '%'";
        const string KeyOrder = "ORDER BY server_name, version";
        command.CommandText = shape switch
        {
            Shape.Ordered =>
                $"SELECT {ServerRecordReader.Columns} FROM servers WHERE {filters} {KeyOrder} LIMIT @limit",
            Shape.SearchNearby =>
                $"SELECT {ServerRecordReader.Columns} FROM " +
                $"(SELECT * FROM servers WHERE {filters} {KeyOrder} LIMIT @nearby) nearby WHERE {Matches} {KeyOrder} LIMIT @limit",
            // OFFSET 0 keeps the planner from walking the primary key for the order; the page is cut before
            // value::text is rendered, so only the rows returned pay for it.
            Shape.SearchAllMatches =>
                $"SELECT {ServerRecordReader.Columns} FROM (SELECT * FROM " +
                $"(SELECT * FROM servers WHERE {filters} AND {Matches} OFFSET 0) matches {KeyOrder} LIMIT @limit) page {KeyOrder}",
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
    }

    private static string Filters(NpgsqlCommand command, ServerListQuery query)
    {
        var sql = new StringBuilder("TRUE");
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

        return sql.ToString();
    }

    private static NpgsqlParameter Text(string name, string value) => new(name, NpgsqlDbType.Text) { Value = value };

    private static NpgsqlParameter Integer(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };
}
