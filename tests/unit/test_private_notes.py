"""The private note stays on its device: never in the change log, a sync file or a printed plan; it goes with
the person, also when the erasure comes from another device."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from syncing import TEAM, _person, _replica, _send

from integrationsplan import retention
from integrationsplan.domain.errors import ValidationError
from integrationsplan.storage import Database, errors
from integrationsplan.sync import bundle, exchange

SECRET = "Vermutlich Schulden bei Verwandten"


def _everywhere(db: Database) -> str:
    rows = [repr(row) for table in ("change_log", "sync_held", "audit_log")
            for row in db.conn.execute(f"SELECT * FROM {table}")]  # fmt: skip
    return "\n".join(rows)


def test_a_private_note_is_never_synced_and_goes_with_the_person(tmp_path: Path) -> None:
    laptop, office = _replica(tmp_path, "laptop"), _replica(tmp_path, "office")
    try:
        person = _person(laptop, "Notiz")
        laptop.set_private_note(person.id, SECRET)
        assert laptop.private_note(person.id) == SECRET and SECRET not in _everywhere(laptop)
        out = tmp_path / "files"
        out.mkdir()
        sent = exchange.export(laptop, out, everything=True)
        opened = bundle.open_sealed(sent.read_bytes(), TEAM.secret, sent)
        assert SECRET not in repr(opened) and SECRET.encode() not in zlib.compress(repr(opened).encode())
        exchange.import_bundles(office, [sent], None)
        assert office.persons.find(person.id) is not None and office.private_note(person.id) == ""
        office.set_private_note(person.id, "Notiz im Büro")  # each device its own
        retention.erase(laptop, person.id)
        assert laptop.private_note(person.id) == ""
        _send(laptop, office, tmp_path)  # the erasure arrives: the office's own note goes too
        assert office.private_note(person.id) == ""
        assert office.conn.execute("SELECT count(*) FROM private_note").fetchone()[0] == 0
    finally:
        laptop.close()
        office.close()


def test_a_private_note_is_checked_like_any_text(tmp_path: Path) -> None:
    db = _replica(tmp_path, "laptop")
    try:
        person = _person(db, "Prüfung")
        with pytest.raises(ValidationError):
            db.set_private_note(person.id, "bad\x00control")
        with pytest.raises(errors.RecordNotFound):
            db.set_private_note("no-such-person", "text")
        db.set_private_note(person.id, "erst")
        db.set_private_note(person.id, "  ")  # empty: removed
        assert db.conn.execute("SELECT count(*) FROM private_note").fetchone()[0] == 0
        with db.write():
            db.persons.delete(person.id)
        assert db.private_note(person.id) == ""
    finally:
        db.close()
