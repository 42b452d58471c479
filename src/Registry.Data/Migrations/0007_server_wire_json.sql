-- Each version's server.json as the catalog returns it: the document parsed into the typed contract and written
-- back as JSON, once, when the row is written. REST reads copy it into the response instead of parsing the JSONB
-- and serialising it again for every request. NULL means not rendered yet (rows from before this migration, until
-- the migration service's backfill reaches them); readers then render it themselves.
ALTER TABLE servers ADD COLUMN wire_json TEXT;

-- A writer that changes the document without a new rendering must not leave the old one behind.
CREATE FUNCTION servers_forget_stale_wire_json() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.value IS DISTINCT FROM OLD.value AND NEW.wire_json IS NOT DISTINCT FROM OLD.wire_json THEN
        NEW.wire_json := NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER servers_forget_stale_wire_json BEFORE UPDATE OF value ON servers
    FOR EACH ROW EXECUTE FUNCTION servers_forget_stale_wire_json();

-- Lets the backfill find rows still to render without walking the whole table on every start; empty once done.
CREATE INDEX servers_wire_json_missing ON servers (server_name, version) WHERE wire_json IS NULL;
