-- Schema 2: person search and list order. Both tables are derived from `person` and rebuilt after every
-- migration, so they are never written by the change log. A person's row in person_fts has the rowid of
-- its row in person_key, so that re-indexing one person never scans the full-text table.

CREATE VIRTUAL TABLE person_fts USING fts5 (
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

-- The person list's default order (storage/person_list.py builds the same expressions; if they drift
-- apart the index is silently unused, which a test checks with EXPLAIN QUERY PLAN).
CREATE INDEX person_name_sort ON person (
    lower(coalesce(nullif(family_name, ''), nullif(family_name_latin, ''))) IS NULL,
    lower(coalesce(nullif(family_name, ''), nullif(family_name_latin, ''))),
    lower(coalesce(nullif(given_names, ''), nullif(given_names_latin, ''))) IS NULL,
    lower(coalesce(nullif(given_names, ''), nullif(given_names_latin, ''))),
    case_number
);
