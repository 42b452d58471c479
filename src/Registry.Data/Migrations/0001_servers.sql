-- One row per published server version. The document is kept whole as JSONB; the columns beside it are what
-- queries filter and order on. Names and versions use the "C" collation so that ordering and keyset cursors
-- follow byte order whatever locale the cluster was created with.
CREATE TABLE servers (
    server_name       TEXT COLLATE "C"         NOT NULL,
    version           VARCHAR(255) COLLATE "C" NOT NULL,
    status            TEXT                     NOT NULL DEFAULT 'active'
                      CHECK (status IN ('active', 'deprecated', 'deleted')),
    status_message    TEXT CHECK (char_length(status_message) <= 500),
    status_changed_at TIMESTAMPTZ              NOT NULL,
    published_at      TIMESTAMPTZ              NOT NULL,
    updated_at        TIMESTAMPTZ              NOT NULL,
    is_latest         BOOLEAN                  NOT NULL DEFAULT FALSE,
    value             JSONB                    NOT NULL,
    CONSTRAINT servers_pkey PRIMARY KEY (server_name, version)
);

-- The database itself guarantees that a name never has two latest versions.
CREATE UNIQUE INDEX servers_one_latest_per_name ON servers (server_name) WHERE is_latest;

-- updated_since polling.
CREATE INDEX servers_updated_at ON servers (updated_at);

-- version=latest listing walks this in cursor order.
CREATE INDEX servers_latest_by_name ON servers (server_name, version) WHERE is_latest;

-- Versions of one name, newest publication first.
CREATE INDEX servers_name_published_at ON servers (server_name, published_at DESC);

-- search is a case-insensitive substring match on the name (ILIKE '%term%'); trigrams serve it from an index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX servers_name_trigram ON servers USING gin (server_name gin_trgm_ops);
