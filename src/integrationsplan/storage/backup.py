"""Copies of the encrypted database file: before a migration and whenever the user asks for one."""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
from datetime import datetime
from pathlib import Path

import sqlcipher3

from integrationsplan.i18n import _
from integrationsplan.storage import errors
from integrationsplan.storage.connection import Connection


def _digest(path: Path) -> str:
    with path.open("rb") as fp:
        return hashlib.file_digest(fp, "sha256").hexdigest()


def copy_database(conn: Connection, source: Path, target: Path) -> Path:
    """Copy the file byte for byte once the WAL is folded in; the copy opens with the same passphrase.

    The caller owns the only connection (the process lock sees to that) and runs no write meanwhile,
    so the checkpointed file is complete. The copy is read back and compared before it counts.
    """
    busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:  # the WAL could not be folded in: the file alone would lack the latest changes
        raise errors.BackupFailed(path=target, reason=_("the database is busy; try again in a moment"))
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, partial)
        if _digest(partial) != _digest(source):
            raise errors.BackupFailed(path=target, reason=_("the copy differs from the database"))
        _check_copy(conn, partial, target)
        partial.replace(target)
    except OSError as exc:
        raise errors.BackupFailed(path=target, reason=exc.strerror or str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):  # the folder may not even exist
            partial.unlink(missing_ok=True)
    return target


def _check_copy(conn: Connection, copy: Path, target: Path) -> None:
    """Open the copy as a database with the same key (ATTACH without KEY takes the main database's) and let
    SQLite check every page: a copy that does not open is no backup."""
    try:
        conn.execute("ATTACH DATABASE ? AS backup_check", (str(copy),))
        try:
            result = conn.execute("PRAGMA backup_check.quick_check").fetchone()[0]
        finally:
            conn.execute("DETACH DATABASE backup_check")
    except sqlcipher3.DatabaseError as exc:
        raise errors.BackupFailed(path=target, reason=str(exc)) from exc
    if result != "ok":
        raise errors.BackupFailed(path=target, reason=result)


_NAME = re.compile(r"^(?P<stem>.+)-(?P<time>\d{8}-\d{6})(?:-(?P<n>\d+))?(?P<suffix>\.[^.]+)$")


def backups_of(source: Path, folder: Path) -> list[Path]:
    """The backups of `source` in `folder` (named by backup_name), oldest first."""
    found = []
    for path in folder.glob(f"{source.stem}-*"):
        match = _NAME.match(path.name)
        if match and match["stem"] == source.stem and match["suffix"] == (source.suffix or ".db"):
            found.append((match["time"], int(match["n"] or 1), path))
    return [path for _time, _n, path in sorted(found)]


def rotate(source: Path, folder: Path, keep: int) -> list[Path]:
    """Delete the oldest backups of `source` beyond the newest `keep`; returns those deleted."""
    old = backups_of(source, folder)[: max(0, len(backups_of(source, folder)) - keep)]
    for path in old:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return old


def stamp() -> str:
    """The time in a backup's name."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backup_name(source: Path, folder: Path | None = None) -> str:
    """<name>-<time>.db; with a counter when `folder` already holds a backup of the same second (two imports
    in one second must not leave only the later backup)."""
    name = f"{source.stem}-{stamp()}"
    suffix = source.suffix or ".db"
    number = 1
    while folder is not None and (folder / f"{name}{'' if number == 1 else f'-{number}'}{suffix}").exists():
        number += 1
    return f"{name}{'' if number == 1 else f'-{number}'}{suffix}"
