"""Backups are checked as databases before they count, rotate, and restore: a round trip gives back the original,
an interrupted backup never replaces a good one, a bad backup is refused with the database untouched."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from integrationsplan import demo
from integrationsplan.storage import Database, backup, errors
from integrationsplan.storage.records import TABLES
from integrationsplan.storage.restore import restore

PASS = "backup test passphrase"


def _state(path: Path) -> str:
    with Database.open(path, PASS) as db:
        digest = hashlib.sha256()
        for table in [*TABLES, "change_log"]:
            for row in db.conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr(row).encode())
        return digest.hexdigest()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    with Database.create(path, PASS) as db:
        demo.fill(db, persons=8, seed=4, today=date(2026, 11, 1))
    return path


def test_a_backup_restores_to_the_original(db_path: Path, tmp_path: Path) -> None:
    original = _state(db_path)
    with Database.open(db_path, PASS) as db:
        copy = db.backup(tmp_path / "backups")
        with db.write():
            db.persons.delete(db.persons.all()[0].id)  # a mistake made after the backup
    changed = _state(db_path)
    assert changed != original
    kept = restore(copy, db_path, PASS, tmp_path / "kept")
    assert _state(db_path) == original
    assert kept is not None and _state(kept) == changed  # the replaced file can itself be restored


def test_an_interrupted_backup_never_replaces_a_good_one(db_path: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    folder = tmp_path / "backups"
    with Database.open(db_path, PASS) as db:
        good = db.backup(folder)
        before = good.read_bytes()

        def cut_short(source: Path, target: Path) -> None:
            Path(target).write_bytes(Path(source).read_bytes()[:8192])  # the stick was pulled
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(shutil, "copy2", cut_short)
        monkeypatch.setattr(backup, "backup_name", lambda source, folder=None: good.name)  # the same name again
        with pytest.raises(errors.BackupFailed):
            db.backup(folder)
    assert good.read_bytes() == before and [p.name for p in folder.iterdir()] == [good.name]


def test_a_damaged_copy_is_no_backup(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_copy = shutil.copy2

    def flipped(source: Path, target: Path) -> None:
        real_copy(source, target)
        data = bytearray(Path(target).read_bytes())
        data[20000] ^= 0xFF
        Path(target).write_bytes(bytes(data))

    monkeypatch.setattr(shutil, "copy2", flipped)
    monkeypatch.setattr(backup, "_digest", lambda path: "same")  # past the byte comparison: the page check finds it
    with Database.open(db_path, PASS) as db, pytest.raises(errors.BackupFailed):
        db.backup(tmp_path / "backups")
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


@pytest.mark.parametrize("bad", ["wrong passphrase", "foreign file", "open elsewhere"])
def test_a_bad_restore_is_refused_and_changes_nothing(db_path: Path, tmp_path: Path, bad: str) -> None:
    with Database.open(db_path, PASS) as db:
        copy = db.backup(tmp_path / "backups")
    before = _state(db_path)  # the records: opening it writes an audit entry, so the bytes change
    if bad == "foreign file":
        copy.write_bytes(b"not a database" * 1000)
    if bad == "open elsewhere":
        with Database.open(db_path, PASS), pytest.raises(errors.DatabaseInUse):
            restore(copy, db_path, PASS, tmp_path / "kept")
    else:
        with pytest.raises(errors.StorageError):
            restore(copy, db_path, "wrong" if bad == "wrong passphrase" else PASS, tmp_path / "kept")
    assert _state(db_path) == before and not (tmp_path / "kept").exists()


def test_old_backups_rotate_out(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    with Database.open(db_path, PASS) as db:
        made = [db.backup(folder) for _ in range(5)]  # within a second: counters keep them apart
    (folder / "other-20260101-000000.db").write_bytes(b"x")  # another database's backup stays
    removed = backup.rotate(db_path, folder, keep=3)
    assert removed == made[:2] and backup.backups_of(db_path, folder) == made[2:]
    assert (folder / "other-20260101-000000.db").exists()
