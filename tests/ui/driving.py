"""Driving the program's modal dialogs from tests: a timer fills them in while `exec()` runs, as a user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.record_form import RecordDialog, set_value_of

Wait = Callable[[Backend], None]
D = TypeVar("D", bound=QDialog)


def in_dialog(qtbot: QtBot, kind: type[D], fill: Callable[[D], None], timeout_ms: int = 10_000) -> list[BaseException]:
    """Answer the next modal dialog of `kind` with `fill`; call before the action that opens it.

    Failures inside `fill` close the dialog (so the test cannot hang) and are returned for the test to raise.
    """
    failures: list[BaseException] = []
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            try:
                fill(dialog)
            except BaseException as exc:
                failures.append(exc)
                dialog.done(QDialog.DialogCode.Rejected)
            return
        waited[0] += 20
        if waited[0] > timeout_ms:
            failures.append(AssertionError(f"no {kind.__name__} appeared"))
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return failures


def fill_and_save(qtbot: QtBot, values: dict[str, Any]) -> Callable[[RecordDialog], None]:
    def fill(dialog: RecordDialog) -> None:
        for name, value in values.items():
            set_value_of(dialog.form.widgets[name], value)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    return fill


def through(
    qtbot: QtBot, backend: Backend, kind: type[D], fill: Callable[[D], None], open_it: Callable[[], object]
) -> None:
    """Open a dialog with `open_it`, answer it with `fill`, and wait for the writes it caused."""
    failures = in_dialog(qtbot, kind, fill)
    open_it()
    run(failures)
    qtbot.waitUntil(lambda: backend.idle, timeout=20_000)


def run(failures: list[BaseException]) -> None:
    if failures:
        raise failures[0]


def query(backend: Backend, qtbot: QtBot, job: Callable[[Database], Any]) -> Any:
    box: list[Any] = []
    backend.call(job, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def create_person(qtbot: QtBot, window: MainWindow, wait_idle: Wait, family: str, given: str) -> None:
    window.new_person()
    window.form.texts["family_name"].setText(family)
    window.form.texts["given_names"].setText(given)
    window.form.save()
    wait_idle(window.backend)
    assert window.form.person is not None and window.form.person.family_name == family
