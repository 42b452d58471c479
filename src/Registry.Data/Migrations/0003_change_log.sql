-- The change log: one row per change to a stored version, numbered in commit order. Writers append in the same
-- transaction as the change, under a transaction-scoped advisory lock, as max(sequence) + 1 (see ChangeLog.cs),
-- so the numbers have no gaps and a transaction with a higher number never commits before one with a lower.
-- A reader that saw sequence n and asks for "after n" can therefore never skip a change.
CREATE TABLE server_changes (
    sequence    BIGINT                   PRIMARY KEY,
    server_name TEXT COLLATE "C"         NOT NULL,
    version     VARCHAR(255) COLLATE "C" NOT NULL,
    kind        TEXT                     NOT NULL
                CHECK (kind IN ('published', 'edited', 'status_changed', 'mirrored')),
    -- The version's status after the change.
    status      TEXT                     NOT NULL
                CHECK (status IN ('active', 'deprecated', 'deleted')),
    occurred_at TIMESTAMPTZ              NOT NULL
);

-- Versions stored before the log existed appear once each, as published with their current status, in
-- publication order, so that replaying from 0 still names every version.
INSERT INTO server_changes (sequence, server_name, version, kind, status, occurred_at)
SELECT row_number() OVER (ORDER BY published_at, server_name, version), server_name, version, 'published', status, published_at
FROM servers;
