-- Schema 9: the caseworker's private working note about a person (storage/private_notes.py). Kept on this device
-- only: not in the change log, so never synced, exported or printed. It goes with the person (a delete or an
-- erasure, also one that arrives from another device).

CREATE TABLE private_note (
    person_id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    written_at TEXT NOT NULL
);
