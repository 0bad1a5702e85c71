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


def test_a_restored_team_device_gets_back_what_the_team_has_and_its_new_changes_reach_the_team(
    tmp_path: Path,
) -> None:
    """The laptop restores a backup made before it added a person and erased health data, both of which reached
    the office: under a new device identity it gets them back with the exchange, and what it records from then
    on reaches the office (under its old identity the office would have taken it for known changes)."""
    from dataclasses import replace

    from syncing import PASS, _person, _replica, _rows, _send

    from integrationsplan import retention
    from integrationsplan.domain.codes import ConsentForm, ConsentKind
    from integrationsplan.domain.consent import Consent
    from integrationsplan.domain.person import Resources
    from integrationsplan.storage import audit
    from integrationsplan.storage.restore import restore_and_open

    laptop, office = _replica(tmp_path, "laptop"), _replica(tmp_path, "office")
    first = _person(laptop, "Vorher")
    with laptop.write():
        special = laptop.consents.add(Consent(person_id=first.id, kind=ConsentKind.SPECIAL_CATEGORIES,
                                              given_on=date(2026, 1, 5), form=ConsentForm.WRITTEN))  # fmt: skip
        laptop.resources.add(Resources(person_id=first.id, health="Knieprobleme"))
    _send(laptop, office, tmp_path)
    copy = laptop.backup(tmp_path / "backups")
    old_device = laptop.device.device_id
    second = _person(laptop, "Nachher")
    with laptop.write():
        laptop.consents.save(replace(special, withdrawn_on=date(2026, 3, 1)))
    retention.erase_special(laptop, first.id, date(2026, 3, 2))
    _send(laptop, office, tmp_path)
    laptop.close()
    restored, kept = restore_and_open(copy, tmp_path / "laptop.db", PASS, tmp_path / "kept")
    try:
        assert kept is not None and restored.persons.find(second.id) is None
        assert restored.device.device_id != old_device
        assert audit.entries(restored.conn)[0].action == audit.Action.RESTORED
        third = _person(restored, "Danach")
        for _round in range(2):
            _send(restored, office, tmp_path)
            _send(office, restored, tmp_path)
        assert restored.persons.find(second.id) is not None and office.persons.find(third.id) is not None
        assert restored.resources.where(person_id=first.id)[0].health is None  # the erasure came back
        assert _rows(restored) == _rows(office)
    finally:
        restored.close()
        office.close()
