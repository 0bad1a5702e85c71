-- Schema 11: an index of the references the change log holds. An erasure, the access report and every import
-- after an erasure look for the records that refer to a record (storage/erasure.py); without it each looked
-- through the whole log: 12 s at 5,000 persons of the benchmark data set. Every reference column ends in _id,
-- and no other column does; the terms of the WHERE clause are those the queries repeat (erasure.REFERENCE).
CREATE INDEX change_log_reference ON change_log (value) WHERE op = 'set' AND field GLOB '*_id';
