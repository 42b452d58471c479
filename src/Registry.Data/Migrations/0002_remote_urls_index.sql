-- A remote URL may belong to one server name only; publishes look for other names using a URL with
-- value->'remotes' @> '[{"url": ...}]', which this index serves.
CREATE INDEX servers_remotes ON servers USING gin ((value -> 'remotes') jsonb_path_ops);
