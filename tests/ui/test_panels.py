"""The situation and due tabs, the settings dialog and backups, through the real window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from driving import create_person, fill_and_save, query, through
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from integrationsplan.domain.codes import ConsentKind, LanguageLevel, ResidenceKind
from integrationsplan.i18n import language_name
from integrationsplan.storage.due import DueItem
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.record_form import RecordDialog, set_value_of
from integrationsplan.ui.views.settings_dialog import SettingsDialog

Wait = Callable[[Backend], None]


def test_every_table_model_passes_qt_model_checks(
    qtbot: QtBot,
    qtmodeltester,
    window: MainWindow,
    opened: Backend,
    wait_idle: Wait,  # type: ignore[no-untyped-def]
) -> None:
    window.list_tabs.setCurrentWidget(window.due)
    wait_idle(opened)
    due_model = window.due.items.model
    assert due_model.rowCount() > 0  # the demo has overdue steps and due reviews
    qtmodeltester.check(due_model, force_py=True)
    window.open_person(due_model.rows[0].person_id)
    wait_idle(opened)
    models = [
        *(section.model for section in (window.plan.needs, window.plan.goals, window.plan.steps, window.plan.reviews,
                                        window.plan.signatures, window.sessions.sessions, window.situation.residence,
                                        window.situation.consents)),
        window.household.table.model(),
    ]  # fmt: skip
    assert any(model.rowCount() for model in models)  # checked with rows, not only empty
    for model in models:
        qtmodeltester.check(model, force_py=True)


def test_due_list_puts_overdue_first_and_opens_the_person(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait
) -> None:
    window.list_tabs.setCurrentWidget(window.due)
    wait_idle(opened)
    items: list[DueItem] = window.due.items.model.rows
    days = [item.day for item in items]
    assert days == sorted(days)
    today = date.today()
    assert all(item.day <= today + timedelta(days=14) for item in items)
    overdue = next(i for i, item in enumerate(items) if item.overdue(today))
    assert window.due.items.model.index(overdue, 0).data(0x9) is not None  # ForegroundRole: shown in red
    window.due.items.select(overdue)
    window.due.items.opened.emit(items[overdue])
    wait_idle(opened)
    assert window.form.person is not None and window.form.person.id == items[overdue].person_id


def test_situation_residence_resources_and_consent(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_person(qtbot, window, wait_idle, "Osman", "Huda")
    window.tabs.setCurrentWidget(window.situation)
    through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {
        "kind": ResidenceKind.RESIDENCE_PERMIT, "legal_basis": "§ 25 Abs. 2 AufenthG",
        "valid_until": date.today() + timedelta(days=20),
    }), lambda: window.situation.add_residence())  # fmt: skip
    model = window.situation.residence.model
    assert [t.legal_basis for t in model.rows] == ["§ 25 Abs. 2 AufenthG"]
    assert model.index(0, 3).data(0x9) is not None  # expires within 60 days: in red

    # Health needs the explicit consent: refused in the dialog, accepted once the consent is recorded.
    def health_refused(dialog: RecordDialog) -> None:
        set_value_of(dialog.form.widgets["german_level"], LanguageLevel.A2)
        set_value_of(dialog.form.widgets["health"], "Diabetes")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: dialog.form.message.isVisible(), timeout=10_000)
        assert "Einwilligung" in dialog.form.message.text()
        assert dialog.form.widgets["health"].hasFocus() or not window.isActiveWindow()
        set_value_of(dialog.form.widgets["health"], None)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    through(qtbot, opened, RecordDialog, health_refused, lambda: window.situation.edit_resources())
    assert "A2" in window.situation.resources_text.text()

    through(
        qtbot,
        opened,
        RecordDialog,
        fill_and_save(qtbot, {"kind": ConsentKind.SPECIAL_CATEGORIES}),
        lambda: window.situation.add_consent(),
    )
    through(
        qtbot,
        opened,
        RecordDialog,
        fill_and_save(qtbot, {"health": "Diabetes"}),
        lambda: window.situation.edit_resources(),
    )
    assert window.situation.situation.resources is not None
    assert window.situation.situation.resources.health == "Diabetes"

    window.situation.consents.select(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.situation.withdraw_button.click()
    wait_idle(opened)
    consent = window.situation.situation.consents[0]
    assert consent.withdrawn_on == date.today()
    assert not window.situation.withdraw_button.isEnabled()


def test_settings_are_kept_and_a_bad_logo_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    preferences = Preferences()
    dialog = SettingsDialog(preferences)
    qtbot.addWidget(dialog)
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("<html>kein Bild</html>")
    assert not dialog.take_logo(not_an_image)
    assert "logo.png" in dialog.message.text()
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#225588"))
    good = tmp_path / "traeger.png"
    assert image.save(str(good))
    assert dialog.take_logo(good)
    dialog.organisation.setText("Landratsamt Musterkreis – Integrationsmanagement")
    dialog.auto_lock.setValue(12)
    dialog.backup_dir.setText(str(tmp_path / "sicherungen"))
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    again = Preferences()
    assert again.organisation == "Landratsamt Musterkreis – Integrationsmanagement"
    assert again.auto_lock_minutes == 12 and again.language == "ar"
    assert again.backup_dir == tmp_path / "sicherungen"
    assert again.logo is not None and again.logo != good and QImage(str(again.logo)).width() == 120
    good.unlink()  # the copy stays
    assert Preferences().logo == again.logo

    # Cancel keeps the logo that was there.
    other = tmp_path / "anderes.png"
    image.scaled(60, 20).save(str(other))
    dialog = SettingsDialog(again)
    qtbot.addWidget(dialog)
    assert dialog.take_logo(other)
    dialog.reject()
    assert QImage(str(Preferences().logo)).width() == 120
    assert language_name("ar") == "العربية" and language_name("de") == "Deutsch"


def test_back_up_now_writes_an_encrypted_copy(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, tmp_path: Path
) -> None:
    window.preferences.backup_dir = tmp_path / "sicherungen"
    window.backup_action.trigger()
    wait_idle(opened)
    copies = list((tmp_path / "sicherungen").glob("*.db"))
    assert len(copies) == 1 and copies[0].stat().st_size > 0
    assert str(copies[0]) in window.statusBar().currentMessage()


def test_print_dialog_writes_the_plan_in_the_client_language(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, tmp_path: Path
) -> None:
    from integrationsplan.ui.views.print_dialog import PrintDialog

    window.list_tabs.setCurrentWidget(window.due)
    wait_idle(opened)
    review = next(item for item in window.due.items.model.rows if item.kind.value == "review")
    window.open_person(review.person_id)  # a person with a plan
    wait_idle(opened)
    assert window.print_action.isEnabled()
    window.preferences.organisation = "Diakonie Musterstadt"
    target = tmp_path / "plan.pdf"

    def save(dialog: PrintDialog) -> None:
        dialog.language.setCurrentIndex(dialog.language.findData("ar"))
        dialog.path.setText(str(target))
        dialog.open_after.setChecked(False)  # no viewer in a test run
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)

    through(qtbot, opened, PrintDialog, save, lambda: window.print_action.trigger())
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in window.statusBar().currentMessage()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_the_information_sheet_is_printed_from_the_consents_with_the_organisation_contact(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, tmp_path: Path
) -> None:
    import pdfplumber

    from integrationsplan.storage import audit
    from integrationsplan.ui.views.print_dialog import PrintDialog

    person = query(opened, qtbot, lambda db: db.persons.all()[2])
    window.open_person(person.id)
    wait_idle(opened)
    window.tabs.setCurrentWidget(window.situation)
    qtbot.waitUntil(lambda: window.situation.sheet_button.isEnabled(), timeout=10_000)
    window.preferences.organisation = "Diakonie Musterstadt"
    window.preferences.privacy_contact = "Hauptstraße 1, 70000 Musterstadt"
    target = tmp_path / "sheet.pdf"

    def save(dialog: PrintDialog) -> None:
        assert person.case_number in dialog.windowTitle()
        assert Path(dialog.path.text()).name.startswith(f"Datenschutz-{person.case_number}-")
        dialog.language.setCurrentIndex(dialog.language.findData("de"))
        dialog.path.setText(str(target))
        dialog.open_after.setChecked(False)  # no viewer in a test run
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)

    through(qtbot, opened, PrintDialog, save, lambda: window.situation.sheet_button.click())
    with pdfplumber.open(target) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "Diakonie Musterstadt" in text and "Hauptstraße 1, 70000 Musterstadt" in text
    assert person.case_number in text and "Informationen zum Datenschutz" in text
    printed = query(opened, qtbot, lambda db: audit.entries(db.conn)[0])
    assert printed.action == "printed" and "consent_sheet" in printed.target and person.id in printed.target
