-- Operator annotations live apart from the publisher's document, and with no foreign key to servers: a mirror pass
-- that rewrites a version's row must leave them as they are. version '' holds a name-level annotation, which every
-- version of the name, present and future, carries.
CREATE TABLE server_annotations (
    server_name TEXT COLLATE "C" NOT NULL,
    version     TEXT COLLATE "C" NOT NULL,
    key         TEXT COLLATE "C" NOT NULL,
    value       JSONB NOT NULL CHECK (jsonb_typeof(value) = 'object'),
    updated_by  TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT server_annotations_pkey PRIMARY KEY (server_name, version, key)
);

-- The names holding a key, for the list's annotation filter.
CREATE INDEX server_annotations_by_key ON server_annotations (key, server_name);

ALTER TABLE server_changes DROP CONSTRAINT server_changes_kind_check;
ALTER TABLE server_changes ADD CONSTRAINT server_changes_kind_check
    CHECK (kind IN ('published', 'edited', 'status_changed', 'mirrored', 'became_latest', 'annotated'));
