"""Opening databases: wrong passphrase, foreign and garbage files, a second process, rekeying."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from integrationsplan.domain.person import Person
from integrationsplan.storage import Database, errors

PASS = "erste Passphrase"


def _files(path: Path) -> dict[str, bytes]:
    """The database and its WAL; the -shm index and the .lock sidecar hold no data."""
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name in (path.name, path.name + "-wal")}


def _with_person(path: Path) -> None:
    with Database.create(path, PASS) as db:
        db.persons.add(Person(case_number="T-1", counselling_start=date(2024, 1, 1), family_name="Haddad"))


def test_wrong_passphrase_is_one_clear_error_and_changes_nothing(db_path: Path) -> None:
    _with_person(db_path)
    before = _files(db_path)
    with pytest.raises(errors.WrongPassphraseOrNotDatabase) as info:
        Database.open(db_path, "falsche Passphrase")
    assert "Falsche Passphrase" in str(info.value)
    assert _files(db_path) == before
    with Database.open(db_path, PASS) as db:  # the lock was released, the data is intact
        assert db.persons.by_case_number("T-1")[0].family_name == "Haddad"


def test_wrong_passphrase_with_uncheckpointed_wal_changes_nothing(db_path: Path) -> None:
    db = Database.create(db_path, PASS)
    db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    db.persons.add(Person(case_number="T-1", counselling_start=date(2024, 1, 1)))
    # Simulate a crash: copy the files while the WAL still holds the change.
    snapshot = _files(db_path)
    db.close()
    for name, data in snapshot.items():
        (db_path.parent / name).write_bytes(data)
    (db_path.parent / (db_path.name + ".lock")).unlink()
    before = _files(db_path)
    with pytest.raises(errors.WrongPassphraseOrNotDatabase):
        Database.open(db_path, "nope nope")
    assert _files(db_path) == before


@pytest.mark.parametrize(
    "content",
    [b"", b"hello world" * 1000, b"SQLite format 3\x00" + b"\x00" * 4080, bytes(range(256)) * 64],
    ids=["empty", "text", "fake-sqlite-header", "binary"],
)
def test_garbage_file_gives_a_clear_error(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(errors.WrongPassphraseOrNotDatabase):
        Database.open(db_path, PASS)
    assert db_path.read_bytes() == content


def test_plain_sqlite_file_is_refused(db_path: Path) -> None:
    conn = sqlcipher3.connect(str(db_path))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(errors.WrongPassphraseOrNotDatabase):
        Database.open(db_path, PASS)
    assert db_path.read_bytes() == before


def test_other_programs_sqlcipher_file_is_refused(db_path: Path) -> None:
    conn = sqlcipher3.connect(str(db_path))
    conn.set_key(PASS)
    conn.execute("CREATE TABLE passwords (x)")
    conn.commit()
    conn.close()
    with pytest.raises(errors.NotOurDatabase):
        Database.open(db_path, PASS)


def test_missing_file_and_existing_file(db_path: Path) -> None:
    with pytest.raises(errors.DatabaseMissing):
        Database.open(db_path, PASS)
    assert not db_path.exists()
    Database.create(db_path, PASS).close()
    with pytest.raises(errors.DatabaseExists):
        Database.create(db_path, PASS)


def test_empty_passphrase_is_refused(db_path: Path) -> None:
    with pytest.raises(errors.EmptyPassphrase):
        Database.create(db_path, "")
    assert not db_path.exists()


def test_second_process_is_refused(db_path: Path) -> None:
    db = Database.create(db_path, PASS)
    try:
        script = textwrap.dedent(
            f"""
            from integrationsplan.storage import Database, errors
            try:
                Database.open({str(db_path)!r}, {PASS!r})
            except errors.DatabaseInUse as exc:
                print("refused:", exc)
            """
        )
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        assert out.stdout.startswith("refused:"), out.stdout + out.stderr
        assert "bereits" in out.stdout
    finally:
        db.close()
    Database.open(db_path, PASS).close()  # free again once the first holder closed it


def test_second_open_in_the_same_process_is_refused(db_path: Path) -> None:
    with Database.create(db_path, PASS), pytest.raises(errors.DatabaseInUse):
        Database.open(db_path, PASS)


def test_rekey_changes_the_passphrase(db_path: Path) -> None:
    _with_person(db_path)
    with Database.open(db_path, PASS) as db:
        db.rekey("zweite Passphrase")
    with pytest.raises(errors.WrongPassphraseOrNotDatabase):
        Database.open(db_path, PASS)
    with Database.open(db_path, "zweite Passphrase") as db:
        assert db.persons.count() == 1
        assert db.check() == []


def test_settings_after_open(db: Database) -> None:
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    assert db.device.case_prefix == "T"
