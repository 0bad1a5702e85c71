"""Copies of the encrypted database file: before a migration and whenever the user asks for one."""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime
from pathlib import Path

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
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copy2(source, partial)
        if _digest(partial) != _digest(source):
            partial.unlink(missing_ok=True)
            raise errors.BackupFailed(path=target, reason="the copy differs from the database")
        partial.replace(target)
    except OSError as exc:
        raise errors.BackupFailed(path=target, reason=exc.strerror or str(exc)) from exc
    return target


def backup_name(source: Path, label: str = "") -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{source.stem}{label}-{stamp}{source.suffix or '.db'}"
