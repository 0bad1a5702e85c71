-- Schema 4: exchanging changes through bundle files (sync/). Local state only, never in the change log.

-- The team this device exchanges with: bundles are encrypted with a key derived from its secret.
CREATE TABLE team (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    team_id TEXT NOT NULL,
    secret BLOB NOT NULL,
    joined_at TEXT NOT NULL
);

-- What each other device of the team said it holds (its version vector: device id -> highest sequence number
-- it holds without a gap), from the newest bundle it sent; exports leave out what every known peer holds.
CREATE TABLE sync_peer (
    device_id TEXT PRIMARY KEY,
    device_name TEXT NOT NULL,
    vector TEXT NOT NULL,
    last_bundle_at TEXT NOT NULL
);

-- Bundles already imported, by their id: the same file again changes nothing and says so.
CREATE TABLE sync_bundle (
    bundle_id TEXT PRIMARY KEY,
    sender_id TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    changes INTEGER NOT NULL
);
