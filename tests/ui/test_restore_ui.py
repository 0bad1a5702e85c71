"""Restoring a backup from the program: the window empties, the backup replaces the database (the replaced file
kept), the list shows the restored records; a wrong passphrase changes nothing; the health data of a person whose
consent to special categories is withdrawn are erased from the erasure queue, and the situation tab says why."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from driving import query
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from integrationsplan.domain.codes import ConsentForm, ConsentKind
from integrationsplan.domain.consent import Consent
from integrationsplan.domain.person import Person, Resources
from integrationsplan.storage import audit
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.views.erasure_dialog import ErasureDialog


def _window(qtbot: QtBot, opened: Backend, backups: Path) -> MainWindow:
    preferences = Preferences()
    preferences.backup_dir = backups
    window = MainWindow(opened, preferences)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and opened.idle, timeout=10_000)
    return window


def test_a_backup_is_restored_from_the_menu(qtbot: QtBot, opened: Backend, passphrase: str, tmp_path: Path) -> None:
    window = _window(qtbot, opened, tmp_path / "backups")
    made = query(opened, qtbot, lambda db: db.backup(tmp_path / "backups"))
    before = window.model.rowCount()

    def add(db):  # type: ignore[no-untyped-def]
        with db.write():
            db.persons.add(Person(case_number="UI-99999", family_name="Nachher", counselling_start=date(2026, 11, 2)))

    query(opened, qtbot, add)
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=10_000)
    told: list[str] = []
    window._user_error = told.append  # type: ignore[method-assign]
    window.restore_from(made, "not the passphrase")  # refused before anything is closed
    qtbot.waitUntil(lambda: opened.idle and bool(told), timeout=20_000)
    assert "Passphrase" in told[0] and opened.is_open and not window.locked
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=10_000)

    window.restore_from(made, passphrase)
    qtbot.waitUntil(lambda: opened.idle and window.model.rowCount() == before, timeout=30_000)
    assert opened.is_open and not window.locked and window.form.person is None
    assert "wiederhergestellt" in window.statusBar().currentMessage()
    assert query(opened, qtbot, lambda db: db.persons.by_case_number("UI-99999")) == []
    kept = [p for p in (tmp_path / "backups").iterdir() if "before-restore" in p.name]
    assert len(kept) == 1
    actions = query(opened, qtbot, lambda db: [e.action for e in audit.entries(db.conn)])
    assert audit.Action.RESTORED.value in actions
    assert query(opened, qtbot, lambda db: audit.verify(db.conn)) is None


def test_a_restore_failing_after_the_file_was_closed_leaves_the_window_locked(
    qtbot: QtBot, opened: Backend, passphrase: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from integrationsplan.ui import backend as backend_module

    window = _window(qtbot, opened, tmp_path / "backups")
    made = query(opened, qtbot, lambda db: db.backup(tmp_path / "backups"))

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("the stick was pulled out")

    monkeypatch.setattr(backend_module, "restore_and_open", broken)
    window.restore_from(made, passphrase)
    assert window.restoring and not window.menuBar().isEnabled()
    window.lock()  # no lock while the file is being replaced
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=20_000)
    assert "stick was pulled out" in window.lock_screen.message.text() and not opened.is_open
    assert not window.restoring and window.menuBar().isEnabled() is False  # locked: the menu waits
    window.lock_screen.passphrase.setText(passphrase)  # the file is the one from before: it unlocks
    window.lock_screen.button.click()
    qtbot.waitUntil(lambda: not window.locked and window.model.rowCount() > 0, timeout=20_000)
    assert opened.is_open and window.menuBar().isEnabled()


def test_health_data_are_erased_after_the_special_consent_is_withdrawn(
    qtbot: QtBot, opened: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    def prepare(db):  # type: ignore[no-untyped-def]
        with db.write():
            person = db.persons.add(Person(case_number="UI-88888", family_name="Karimi",
                                           counselling_start=date(2026, 1, 5)))  # fmt: skip
            consent = db.consents.add(Consent(person_id=person.id, kind=ConsentKind.SPECIAL_CATEGORIES,
                                              given_on=date(2026, 1, 5), form=ConsentForm.WRITTEN))  # fmt: skip
            db.resources.add(Resources(person_id=person.id, health="Rueckenleiden chronisch"))
        with db.write():
            db.consents.save(replace(consent, withdrawn_on=date(2026, 2, 1)))
        return person

    person = query(opened, qtbot, prepare)
    window = MainWindow(opened, Preferences())
    qtbot.addWidget(window)
    window.open_person(person.id)
    panel = window.situation
    qtbot.waitUntil(lambda: panel.loaded and panel.withdrawal_hint.text() != "", timeout=10_000)
    assert "Löschfristen" in panel.withdrawal_hint.text()

    asked: list[str] = []

    def ask(parent: QWidget, case_number: str, warning: str) -> str:
        asked.append(warning)
        return case_number

    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    dialog = ErasureDialog(opened, Preferences(), ask=ask)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "UI-88888")
    assert "Gesundheit" in dialog.table.item(row, 4).text()
    dialog.table.selectRow(row)
    dialog.erase_chosen()
    qtbot.waitUntil(lambda: "UI-88888" in dialog.outcome.text(), timeout=20_000)
    assert "Gesundheit" in asked[0] and "UI-88888" in asked[0]
    resources = query(opened, qtbot, lambda db: db.resources.where(person_id=person.id)[0])
    assert resources.health is None and resources.special_erased_on == date.today()
    assert query(opened, qtbot, lambda db: db.persons.find(person.id)) is not None  # the case stays
    qtbot.waitUntil(lambda: panel.withdrawal_hint.text() == "" and "gelöscht" in panel.resources_text.text(),
                    timeout=10_000)  # fmt: skip
