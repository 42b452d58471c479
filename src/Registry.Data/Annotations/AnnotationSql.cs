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
}
