"""The few storage failures a user can act on; anything else is a bug and propagates as is."""

from __future__ import annotations

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_


class StorageError(UserError):
    """A known storage failure; each subclass sets its message."""

    message = N_("The database could not be used.")


class WrongPassphraseOrNotDatabase(StorageError):
    message = N_("Wrong passphrase, or {path} is not an Integrationsplan database.")


class NotOurDatabase(StorageError):
    message = N_("{path} is a database of another program, not of Integrationsplan.")


class DatabaseMissing(StorageError):
    message = N_("There is no database at {path}.")


class DatabaseExists(StorageError):
    message = N_("{path} already exists; choose another file name.")


class DatabaseInUse(StorageError):
    message = N_("{path} is already open in another Integrationsplan window or process. Close it there first.")


class DatabaseTooNew(StorageError):
    message = N_(
        "{path} was written by a newer version of Integrationsplan (schema {found}, this version knows "
        "up to {known}). Please update the program."
    )


class DatabaseLocked(StorageError):
    message = N_("The database is busy. Please try again in a moment.")


class DiskFull(StorageError):
    message = N_("The disk is full; the last change was not saved. Free some space and try again.")


class ReadOnlyLocation(StorageError):
    message = N_("Integrationsplan cannot write to {path}. Check the folder's permissions.")


class DatabaseCorrupt(StorageError):
    message = N_("The database {path} is damaged. Restore it from a backup.")


class EmptyPassphrase(StorageError):
    message = N_("The passphrase must not be empty.")


class RecordNotFound(StorageError):
    message = N_("The record {id} does not exist (any more).")


class BackupFailed(StorageError):
    message = N_("The backup to {path} failed: {reason}")
