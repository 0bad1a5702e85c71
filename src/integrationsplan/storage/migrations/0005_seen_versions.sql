-- Schema 5: each change names the versions of its field it replaced (sync/versions.py), so that concurrent
-- edits are told apart exactly; older entries keep the clock rule (seen is NULL).

ALTER TABLE change_log ADD COLUMN seen TEXT;
