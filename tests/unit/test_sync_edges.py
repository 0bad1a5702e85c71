"""Edges of sync a review found: a reference to a record erased long before, a code of a newer version, a
sequence number 0, and the vector of a device with a gap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from syncing import PASS, TEAM, _person, _replica

from integrationsplan.domain.codes import LifeArea, Priority
from integrationsplan.domain.plan import Goal, Plan
from integrationsplan.storage import Database
from integrationsplan.storage.records import to_row
from integrationsplan.sync import bundle, exchange
from integrationsplan.sync.replica import LOG_COLUMNS, materialise


def test_an_optional_reference_to_a_record_erased_before_is_cleared(tmp_path: Path) -> None:
    """A plan arriving with `previous_plan_id` naming a plan erased long ago is kept, without the reference."""
    db = _replica(tmp_path, "office")
    try:
        first, second = _person(db, "Erased"), _person(db, "Stays")
        with db.write():
            old = db.plans.add(Plan(person_id=first.id, created_on=date(2026, 2, 1)))
        with db.write() as writer:
            writer.purge("person", first.id)
        arriving = Plan(person_id=second.id, created_on=date(2026, 3, 1), previous_plan_id=old.id)
        entries = [("elsewhere", seq, 10**15 + seq, "plan", arriving.id, name, "set", value, 0, None)
                   for seq, (name, value) in enumerate(sorted(to_row(arriving).items()), start=1)]  # fmt: skip
        with db.remote_write() as conn:
            conn.executemany(f"INSERT INTO change_log ({LOG_COLUMNS}) VALUES ({', '.join('?' * 10)})", entries)
            materialise(conn, [("plan", arriving.id)])
        kept = db.plans.get(arriving.id)
        assert kept.person_id == second.id and kept.previous_plan_id is None
        assert db.check() == []
    finally:
        db.close()


def test_a_code_of_a_newer_version_is_refused_with_its_own_message(tmp_path: Path) -> None:
    laptop, office = _replica(tmp_path, "laptop"), _replica(tmp_path, "office")
    try:
        person = _person(laptop, "Neu")
        with laptop.write():
            plan = laptop.plans.add(Plan(person_id=person.id, created_on=date(2026, 2, 1)))
            laptop.goals.add(Goal(plan_id=plan.id, area=LifeArea.WORK, text="Arbeit", priority=Priority.HIGH))
        (tmp_path / "out").mkdir()
        path = exchange.export(laptop, tmp_path / "out")
        opened = bundle.open_sealed(path.read_bytes(), TEAM.secret, path)
        changes = [c._replace(value="space_travel") if (c.tbl, c.field) == ("goal", "area") else c
                   for c in opened.changes]  # fmt: skip
        path.write_bytes(bundle.seal(bundle.Bundle(opened.manifest, changes), TEAM.secret))
        before = office.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        with pytest.raises(exchange.BundleUnknownCode) as refused:
            exchange.import_bundles(office, [path], None)
        assert "goal.area = space_travel" in refused.value.text() and "neueren Version" in refused.value.text()
        assert office.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    finally:
        laptop.close()
        office.close()


def test_sequence_numbers_start_at_one_and_a_gap_stops_the_vector(tmp_path: Path) -> None:
    entry = ["device", 0, 1, "person", "p", "family_name", "set", "X", 0, None]
    with pytest.raises(ValueError):
        bundle._change(entry)
    assert bundle._change([*entry[:1], 1, *entry[2:]]).device_seq == 1
    with Database.create(tmp_path / "v.db", PASS) as db, db.remote_write() as conn:
        rows = [("other", seq, seq, "person", "p", f"f{seq}", "set", "x", 0, None) for seq in (0, 2, 3)]
        conn.executemany(f"INSERT INTO change_log ({LOG_COLUMNS}) VALUES ({', '.join('?' * 10)})", rows)
        assert "other" not in exchange.vector(db)  # 1 is missing: nothing from "other" is held without a gap
        conn.execute(f"INSERT INTO change_log ({LOG_COLUMNS}) VALUES ('other', 1, 1, 'person', 'p', 'g', 'set',"
                     " 'x', 0, NULL)")  # fmt: skip
        assert exchange.vector(db)["other"] == 3
