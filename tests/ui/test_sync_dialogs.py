"""Exchanging data from the program: create a team, write a file, exchange through a folder with a preview,
the mass-deletion question asked twice, and the review list settling a conflict; real databases, real widgets."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from driving import in_dialog, query, run
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from integrationsplan.storage import Database
from integrationsplan.sync import exchange, review, team
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.views.review_dialog import ReviewDialog
from integrationsplan.ui.views.sync_dialog import PreviewDialog, SyncDialog

OFFICE_PASS = "office passphrase"


def _idle(qtbot: QtBot, backend: Backend) -> None:
    qtbot.waitUntil(lambda: backend.idle, timeout=20_000)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.ipsync"))


def _team_dialog(qtbot: QtBot, backend: Backend, folder: Path) -> SyncDialog:
    preferences = Preferences()
    preferences.backup_dir = folder.parent / "backups"
    dialog = SyncDialog(backend, preferences)
    qtbot.addWidget(dialog)
    _idle(qtbot, backend)
    assert dialog.state is not None and dialog.state.key is None
    assert not dialog.export_button.isEnabled()  # no team, no files
    dialog.new_team_button.click()
    _idle(qtbot, backend)
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.state.key is not None)
    assert dialog.export_button.isEnabled()
    dialog.folder.setText(str(folder))
    return dialog


def _office(tmp_path: Path, key: str, folder: Path) -> Database:
    office = Database.create(tmp_path / "office.db", OFFICE_PASS, device_name="Büro", case_prefix="BU")
    with office.remote_write() as conn:
        team.join(conn, team.parse_key(key))
    exchange.import_bundles(office, _files(folder), None)
    return office


def test_exchange_through_a_folder_with_preview_and_review(qtbot: QtBot, opened: Backend, tmp_path: Path) -> None:
    folder = tmp_path / "exchange"
    folder.mkdir()
    dialog = _team_dialog(qtbot, opened, folder)
    dialog.export_button.click()
    _idle(qtbot, opened)
    [written] = _files(folder)
    assert dialog.state is not None and dialog.state.key is not None
    office = _office(tmp_path, dialog.state.key, folder)
    try:
        person = office.persons.all()[0]
        with office.write():
            office.persons.save(replace(person, phone="07751 1111"))
        query(opened, qtbot, lambda db: _save_phone(db, person.id, "0176 2222"))
        exchange.export(office, folder)
        seen: list[str] = []

        def accept(preview: PreviewDialog) -> None:
            seen.append(preview.table.item(0, 0).text())
            preview.import_button.click()

        failures = in_dialog(qtbot, PreviewDialog, accept)
        dialog.exchange_button.click()
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
        run(failures)
        _idle(qtbot, opened)
        qtbot.waitUntil(lambda: len(_files(folder)) == 3, timeout=20_000)  # the laptop wrote its answer
        assert seen == ["Personendaten"]
        assert "Konflikt" in dialog.outcome.text() and list((tmp_path / "backups").iterdir())

        reviewing = ReviewDialog(opened, Preferences())
        qtbot.addWidget(reviewing)
        _idle(qtbot, opened)
        assert reviewing.list.count() == 1 and "Telefon" in reviewing.list.item(0).text()
        assert {reviewing.first.value.toPlainText(), reviewing.second.value.toPlainText()} == {"07751 1111",
                                                                                               "0176 2222"}  # fmt: skip
        keep = reviewing.first if reviewing.first.value.toPlainText() == "07751 1111" else reviewing.second
        keep.keep.click()
        _idle(qtbot, opened)
        qtbot.waitUntil(lambda: reviewing.list.count() == 0, timeout=10_000)
        assert not reviewing.empty.isHidden() and reviewing.detail.isHidden()
        assert query(opened, qtbot, lambda db: db.persons.get(person.id).phone) == "07751 1111"
        # The choice syncs: the office takes it in and has nothing to review either.
        exchange.import_bundles(office, [query(opened, qtbot, lambda db: exchange.export(db, folder))], None)
        assert office.persons.get(person.id).phone == "07751 1111" and review.open_conflicts(office) == []
    finally:
        office.close()
    assert written.exists()


def _save_phone(db: Database, person_id: str, phone: str) -> None:
    with db.write():
        db.persons.save(replace(db.persons.get(person_id), phone=phone))


def test_an_import_deleting_many_persons_asks_twice(qtbot: QtBot, opened: Backend, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    folder = tmp_path / "exchange"
    folder.mkdir()
    dialog = _team_dialog(qtbot, opened, folder)
    dialog.export_button.click()
    _idle(qtbot, opened)
    assert dialog.state is not None and dialog.state.key is not None
    office = _office(tmp_path, dialog.state.key, folder)
    try:
        doomed = [p.id for p in office.persons.all()[:8]]
        with office.write():
            for person_id in doomed:
                office.persons.delete(person_id)
        bundle = exchange.export(office, folder)
    finally:
        office.close()
    before = query(opened, qtbot, lambda db: db.persons.count())
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: asked.append(args[2]) or next(answers))
    failures = in_dialog(qtbot, PreviewDialog, lambda preview: preview.import_button.click())
    dialog.import_files([bundle])
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=20_000)
    run(failures)
    _idle(qtbot, opened)
    assert query(opened, qtbot, lambda db: db.persons.count()) == before  # the second "no" keeps them all
    assert "8" in asked[0] and dialog.message.text()


def test_a_dialog_closed_before_its_answer_arrives_is_left_alone(qtbot: QtBot, opened: Backend) -> None:
    """Found in review: an answer arriving for a deleted dialog raised "C++ object already deleted"."""
    from shiboken6 import delete

    for dialog in (ReviewDialog(opened, Preferences()), SyncDialog(opened, Preferences())):
        delete(dialog)  # gone while its first job is still queued on the worker
        _idle(qtbot, opened)
    qtbot.wait(50)


def test_a_file_opened_from_the_file_manager_is_read_in_the_exchange_dialog(
    qtbot: QtBot, window: MainWindow, opened: Backend, tmp_path: Path
) -> None:
    """A double click on a sync file starts the program with it (cli._opened_file): after unlocking, the exchange
    dialog reads it; a file that is no sync file is refused there with its name, and nothing changes."""
    members = team.new_team()
    query(opened, qtbot, lambda db: _join(db, members))
    before = query(opened, qtbot, lambda db: db.counts())
    foreign = tmp_path / "Brief vom Amt.ipsync"
    foreign.write_bytes(b"%PDF-1.7 not a sync file")
    shown: list[str] = []

    def read(dialog: SyncDialog) -> None:
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=20_000)
        shown.append(dialog.message.text())
        dialog.reject()

    failures = in_dialog(qtbot, SyncDialog, read)
    window.import_sync_file(foreign)
    run(failures)
    assert shown and "Brief vom Amt.ipsync" in shown[0] and "keine Sync-Datei" in shown[0]
    assert query(opened, qtbot, lambda db: db.counts()) == before


def _join(db: Database, members: team.Team) -> None:
    with db.remote_write() as conn:
        team.join(conn, members)
