-- Ranked search (an extension): one row per name, taken from its latest version, with the words of each field
-- kept apart so that a match can be weighed by where it was found. Words are the runs of [a-z0-9] of the
-- lower-cased text, split the same way the query is split, so no text-search parser decides what a word is.
CREATE FUNCTION search_tokens(t TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
    FROM regexp_split_to_table(lower(coalesce(t, '')), '[^a-z0-9]+') AS w
    WHERE w <> '' AND length(w) <= 64
$$;

-- A document field that should hold an array but holds anything else counts as empty.
CREATE FUNCTION search_elements(j JSONB) RETURNS SETOF JSONB LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]'::jsonb END) AS e
$$;

CREATE TABLE server_search (
    server_name       TEXT COLLATE "C" PRIMARY KEY,
    version           VARCHAR(255) COLLATE "C" NOT NULL,
    status            TEXT     NOT NULL,
    name_lower        TEXT     COLLATE "C" NOT NULL,
    name_parts        TEXT[]   NOT NULL,
    registry_types    TEXT[]   NOT NULL,
    transports        TEXT[]   NOT NULL,
    has_remote        BOOLEAN  NOT NULL,
    name_words        TSVECTOR NOT NULL,
    title_words       TSVECTOR NOT NULL,
    description_words TSVECTOR NOT NULL,
    package_words     TSVECTOR NOT NULL,
    host_words        TSVECTOR NOT NULL,
    all_words         TSVECTOR GENERATED ALWAYS AS
        (name_words || title_words || description_words || package_words || host_words) STORED
);

-- Every word of three letters or more ever indexed, for typo tolerance: a query word is widened to the known
-- words similar to it. Words of versions no longer latest stay; they only widen a query to words nothing holds.
CREATE TABLE search_words (word TEXT COLLATE "C" PRIMARY KEY);

CREATE FUNCTION server_search_refresh(names TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM server_search t WHERE t.server_name = ANY (names)
        AND NOT EXISTS (SELECT 1 FROM servers s WHERE s.server_name = t.server_name AND s.is_latest);

    WITH written AS (
        INSERT INTO server_search AS t (server_name, version, status, name_lower, name_parts, registry_types,
                                        transports, has_remote, name_words, title_words, description_words,
                                        package_words, host_words)
        SELECT s.server_name, s.version, s.status, lower(s.server_name), search_tokens(s.server_name),
               d.registry_types, d.transports, d.has_remote,
               array_to_tsvector(search_tokens(s.server_name)),
               array_to_tsvector(search_tokens(s.value ->> 'title')),
               array_to_tsvector(search_tokens(s.value ->> 'description')),
               array_to_tsvector(search_tokens(d.identifiers)),
               array_to_tsvector(search_tokens(d.hosts))
        FROM servers s
        CROSS JOIN LATERAL (
            SELECT
                ARRAY(SELECT DISTINCT lower(p ->> 'registryType') FROM search_elements(s.value -> 'packages') p
                      WHERE p ->> 'registryType' IS NOT NULL ORDER BY 1) AS registry_types,
                ARRAY(SELECT DISTINCT x FROM (
                          SELECT lower(p -> 'transport' ->> 'type') FROM search_elements(s.value -> 'packages') p
                          UNION ALL
                          SELECT lower(r ->> 'type') FROM search_elements(s.value -> 'remotes') r) AS k(x)
                      WHERE x IS NOT NULL ORDER BY 1) AS transports,
                EXISTS (SELECT 1 FROM search_elements(s.value -> 'remotes')) AS has_remote,
                (SELECT string_agg(p ->> 'identifier', ' ') FROM search_elements(s.value -> 'packages') p) AS identifiers,
                (SELECT string_agg(substring(r ->> 'url' FROM '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)'), ' ')
                 FROM search_elements(s.value -> 'remotes') r) AS hosts
        ) d
        WHERE s.server_name = ANY (names) AND s.is_latest
        ORDER BY s.server_name
        ON CONFLICT (server_name) DO UPDATE SET
            version = EXCLUDED.version, status = EXCLUDED.status, name_lower = EXCLUDED.name_lower,
            name_parts = EXCLUDED.name_parts, registry_types = EXCLUDED.registry_types,
            transports = EXCLUDED.transports, has_remote = EXCLUDED.has_remote, name_words = EXCLUDED.name_words,
            title_words = EXCLUDED.title_words, description_words = EXCLUDED.description_words,
            package_words = EXCLUDED.package_words, host_words = EXCLUDED.host_words
        RETURNING t.all_words
    )
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM written, unnest(tsvector_to_array(written.all_words)) AS w
    WHERE length(w) >= 3 ORDER BY w
    ON CONFLICT (word) DO NOTHING;
END
$$;

-- Statement triggers, so that a bulk seed refreshes its names in one pass. Only rows that are latest after the
-- statement matter, since the table holds each name's latest version: a publish first clears the old latest flag
-- (nothing to refresh) and then inserts the new latest (one refresh), and a change to an older version touches
-- nothing here. A name always has a latest row, so no statement leaves one to delete.
CREATE FUNCTION server_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM server_search_refresh(ARRAY(SELECT DISTINCT server_name FROM changed WHERE is_latest ORDER BY 1));
    RETURN NULL;
END
$$;

CREATE TRIGGER servers_search_inserted AFTER INSERT ON servers
REFERENCING NEW TABLE AS changed
FOR EACH STATEMENT EXECUTE FUNCTION server_search_changed();

CREATE TRIGGER servers_search_updated AFTER UPDATE ON servers
REFERENCING NEW TABLE AS changed
FOR EACH STATEMENT EXECUTE FUNCTION server_search_changed();

SELECT server_search_refresh(ARRAY(SELECT DISTINCT server_name FROM servers WHERE is_latest ORDER BY 1));

CREATE INDEX server_search_words ON server_search USING gin (all_words);
-- GiST rather than GIN: a query word asks for its nearest known words (ORDER BY word <-> $1 LIMIT n), which only
-- GiST answers from the index; a similarity threshold (%) over GIN walked most of the 40,000 words of a
-- 100,000-version catalog.
CREATE INDEX search_words_trigram ON search_words USING gist (word gist_trgm_ops);

ANALYZE server_search;
ANALYZE search_words;
