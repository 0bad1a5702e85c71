-- Schema 3: goals and steps remember the catalogue entry they were taken from (resources/catalogue), so that
-- a plan prints the entry's translation in whatever language it is printed in. Empty for free text.

ALTER TABLE goal ADD COLUMN catalogue_key TEXT;
ALTER TABLE step ADD COLUMN catalogue_key TEXT;
