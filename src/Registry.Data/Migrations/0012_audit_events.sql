-- The audit trail: one row per write the registry was asked for (publish, edit, status, delete, annotate, login,
-- mirror page), accepted or refused. Rows are only ever appended: the triggers below refuse UPDATE, DELETE and
-- TRUNCATE for every role but a superuser that disables them on purpose. No token or secret is stored.
CREATE TABLE audit_events (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ              NOT NULL DEFAULT now(),
    -- The token subject; empty when the write was refused before a token was accepted.
    actor          TEXT COLLATE "C"         NOT NULL,
    auth_method    TEXT                     NOT NULL,
    -- The permissions the write relied on, as action:pattern.
    permissions    TEXT[]                   NOT NULL,
    client_address TEXT                     NOT NULL,
    -- Not a CHECK: a new kind of write must still be recorded by a service deployed before a migration names it.
    action         TEXT                     NOT NULL,
    server_name    TEXT COLLATE "C",
    version        VARCHAR(255) COLLATE "C",
    detail         TEXT,
    outcome        TEXT                     NOT NULL CHECK (outcome IN ('succeeded', 'refused', 'failed')),
    status_code    INTEGER                  NOT NULL
);

-- The filters page by id within their match, so each index ends with it.
CREATE INDEX audit_events_actor ON audit_events (actor, id);
CREATE INDEX audit_events_server_name ON audit_events (server_name, id) WHERE server_name IS NOT NULL;
CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at, id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_change
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
