using System.Text;
using Npgsql;
using NpgsqlTypes;
using Registry.Data.Annotations;
using Registry.Data.Visibility;
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

        /// <summary>Filter the next <see cref="NearbyNames"/> names in key order (from the start, or after the cursor) by the term.</summary>
        SearchNearby,

        /// <summary>Every matching name after the cursor, then their versions name by name.</summary>
        SearchMatches,

        /// <summary>No search, annotation filters: the names that can pass the first filter, then their versions name by name.</summary>
        Annotated,
    }

    public const int NearbyNames = 250;

    // ILIKE folds ASCII only in the "C" collation of the names, so these are the same match on pre-folded text. A
    // name is a candidate when its name or one of its versions' descriptions matches (search_lower holds both); each
    // version of it is then kept when the name or its own description matches.
    private const string Pattern = "lower(@pattern COLLATE \"C\")";
    private const string Candidate = $"search_lower LIKE {Pattern}";
    private const string VersionMatches =
        $"(matched_name_lower LIKE {Pattern} OR lower((value ->> 'description') COLLATE \"C\") LIKE {Pattern})";
    private const string KeyOrder = "ORDER BY server_name, version";

    public static void Build(NpgsqlCommand command, ServerListQuery query, Shape shape)
    {
        var (filters, namesAfter) = Filters(command, query);
        command.Parameters.Add(Integer("limit", query.Limit));
        if (shape is not (Shape.Ordered or Shape.Annotated))
        {
            command.Parameters.Add(Text("pattern", SearchPattern.Containing(query.Search ?? "")));
        }

        if (shape == Shape.SearchNearby)
        {
            command.Parameters.Add(Integer("nearby", NearbyNames));
        }

        // Each matching name's versions are read by primary key, name after name, until the page is full. The ORDER BY
        // keeps them a subquery run once per name; as a plain join the planner may instead merge the names with a
        // walk of every version from the start of the key, thousands of rows before a far cluster of matches.
        var versions = $"CROSS JOIN LATERAL (SELECT * FROM servers WHERE server_name = matched_name AND {filters} " +
            (shape is Shape.Ordered or Shape.Annotated ? "" : $"AND {VersionMatches} ") + "ORDER BY version) versions";
        var select = shape switch
        {
            // Walking the key and testing each version would read every row for a filter few versions pass (0.6 s at
            // 100,000 versions for none); from the key index, a filter one name in twenty passes takes 3-10 ms.
            Shape.Annotated =>
                $"SELECT {ServerRecordReader.ColumnsWithAnnotations("versions")} FROM ({AnnotationSql.CandidateNames(query.Annotations![0], 0, namesAfter)}) " +
                $"annotated {versions} ORDER BY matched_name, version LIMIT @limit",
            Shape.Ordered =>
                $"SELECT {ServerRecordReader.ColumnsWithAnnotations("servers")} FROM servers WHERE {filters} {KeyOrder} LIMIT @limit",
            Shape.SearchNearby =>
                $"SELECT {ServerRecordReader.ColumnsWithAnnotations("versions")} FROM (SELECT server_name AS matched_name, name_lower AS matched_name_lower, " +
                $"search_lower FROM server_names WHERE {namesAfter} ORDER BY server_name LIMIT @nearby) nearby {versions} " +
                $"WHERE {Candidate} ORDER BY matched_name, version LIMIT @limit",
            // Without a LIMIT of its own the names subquery is planned to return every match: by walking the name key
            // when the statistics say most names match, else through the trigram index and a sort. Under the page's
            // LIMIT, a term one name in twenty contains would look like a short walk even when all its names sit at
            // the far end of the key.
            Shape.SearchMatches =>
                $"SELECT {ServerRecordReader.ColumnsWithAnnotations("versions")} FROM (SELECT server_name AS matched_name, name_lower AS matched_name_lower " +
                $"FROM server_names WHERE {Candidate} AND {namesAfter} ORDER BY server_name) matches {versions} " +
                "ORDER BY matched_name, version LIMIT @limit",
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
        command.CommandText = shape is Shape.SearchNearby or Shape.SearchMatches ? PlannedForItsTerm(select) : select;
    }

    /// <summary>
    /// A search is planned for its own term, in the same round trip: a generic plan cannot tell a rare term from one
    /// every name contains, and the one PostgreSQL settled on made the common term 20 times slower (25 ms instead of
    /// 1.4 ms at 100k versions). The pool's reset restores the session's mode should the RESET never run.
    /// </summary>
    private static string PlannedForItsTerm(string select) =>
        $"SET plan_cache_mode = force_custom_plan; {select}; RESET plan_cache_mode";

    /// <summary>The conditions on a version row, and on the names that can still have a version after the cursor.</summary>
    private static (string Versions, string Names) Filters(NpgsqlCommand command, ServerListQuery query)
    {
        var sql = new StringBuilder("TRUE");
        var names = "TRUE";
        if (query.After is { Version: { } afterVersion } after)
        {
            sql.Append(" AND (server_name, version) > (@after_name, @after_version)");
            names = "server_name >= @after_name";
            command.Parameters.Add(Text("after_name", after.Name));
            command.Parameters.Add(Text("after_version", afterVersion));
        }
        else if (query.After is { } bareName)
        {
            sql.Append(" AND server_name > @after_name");
            names = "server_name > @after_name";
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

        foreach (var (filter, number) in (query.Annotations ?? []).Select((f, i) => (f, i)))
        {
            sql.Append(" AND ").Append(AnnotationSql.Matching("servers", filter, number, command.Parameters));
        }

        if (query.HiddenPrefixes.Count > 0)
        {
            sql.Append(" AND ").Append(HiddenNames.Condition("server_name"));
            HiddenNames.Bind(command, query.HiddenPrefixes);
        }

        return (sql.ToString(), names);
    }

    private static NpgsqlParameter Text(string name, string value) => new(name, NpgsqlDbType.Text) { Value = value };

    private static NpgsqlParameter Integer(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };
}
