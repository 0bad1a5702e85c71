"""The worker owns the database: jobs run on its thread, results and errors come back on the UI thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from integrationsplan.domain.household import Household
from integrationsplan.errors import UserError
from integrationsplan.storage import Database
from integrationsplan.storage.errors import WrongPassphraseOrNotDatabase
from integrationsplan.ui.backend import Backend

Wait = Callable[[Backend], None]


def test_jobs_run_on_the_worker_and_answers_on_the_ui_thread(qtbot: QtBot, opened: Backend, wait_idle: Wait) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def job(db: Database) -> int:
        seen["job"] = threading.get_ident()
        return db.persons.count()

    def done(count: int) -> None:
        seen["done"] = threading.get_ident()
        seen["count"] = count

    opened.call(job, done)
    wait_idle(opened)
    assert seen["job"] != ui_thread
    assert seen["done"] == ui_thread
    assert seen["count"] >= 30


def test_wrong_passphrase_comes_back_as_user_error(
    qtbot: QtBot, backend: Backend, demo_path: Path, wait_idle: Wait
) -> None:
    errors: list[UserError] = []
    backend.open(demo_path, "wrong", create=False, on_error=errors.append)
    wait_idle(backend)
    assert isinstance(errors[0], WrongPassphraseOrNotDatabase)
    assert backend.path is None


def test_writes_announce_what_changed_and_bugs_are_reported(qtbot: QtBot, opened: Backend, wait_idle: Wait) -> None:
    with qtbot.waitSignal(opened.changed) as changed:
        opened.call(lambda db: db.households.add(Household(label="X")))
    assert "household" in changed.args[0].tables()
    with qtbot.waitSignal(opened.bug) as bug:
        opened.call(lambda db: 1 / 0)
    assert "ZeroDivisionError" in bug.args[0]


def test_create_through_the_backend(
    qtbot: QtBot, backend: Backend, tmp_path: Path, wait_idle: Wait, passphrase: str
) -> None:
    backend.open(tmp_path / "new.db", passphrase, create=True)
    wait_idle(backend)
    assert backend.path == tmp_path / "new.db"
    backend.close()
    wait_idle(backend)
    with Database.open(tmp_path / "new.db", passphrase) as db:
        assert db.persons.count() == 0


def test_shutdown_finishes_queued_jobs_and_closes_the_file(
    qtbot: QtBot, demo_path: Path, passphrase: str, wait_idle: Wait
) -> None:
    backend = Backend()
    backend.open(demo_path, passphrase, create=False)
    wait_idle(backend)
    ran: list[str] = []
    backend.call(lambda db: (time.sleep(0.3), ran.append("slow job")))
    backend.shutdown()  # the queued close ran after the slow job, not dropped with the event loop
    assert ran == ["slow job"]
    with Database.open(demo_path, passphrase) as db:  # the lock is free again
        assert db.persons.count() > 0
