-- Schema 7: what stays of an erased case: anonymous counts for the key figures (domain/tally.py). Synced like
-- the case records, so that every device's report counts the case after its erasure.

CREATE TABLE erasure_tally (
    id TEXT PRIMARY KEY,
    period TEXT NOT NULL,
    figure TEXT NOT NULL,
    category TEXT NOT NULL,
    count INTEGER NOT NULL,
    minutes INTEGER
);
CREATE INDEX erasure_tally_period ON erasure_tally (period, figure);
