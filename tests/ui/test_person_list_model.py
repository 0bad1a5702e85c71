"""The person list model: passes Qt's model checks and pages rows in instead of loading them all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from integrationsplan.domain.person import Person
from integrationsplan.storage import Database, search
from integrationsplan.storage.person_list import ListQuery, Status
from integrationsplan.storage.records import to_row
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.models.person_list import PAGE_SIZE, Column, PersonListModel

Wait = Callable[[Backend], None]


def test_model_passes_qt_model_checks(qtbot: QtBot, qtmodeltester, opened: Backend, wait_idle: Wait) -> None:  # type: ignore[no-untyped-def]
    model = PersonListModel(opened)
    model.set_query(ListQuery(status=Status.ALL))
    wait_idle(opened)
    assert model.rowCount() >= 30
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.NEXT_REVIEW)
    wait_idle(opened)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, Column.CASE_NUMBER)).startswith("UI-")


def test_fifty_thousand_persons_open_with_one_page(
    qtbot: QtBot, backend: Backend, tmp_path: Path, passphrase: str, wait_idle: Wait
) -> None:
    path = tmp_path / "big.db"
    with Database.create(path, passphrase) as db:
        # The change-logged path would take minutes for 50,000 persons; rows and index are what the list reads.
        rows = [to_row(Person(case_number=f"B-{i:06d}", counselling_start=date(2024, 1, 1), family_name=f"N{i}"))
                for i in range(50_000)]  # fmt: skip
        names = list(rows[0])
        with db.write():
            db.conn.executemany(
                f"INSERT INTO person ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [[r[n] for n in names] for r in rows],
            )
            search.rebuild(db.conn, db.persons.iterate())
    backend.open(path, passphrase, create=False)
    wait_idle(backend)
    model = PersonListModel(backend)
    model.set_query(ListQuery())
    wait_idle(backend)
    assert model.total == 50_000
    assert model.rowCount() == len(model.rows) == PAGE_SIZE
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    wait_idle(backend)
    assert model.rowCount() == 2 * PAGE_SIZE
    assert len({r.id for r in model.rows}) == 2 * PAGE_SIZE


def test_stale_pages_are_dropped(qtbot: QtBot, opened: Backend, wait_idle: Wait) -> None:
    model = PersonListModel(opened)
    model.set_query(ListQuery(text="zzzz-nobody"))
    model.set_query(ListQuery(status=Status.ALL))  # replaces the first before its answer arrives
    wait_idle(opened)
    assert model.total == model.rowCount() >= 30
