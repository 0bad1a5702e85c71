"""Erasing from the program: the queue lists closed cases past their period; erasing asks twice and then the
case is gone from the database and from the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from driving import query
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from integrationsplan.domain.codes import ClosureReason
from integrationsplan.domain.person import CaseClosure
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.views import erasure_dialog
from integrationsplan.ui.views.erasure_dialog import ErasureDialog


def _close_two(db: Database) -> list[str]:
    persons = db.persons.all()[:2]
    with db.write():
        for person, day in zip(persons, (date(2024, 3, 1), date(2025, 1, 10)), strict=True):
            db.closures.add(CaseClosure(person_id=person.id, closed_on=day, reason=ClosureReason.MOVED_AWAY))
    return [p.case_number for p in persons]


def test_the_queue_erases_the_chosen_case_after_two_confirmations(qtbot: QtBot, opened: Backend,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    cases = query(opened, qtbot, _close_two)
    before = query(opened, qtbot, lambda db: db.persons.count())
    asked: list[str] = []

    def ask(parent: QWidget, case_number: str, name: str) -> str:
        asked.append(case_number)
        return case_number if len(asked) > 1 else "wrong"

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    preferences = Preferences()
    preferences.retention_months = 12
    dialog = ErasureDialog(opened, preferences, ask=ask)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    assert [dialog.table.item(r, 0).text() for r in range(2)] == cases  # the longest overdue first
    dialog.erase_chosen()  # a mistyped case number erases nothing
    qtbot.waitUntil(lambda: opened.idle)
    assert told and query(opened, qtbot, lambda db: db.persons.count()) == before
    dialog.erase_chosen()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20_000)
    assert query(opened, qtbot, lambda db: db.persons.count()) == before - 1
    assert cases[0] in dialog.outcome.text() and dialog.table.item(0, 0).text() == cases[1]
    dialog.months.setValue(24)  # a longer period: the other case is not due yet
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
    assert Preferences().retention_months == 24


def test_the_person_shown_can_be_erased_on_request(qtbot: QtBot, opened: Backend,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    window = MainWindow(opened, Preferences())
    qtbot.addWidget(window)
    person = query(opened, qtbot, lambda db: db.persons.all()[3])
    window.open_person(person.id)
    qtbot.waitUntil(lambda: window.form.person is not None and window.erase_action.isEnabled(), timeout=10_000)
    monkeypatch.setattr(erasure_dialog, "ask_case_number", lambda parent, case, name: case)
    window.erase_action.trigger()
    qtbot.waitUntil(lambda: window.form.person is None, timeout=20_000)
    assert not window.erase_action.isEnabled() and window.form.texts["family_name"].text() == ""
    assert query(opened, qtbot, lambda db: db.persons.find(person.id)) is None
    assert person.case_number in window.statusBar().currentMessage()


def test_the_audit_log_shows_its_chain_and_exports(qtbot: QtBot, opened: Backend, tmp_path: Path) -> None:
    from integrationsplan.ui.views.audit_dialog import AuditDialog

    dialog = AuditDialog(opened)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    assert "unversehrt" in dialog.status.text()
    actions = {dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())}
    assert {"geöffnet", "geändert"} <= actions  # the demo's writes and this opening
    dialog.export_to(tmp_path / "audit.csv")
    qtbot.waitUntil(lambda: (tmp_path / "audit.csv").exists() and opened.idle, timeout=10_000)
    assert (tmp_path / "audit.csv").read_text(encoding="utf-8").startswith("seq,at,user")


def test_every_quit_leaves_a_checked_backup_and_old_ones_rotate(qtbot: QtBot, opened: Backend, tmp_path: Path) -> None:
    preferences = Preferences()
    preferences.backup_dir = tmp_path / "auto"
    preferences.backup_keep = 2
    for _quit in range(3):
        window = MainWindow(opened, preferences)
        qtbot.addWidget(window)
        window.close()
        qtbot.waitUntil(lambda: opened.idle, timeout=20_000)
    kept = sorted((tmp_path / "auto").iterdir())
    assert len(kept) == 2 and all(p.suffix == ".db" for p in kept)
    preferences.backup_keep = 0  # none: quitting makes no backup
    window = MainWindow(opened, preferences)
    qtbot.addWidget(window)
    window.close()
    qtbot.waitUntil(lambda: opened.idle, timeout=20_000)
    assert sorted((tmp_path / "auto").iterdir()) == kept


def test_the_private_note_is_kept_per_person(qtbot: QtBot, opened: Backend) -> None:
    from integrationsplan.ui.views.private_note_dialog import PrivateNoteDialog

    person = query(opened, qtbot, lambda db: db.persons.all()[1])
    dialog = PrivateNoteDialog(opened, person)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.text.isEnabled(), timeout=10_000)
    assert dialog.text.toPlainText() == ""
    dialog.text.setPlainText("Nur für mich")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10_000)
    assert query(opened, qtbot, lambda db: db.private_note(person.id)) == "Nur für mich"
    again = PrivateNoteDialog(opened, person)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.text.toPlainText() == "Nur für mich", timeout=10_000)


def test_the_access_report_of_the_person_shown(qtbot: QtBot, opened: Backend, tmp_path: Path) -> None:
    window = MainWindow(opened, Preferences())
    qtbot.addWidget(window)
    person = query(opened, qtbot, lambda db: db.persons.all()[2])
    window.open_person(person.id)
    qtbot.waitUntil(lambda: window.access_report_action.isEnabled(), timeout=10_000)
    window.write_access_report(tmp_path)
    qtbot.waitUntil(lambda: len(list(tmp_path.glob("*-auskunft*"))) == 2 and opened.idle, timeout=20_000)
    language = next((c for c in person.languages if c in ("de", "en", "ar", "fa", "uk", "ru", "tr", "ku", "ckb", "ps",
                                                         "ti", "so", "fr", "sq")), "de")  # fmt: skip
    assert (tmp_path / f"{person.case_number}-auskunft-{language}.pdf").exists()
    assert person.case_number in window.statusBar().currentMessage()
