"""Every older schema version migrates from a real file; a newer one is refused untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from integrationsplan.storage import Database, connection, errors, migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_PASSPHRASE = "fixture passphrase"

# A migration that has shipped must never change: files on caseworkers' laptops were made with it.
SHIPPED = {
    "0001_initial.sql": "12a351f079a5d56a10a1e694de0ecd749af2e246bfe4826705f7cae237dc3c7a",
    "0002_person_search.sql": "e4d28583f78dc2f33c395ebd1ada2c489c1117a7c90a488f5cc2cc34895dafd0",
}


def test_shipped_migrations_are_unchanged() -> None:
    for step in migrate.migrations():
        if step.name in SHIPPED:
            assert hashlib.sha256(step.sql.encode()).hexdigest() == SHIPPED[step.name], step.name


def test_there_is_a_fixture_for_every_older_version() -> None:
    for version in range(1, migrate.latest_version()):
        assert (FIXTURES / f"schema{version}.db").is_file(), f"run tests/fixtures/make_schema_fixtures.py {version}"


@pytest.mark.parametrize("version", range(1, migrate.latest_version()))
def test_older_schema_migrates_with_backup(version: int, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / f"schema{version}.db", path)
    with Database.open(path, FIXTURE_PASSPHRASE) as db:
        assert db.schema_version == migrate.latest_version()
        assert db.check() == []
        person = db.persons.get("p-1")
        assert person.family_name == "Müller"
        assert person.languages == ("ar", "de")
        assert [p.id for p in db.persons.search("mueller")] == ["p-1"]
        assert [p.id for p in db.persons.search("olexandr")] == ["p-2"]
        assert db.goals.get("g-1").text == "B1 bis Ende 2024"
    backups = list(tmp_path.glob(f"old.db.schema{version}-*.bak"))
    assert len(backups) == 1
    # The backup is the untouched old file: still encrypted, still at the old version.
    conn = connection.connect(backups[0], FIXTURE_PASSPHRASE, create=False)
    try:
        assert migrate.schema_version(conn) == version
    finally:
        conn.close()
    assert b"M\xc3\xbcller" not in backups[0].read_bytes()


def test_failed_migration_step_leaves_the_old_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema1.db", path)
    broken = migrate.Migration(2, "0002_broken.sql", "CREATE TABLE half (x);\nTHIS IS NOT SQL;\n")
    first = migrate.migrations()[0]
    monkeypatch.setattr(migrate, "migrations", lambda: (first, broken))
    with pytest.raises(sqlcipher3.OperationalError):
        Database.open(path, FIXTURE_PASSPHRASE)
    monkeypatch.undo()
    conn = connection.connect(path, FIXTURE_PASSPHRASE, create=False)
    try:
        assert migrate.schema_version(conn) == 1
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    finally:
        conn.close()
    assert len(list(tmp_path.glob("old.db.schema1-*.bak"))) == 1


def test_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    Database.create(db_path, "pass phrase 1").close()
    conn = connection.connect(db_path, "pass phrase 1", create=False)
    conn.execute(f"PRAGMA user_version = {migrate.latest_version() + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(errors.DatabaseTooNew) as info:
        Database.open(db_path, "pass phrase 1")
    assert "neueren Version" in str(info.value)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.bak"))


def test_schema_10_applies_erasures_of_health_data_an_older_file_logged(tmp_path: Path) -> None:
    """A schema-9 device took in another device's erasure of health data without a column for its mark: after
    the upgrade the row carries the mark and the erased value is gone from the history."""
    from integrationsplan.storage.changes import Writer, references
    from integrationsplan.sync import projection

    path = tmp_path / "nine.db"
    conn = connection.connect(path, FIXTURE_PASSPHRASE, create=True)
    connection.configure(conn, path, create=True)
    migrate.migrate(conn, path, target=9, backup=False)
    conn.execute("INSERT INTO device VALUES (1, 'dev-nine', 'nine', 'NN', 1, 0, 0)")
    conn.execute("BEGIN IMMEDIATE")
    writer = Writer(conn, references(conn))
    writer.insert("person", {"id": "p-9", "case_number": "NN-1", "counselling_start": "2026-01-05",
                             "languages": "[]", "extended": 0})  # fmt: skip
    writer.insert("resources", {"id": "r-9", "person_id": "p-9", "health": "Asthma bronchiale schwer"})
    writer.finish()
    conn.execute("COMMIT")
    health = conn.execute("SELECT device_id, device_seq, hlc FROM change_log WHERE field = 'health'").fetchone()
    later = health[2] + 1000
    conn.executemany(  # what schema 9 logged of the other device's erasure: the mark, then the empty value
        "INSERT INTO change_log (device_id, device_seq, hlc, tbl, row_id, field, op, value, seen_hlc, seen)"
        " VALUES (?, ?, ?, 'resources', 'r-9', ?, 'set', ?, ?, ?)",
        [("dev-other", 1, later, "special_erased_on", "2026-03-02", 0, "[]"),
         ("dev-other", 2, later + 1, "health", None, health[2], f'[["{health[0]}",{health[1]}]]')],
    )  # fmt: skip
    conn.execute("UPDATE resources SET health = NULL")  # as the merge at schema 9 left the row
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with Database.open(path, FIXTURE_PASSPHRASE) as db:
        resources = db.resources.get("r-9")
        assert resources.special_erased_on is not None and resources.health is None
        assert projection.differences(db.conn) == []
        assert db.conn.execute(
            "SELECT count(*) FROM change_log WHERE value = 'Asthma bronchiale schwer'"
        ).fetchone() == (0,)
