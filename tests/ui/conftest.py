"""Real widgets offscreen over real encrypted databases; preferences in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from integrationsplan import demo
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend

if TYPE_CHECKING:
    from integrationsplan.ui.main_window import MainWindow

PASS = "ui test passphrase"


@pytest.fixture(autouse=True)
def _preferences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTEGRATIONSPLAN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("USER", "Frau Test")


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: any unexpected one fails the test instead."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "warning", "critical", "information", "about", "exec"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    with Database.create(path, PASS, case_prefix="UI") as db:
        demo.fill(db, persons=30, seed=11, today=date(2026, 11, 1))
    return path


@pytest.fixture
def backend(qtbot: QtBot) -> Iterator[Backend]:
    instance = Backend()
    yield instance
    instance.shutdown()


@pytest.fixture
def opened(qtbot: QtBot, backend: Backend, demo_path: Path) -> Backend:
    backend.open(demo_path, PASS, create=False)
    qtbot.waitUntil(lambda: backend.idle and backend.path is not None)
    return backend


@pytest.fixture
def passphrase() -> str:
    return PASS


@pytest.fixture
def wait_idle(qtbot: QtBot) -> Callable[[Backend], None]:
    """Wait until the worker has answered every job sent so far."""

    def wait(backend: Backend) -> None:
        qtbot.waitUntil(lambda: backend.idle, timeout=20_000)

    return wait


@pytest.fixture
def window(qtbot: QtBot, opened: Backend, wait_idle: Callable[[Backend], None]) -> Iterator[MainWindow]:
    from integrationsplan.ui.main_window import MainWindow
    from integrationsplan.ui.preferences import Preferences

    main = MainWindow(opened, Preferences())  # closed below: pytest-qt would close it before this teardown
    main.show()
    wait_idle(opened)
    yield main
    main.form.load(main.form.person)  # discard unsaved input: nothing to ask about when the window closes
    assert main.close()
    main.deleteLater()
