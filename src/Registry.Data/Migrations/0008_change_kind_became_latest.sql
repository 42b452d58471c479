-- A status change recalculates "latest", which can move the flag to a version whose status stays as it was. That
-- version changed as readers see it (isLatest, updatedAt), so the log names it with a kind of its own. The version
-- that gives the flag up is not logged, as on publish: one latest per name makes it implied.
ALTER TABLE server_changes DROP CONSTRAINT server_changes_kind_check;
ALTER TABLE server_changes ADD CONSTRAINT server_changes_kind_check
    CHECK (kind IN ('published', 'edited', 'status_changed', 'mirrored', 'became_latest'));
