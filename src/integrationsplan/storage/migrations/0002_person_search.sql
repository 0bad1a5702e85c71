-- Schema 2: person search. Both tables are derived from `person` and rebuilt after every migration,
-- so they are never written by the change log.

CREATE VIRTUAL TABLE person_fts USING fts5 (
    person_id UNINDEXED,
    names,          -- names as written, in any script
    keys,           -- folded spellings and phonetic skeletons (domain.names.search_terms)
    case_number,
    phone,          -- digits only
    municipality,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE person_key (
    person_id TEXT PRIMARY KEY,
    name_key TEXT NOT NULL,
    birth_year INTEGER
);
CREATE INDEX person_key_name ON person_key (name_key, birth_year);
