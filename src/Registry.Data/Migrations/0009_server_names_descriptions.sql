-- search matches the name or the version's own description. The description lives in each version's document, but
-- the page still starts from the names: each name row also holds the lower-cased descriptions of its versions, so a
-- name is a candidate when its name or any of its descriptions contains the term, and the walk of names in key order
-- (or the trigram index and a sort) keeps working. The versions of a candidate are checked one by one after.
ALTER TABLE server_names ADD COLUMN descriptions_lower TEXT COLLATE "C" NOT NULL DEFAULT '';

-- What a search filters names on. The newline keeps a term from spanning name and description unless it holds one
-- itself, and such a name is only a candidate: each version is checked on its own name and description.
ALTER TABLE server_names ADD COLUMN search_lower TEXT COLLATE "C"
    GENERATED ALWAYS AS (lower(server_name) || E'\n' || descriptions_lower) STORED;

-- Every distinct description of the name, once, lower-cased as the term is (ASCII only, the "C" collation).
CREATE FUNCTION server_names_descriptions_of(name TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(d, E'\n' ORDER BY d), '')
    FROM (SELECT DISTINCT lower((value ->> 'description') COLLATE "C") AS d
          FROM servers WHERE server_name = name AND value ->> 'description' IS NOT NULL) descriptions
$$;

-- A publish adds a description only when the name's text does not hold it yet (most new versions repeat the last
-- one), so a publish does not read the name's other versions. A description held only as part of a longer one is
-- still found by every term it contains.
CREATE OR REPLACE FUNCTION server_names_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- In name order, so that concurrent writers adding the same new names take their locks in the same order.
    -- A new name arrives with its descriptions, so a bulk seed writes each name row once.
    INSERT INTO server_names (server_name, descriptions_lower)
    SELECT server_name, coalesce(string_agg(DISTINCT lower((value ->> 'description') COLLATE "C"), E'\n'
                                            ORDER BY lower((value ->> 'description') COLLATE "C")), '')
    FROM inserted GROUP BY server_name ORDER BY server_name
    ON CONFLICT (server_name) DO NOTHING;

    UPDATE server_names n SET descriptions_lower = concat_ws(E'\n', nullif(n.descriptions_lower, ''), added.text)
    FROM (SELECT server_name, string_agg(d, E'\n' ORDER BY d) AS text
          FROM (SELECT DISTINCT i.server_name, lower((i.value ->> 'description') COLLATE "C") AS d
                FROM inserted i WHERE i.value ->> 'description' IS NOT NULL) new_descriptions
          JOIN server_names held USING (server_name)
          WHERE position(d IN held.descriptions_lower) = 0
          GROUP BY server_name) added
    WHERE n.server_name = added.server_name;
    RETURN NULL;
END
$$;

-- An edit can drop a description: the name's text is read again from its versions. Edits are rare; publishes, the
-- seed and the mirror's new versions go through the insert trigger above.
CREATE FUNCTION server_names_refresh_descriptions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE server_names SET descriptions_lower = server_names_descriptions_of(NEW.server_name)
    WHERE server_name = NEW.server_name;
    RETURN NULL;
END
$$;

CREATE TRIGGER servers_refresh_name_descriptions AFTER UPDATE OF value ON servers
FOR EACH ROW WHEN (OLD.value ->> 'description' IS DISTINCT FROM NEW.value ->> 'description')
EXECUTE FUNCTION server_names_refresh_descriptions();

-- Names stored before this migration, written again rather than updated: an UPDATE of every row left the table
-- twice its size, and at 20,000 names that alone turned the planner from walking the name key to a scan and a sort.
-- The services start only after the migrations, so no publish runs beside this.
TRUNCATE server_names;
INSERT INTO server_names (server_name, descriptions_lower)
SELECT server_name, server_names_descriptions_of(server_name)
FROM (SELECT DISTINCT server_name FROM servers) names ORDER BY server_name;

CREATE INDEX server_names_search_trigram ON server_names USING gin (search_lower gin_trgm_ops) WITH (gin_pending_list_limit = 64);

ANALYZE server_names;
