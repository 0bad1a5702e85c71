-- Schema 6: erasure travels as a purge, conflicts wait for review, changes with a clock far ahead wait to be
-- taken in, devices can be removed from the team (sync/).

-- The change log learns the purge: it removes a row on every device and empties the values of its history, so
-- the log is append-only except that a purge may empty a value. SQLite cannot widen a CHECK in place.
CREATE TABLE change_log_6 (
    -- The global identity of a change is (device_id, device_seq); id is only the local order.
    id INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL,
    device_seq INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,          -- '' for a tombstone or a purge
    op TEXT NOT NULL CHECK (op IN ('set', 'delete', 'purge')),
    value,                        -- no affinity: the column value exactly as stored; NULL once purged
    seen_hlc INTEGER NOT NULL,    -- the clock of the value the author replaced (0: none)
    seen TEXT,                    -- the versions it replaced (sync/versions.py); NULL in older entries
    UNIQUE (device_id, device_seq)
);
INSERT INTO change_log_6 (id, device_id, device_seq, hlc, tbl, row_id, field, op, value, seen_hlc, seen)
    SELECT id, device_id, device_seq, hlc, tbl, row_id, field, op, value, seen_hlc, seen FROM change_log;
DROP TRIGGER change_log_no_update;
DROP TRIGGER change_log_no_delete;
DROP TABLE change_log;
ALTER TABLE change_log_6 RENAME TO change_log;
CREATE INDEX change_log_field ON change_log (tbl, row_id, field, hlc);
CREATE INDEX change_log_purge ON change_log (tbl, row_id) WHERE op = 'purge';

CREATE TRIGGER change_log_no_update BEFORE UPDATE OF id, device_id, device_seq, hlc, tbl, row_id, field, op,
    seen_hlc, seen ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_only_purge_empties BEFORE UPDATE OF value ON change_log WHEN NEW.value IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the change log is append-only: a purge may only empty a value'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

-- Rows whose merge found a conflict at an import: the review list merges them again and drops the settled.
CREATE TABLE sync_conflict (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;

-- Changes stamped more than a day ahead of this device's clock: held back (they would win every merge) until
-- the clock has caught up or the user takes them in.
CREATE TABLE sync_held (
    device_id TEXT NOT NULL,
    device_seq INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    op TEXT NOT NULL,
    value,
    seen_hlc INTEGER NOT NULL,
    seen TEXT,
    held_at TEXT NOT NULL,
    PRIMARY KEY (device_id, device_seq)
);

-- Devices removed from the team: their bundles are refused, exports no longer wait for them.
CREATE TABLE sync_removed (
    device_id TEXT PRIMARY KEY,
    device_name TEXT NOT NULL,
    removed_at TEXT NOT NULL
);
