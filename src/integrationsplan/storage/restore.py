"""Restoring a backup: the database file is replaced by a backup, after the current file is kept as a copy.

The backup must open with the passphrase, be an Integrationsplan database no newer than this program and pass
SQLite's page check; only then is anything touched. The current file (and its write-ahead log, if a crash left
one) is copied aside first, so that a restore can itself be undone. The backup is written beside the file and
renamed over it, and the old write-ahead log is removed before: it belongs to the old file and must never be
applied to the restored one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from integrationsplan.domain.rules import new_id
from integrationsplan.storage import audit, connection, errors, migrate
from integrationsplan.storage.backup import stamp
from integrationsplan.storage.database import Database


def check_backup(path: Path, passphrase: str) -> None:
    """Refuse a file that is no usable backup (wrong passphrase, foreign, newer, damaged); changes nothing."""
    conn = connection.connect(path, passphrase, create=False)
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != connection.APPLICATION_ID:
            raise errors.NotOurDatabase(path=path)
        migrate.check_not_newer(conn, path)
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise errors.DatabaseCorrupt(path=path)
    finally:
        conn.close()


def restore(backup: Path, target: Path, passphrase: str, keep_folder: Path, *, checked: bool = False) -> Path | None:
    """Replace `target` by `backup`; returns where the replaced file was kept (None when there was none).
    Refused while the database is open in another program. `checked`: check_backup passed just now."""
    lock = connection.ProcessLock(target)
    lock.acquire()
    try:
        if not checked:
            check_backup(backup, passphrase)
        kept = None
        try:
            if target.exists():
                keep_folder.mkdir(parents=True, exist_ok=True)
                kept = keep_folder / f"{target.stem}-before-restore-{stamp()}{target.suffix or '.db'}"
                shutil.copy2(target, kept)
                wal = Path(f"{target}-wal")
                if wal.exists() and wal.stat().st_size:
                    shutil.copy2(wal, Path(f"{kept}-wal"))
            partial = target.with_name(target.name + ".restore.part")
            shutil.copy2(backup, partial)
            with partial.open("rb+") as handle:
                os.fsync(handle.fileno())
            for suffix in ("-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            os.replace(partial, target)
        except OSError as exc:
            raise errors.BackupFailed(path=target, reason=exc.strerror or str(exc)) from exc
        return kept
    finally:
        lock.release()


def restore_and_open(backup: Path, target: Path, passphrase: str, keep_folder: Path, user: str | None = None,
                     *, checked: bool = False) -> tuple[Database, Path | None]:  # fmt: skip
    """`restore`, then open the restored database (migrating an older one) as a new device, and note the restore
    in its audit log. Returns the database and where the replaced file was kept.

    A new device: the backup's counter of this device's changes is behind the changes the team already has from
    it (made after the backup). Going on under the old identity would number new changes like those, and the
    team would take them for known ones; and what the team still has of the old identity (an erasure done after
    the backup, say) would never come back, a device ignoring its own changes. Under a new identity the team
    sends back what the file lacks, and this device's new changes are new to everyone."""
    kept = restore(backup, target, passphrase, keep_folder, checked=checked)
    db = Database.open(target, passphrase, user=user)
    try:
        old = db.device.device_id
        with db.remote_write() as conn:
            conn.execute("UPDATE device SET device_id = ?, last_device_seq = 0", (new_id(),))
        db.audit(audit.Action.RESTORED, backup.name, {"kept": kept.name if kept else None, "device_was": old})
    except BaseException:
        db.close()
        raise
    return db, kept
