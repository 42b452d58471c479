using Npgsql;
using NpgsqlTypes;
using Registry.Domain.Annotations;

namespace Registry.Data.Annotations;

/// <summary>The SQL that reads annotations beside server rows.</summary>
internal static class AnnotationSql
{
    /// <summary>Stored for a name-level annotation; no version is empty.</summary>
    public const string EveryVersion = "";

    /// <summary>
    /// The annotations a row of <paramref name="table"/> carries, as one JSON object by key (a version's own beating
    /// its name's), or NULL when it has none: a primary-key probe per row, which finds nothing at once while the
    /// table is empty.
    /// </summary>
    public static string MergedOf(string table) =>
        "(SELECT jsonb_object_agg(a.key, a.value)::text FROM (SELECT DISTINCT ON (key) key, value FROM server_annotations " +
        $"WHERE server_name = {table}.server_name AND version IN ('', {table}.version) ORDER BY key, version DESC) a)";

    /// <summary>
    /// The condition that a row of <paramref name="table"/> passes <paramref name="filter"/>, its parameters named
    /// after <paramref name="number"/>. The first part, names holding the key at all, lets the planner start from
    /// the few annotated names (the key index) rather than test every row; the second judges the version's own value.
    /// </summary>
    public static string Matching(string table, AnnotationFilter filter, int number, NpgsqlParameterCollection parameters)
    {
        var key = $"annotation_key_{number}";
        parameters.Add(new NpgsqlParameter(key, NpgsqlDbType.Text) { Value = filter.Key });
        var value = "";
        if (filter.Field is { } field)
        {
            var (fieldName, valueName) = ($"annotation_field_{number}", $"annotation_value_{number}");
            parameters.Add(new NpgsqlParameter(fieldName, NpgsqlDbType.Text) { Value = field });
            parameters.Add(new NpgsqlParameter(valueName, NpgsqlDbType.Text) { Value = filter.Value });
            value = $" WHERE jsonb_typeof(e.value -> @{fieldName}) IN ('string', 'number', 'boolean') AND e.value ->> @{fieldName} = @{valueName}";
        }

        return $"{table}.server_name IN (SELECT server_name FROM server_annotations WHERE key = @{key}) " +
            "AND EXISTS (SELECT 1 FROM (SELECT value FROM server_annotations " +
            $"WHERE server_name = {table}.server_name AND version IN ('', {table}.version) AND key = @{key} " +
            $"ORDER BY version DESC LIMIT 1) e{value})";
    }
}
