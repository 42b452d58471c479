namespace Registry.Data.Search;

/// <summary>
/// The ranked search statement. Each query word is widened to a prefix (three letters or more) and to up to four
/// known words similar to it by trigrams (typos); a name matches when any widened word is among its words. The
/// score adds, per query word, the best way it was found in each field: in the name parts (an exact part far
/// above the rest), the title, the description, the package identifiers and the remote hosts, in that order of
/// weight, a typo counting about 60% of the word itself; an exact name adds 100. Matches, filter flags and facets
/// come from one pass over <c>server_search</c>, and the page is read from <c>servers</c> by primary key.
/// </summary>
internal static class ServerSearchSql
{
    public const string Statement =
        $$"""
        WITH words AS MATERIALIZED (
            SELECT w.word,
                   CASE WHEN length(w.word) >= 3 THEN w.word || ':*' ELSE w.word END AS own_text,
                   CASE WHEN length(w.word) >= 3 THEN (
                       SELECT string_agg(f.known, ' | ' ORDER BY f.distance, f.known)
                       FROM (SELECT c.known, c.distance
                             FROM (SELECT sw.word AS known, sw.word <-> w.word AS distance FROM search_words sw
                                   ORDER BY sw.word <-> w.word LIMIT 12) c
                             WHERE c.distance <= 0.65 AND NOT starts_with(c.known, w.word)
                             ORDER BY c.distance, c.known LIMIT 4) f)
                   END AS fuzzy_text
            FROM unnest(@words::text[]) AS w(word)
        ),
        q AS (
            SELECT word, to_tsquery('simple', own_text) AS own,
                   CASE WHEN fuzzy_text IS NULL THEN NULL ELSE to_tsquery('simple', fuzzy_text) END AS fuzzy
            FROM words
        ),
        any_word AS (
            SELECT to_tsquery('simple', string_agg('(' || own_text || coalesce(' | ' || fuzzy_text, '') || ')', ' | ')) AS query
            FROM words
        ),
        matched AS MATERIALIZED (
            SELECT t.server_name, t.version, t.status, t.registry_types, t.transports, t.has_remote,
                   round((CASE WHEN t.name_lower = @text THEN 100 ELSE 0 END + sum(
                         CASE WHEN q.word = ANY (t.name_parts) THEN 20 WHEN t.name_words @@ q.own THEN 8
                              WHEN t.name_words @@ q.fuzzy THEN 5 ELSE 0 END
                       + CASE WHEN t.title_words @@ q.own THEN 4 WHEN t.title_words @@ q.fuzzy THEN 2.5 ELSE 0 END
                       + CASE WHEN t.description_words @@ q.own THEN 2
                              WHEN t.description_words @@ q.fuzzy THEN 1.2 ELSE 0 END
                       + CASE WHEN t.package_words @@ q.own THEN 1.5 WHEN t.package_words @@ q.fuzzy THEN 0.9 ELSE 0 END
                       + CASE WHEN t.host_words @@ q.own THEN 1 WHEN t.host_words @@ q.fuzzy THEN 0.6 ELSE 0 END))::numeric, 4) AS score
            FROM server_search t CROSS JOIN q
            WHERE t.all_words @@ (SELECT query FROM any_word)
              AND (@namespace::text IS NULL OR starts_with(t.name_lower, @namespace::text))
            GROUP BY t.server_name
        ),
        flagged AS MATERIALIZED (
            SELECT m.*,
                   (@registry_type::text IS NULL OR @registry_type::text = ANY (m.registry_types)) AS ok_type,
                   (@transport::text IS NULL OR @transport::text = ANY (m.transports)) AS ok_transport,
                   (@has_remote::boolean IS NULL OR m.has_remote = @has_remote::boolean) AS ok_remote,
                   m.status = @status AS ok_status
            FROM matched m
        ),
        facets AS (
            SELECT jsonb_build_object(
                'registryType', (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
                    SELECT k, count(*) AS n FROM flagged, unnest(registry_types) AS k
                    WHERE ok_transport AND ok_remote AND ok_status GROUP BY k) x),
                'transport', (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
                    SELECT k, count(*) AS n FROM flagged, unnest(transports) AS k
                    WHERE ok_type AND ok_remote AND ok_status GROUP BY k) x),
                'hasRemote', (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
                    SELECT has_remote::text AS k, count(*) AS n FROM flagged
                    WHERE ok_type AND ok_transport AND ok_status GROUP BY k) x),
                'status', (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
                    SELECT status AS k, count(*) AS n FROM flagged
                    WHERE ok_type AND ok_transport AND ok_remote GROUP BY k) x),
                'total', (SELECT count(*) FROM flagged WHERE ok_type AND ok_transport AND ok_remote AND ok_status)
            )::text AS facets
        ),
        page AS (
            SELECT f.score AS hit_score, f.server_name AS hit_name, f.version AS hit_version
            FROM flagged f
            WHERE f.ok_type AND f.ok_transport AND f.ok_remote AND f.ok_status
              AND (@after_score::numeric IS NULL OR f.score < @after_score::numeric
                   OR (f.score = @after_score::numeric AND f.server_name > @after_name::text))
            ORDER BY f.score DESC, f.server_name
            LIMIT @limit
        )
        SELECT facets.facets, hit.*
        FROM facets
        LEFT JOIN LATERAL (
            SELECT hit_score, {{Servers.ServerRecordReader.Columns}}
            FROM page JOIN servers ON server_name = hit_name AND version = hit_version
        ) hit ON true
        ORDER BY hit.hit_score DESC, hit.server_name
        """;
}
