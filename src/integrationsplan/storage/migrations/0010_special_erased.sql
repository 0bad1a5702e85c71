-- Schema 10: when the health and disability fields of a person's resources were erased after the consent to
-- special categories was withdrawn (retention.erase_special). A synced field: every device that learns of it
-- empties the older values of those fields in its history too (storage/erasure.forget_before_mark).

ALTER TABLE resources ADD COLUMN special_erased_on TEXT;
