"""The audit log: opening, changing, exporting, importing, printing, erasing and backing up are recorded with ids
and counts only; the hash chain shows an edited, inserted or removed entry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from syncing import _person, _replica, _send

from integrationsplan import retention
from integrationsplan.domain.codes import ClosureReason
from integrationsplan.domain.person import CaseClosure
from integrationsplan.storage import Database, audit


def _actions(db: Database) -> list[str]:
    return [e.action for e in reversed(audit.entries(db.conn))]


def test_what_happens_is_recorded_without_content(tmp_path: Path) -> None:
    a, b = _replica(tmp_path, "laptop"), _replica(tmp_path, "office")
    try:
        a.user = "Frau Beispiel"
        person = _person(a, "Geheimname")
        _send(a, b, tmp_path)
        with a.write():
            a.closures.add(CaseClosure(person_id=person.id, closed_on=date(2024, 1, 2), reason=ClosureReason.OTHER))
        retention.erase(a, person.id)
        a.backup(tmp_path / "backups")
        assert _actions(a) == ["opened", "changed", "exported", "changed", "erased", "changed", "backed_up"]
        changed = audit.entries(a.conn)[-2]  # the first write: the person
        assert f"person:{person.id}" in changed.target and '"person":[1,0,0]' in changed.detail
        assert all(e.user == "Frau Beispiel" for e in audit.entries(a.conn)[:-1])
        assert "imported" in _actions(b)
        for db in (a, b):
            text = audit.to_csv(audit.entries(db.conn))
            assert "Geheimname" not in text and audit.verify(db.conn) is None
    finally:
        a.close()
        b.close()


def _tamper(db: Database, sql: str) -> None:
    """What someone with the passphrase and an SQLite shell could do: drop the guards, then change the log."""
    db.conn.execute("DROP TRIGGER audit_log_no_update")
    db.conn.execute("DROP TRIGGER audit_log_no_delete")
    db.conn.execute(sql)


@pytest.mark.parametrize(("sql", "broken"), [
    ("UPDATE audit_log SET target = 'person:other' WHERE seq = 3", 3),
    ("UPDATE audit_log SET user = 'jemand' WHERE seq = 2", 2),
    ("DELETE FROM audit_log WHERE seq = 2", 3),
    ("INSERT INTO audit_log SELECT 99, at, user, device_id, action, target, detail, prev_hash, hash FROM audit_log"
     " WHERE seq = 1", 99),
])  # fmt: skip
def test_the_chain_shows_an_edited_removed_or_added_entry(tmp_path: Path, sql: str, broken: int) -> None:
    db = _replica(tmp_path, "laptop")
    try:
        for name in ("A", "B", "C"):
            _person(db, name)
        assert audit.verify(db.conn) is None
        with pytest.raises(Exception, match="append-only"):
            db.conn.execute("DELETE FROM audit_log WHERE seq = 2")
        _tamper(db, sql)
        assert audit.verify(db.conn) == broken
        assert str(broken) in audit.ChainBroken(seq=broken).text()
    finally:
        db.close()
