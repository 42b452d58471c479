-- Where the mirror worker stands in an upstream registry's history. One row per upstream base URL, so pointing the
-- worker at another registry starts that one from the beginning instead of trusting a foreign position.
CREATE TABLE mirror_state (
    upstream           TEXT PRIMARY KEY,
    -- Every upstream update at or before this instant (upstream clock) has been imported; the next pass asks for
    -- updated_since slightly before it.
    high_water_mark    TIMESTAMPTZ,
    -- A pass in progress: the updated_since it asked with, the nextCursor after its last imported page, the
    -- upstream's clock when it began and the newest updatedAt it has read. All null between passes.
    pass_since         TIMESTAMPTZ,
    pass_cursor        TEXT,
    pass_started_at    TIMESTAMPTZ,
    pass_max_updated_at TIMESTAMPTZ,
    last_success_at    TIMESTAMPTZ,
    last_error         TEXT,
    last_error_at      TIMESTAMPTZ
);

-- Names whose versions come from an upstream registry. Kept beside the servers table rather than as a column of it:
-- the rule it serves (local writes to a mirrored name are refused) is about names, and the servers table and its
-- writers stay as they are.
CREATE TABLE mirrored_names (
    server_name       TEXT COLLATE "C" PRIMARY KEY,
    upstream          TEXT NOT NULL,
    first_mirrored_at TIMESTAMPTZ NOT NULL
);
