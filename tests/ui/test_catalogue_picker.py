"""Goals and steps picked from the catalogue in the plan's dialogs: search as you type, then edit freely."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import create_person, fill_and_save, query, through
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from integrationsplan import catalogue
from integrationsplan.catalogue import Kind
from integrationsplan.domain.codes import LifeArea, ReferralTarget
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.catalogue_field import CatalogueField
from integrationsplan.ui.main_window import MainWindow
from integrationsplan.ui.record_form import RecordDialog

Wait = Callable[[Backend], None]
SHIPPED = catalogue.load(catalogue.shipped_folder())
KITA = next(e for e in SHIPPED.of_kind(Kind.GOAL) if "Kita" in e.german)
KITA_STEP = next(e for e in SHIPPED.of_kind(Kind.STEP, KITA.area) if e.referral is not None)


def _pick(qtbot: QtBot, field: CatalogueField, typed: str, wanted: catalogue.Entry) -> None:
    """Type into the search line, then choose `wanted` in the popup with the arrow keys and Enter."""
    field.search.setFocus()
    qtbot.keyClicks(field.search, typed)
    popup = field.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    keys = [field.model.item(row).data(Qt.ItemDataRole.UserRole + 1).key for row in range(field.model.rowCount())]
    assert wanted.key in keys, (typed, keys)
    for _ in range(keys.index(wanted.key)):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.search.text() == "", timeout=5_000)


def test_a_goal_and_its_step_come_from_the_catalogue(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait
) -> None:
    create_person(qtbot, window, wait_idle, "Rahimi", "Shirin")
    window.tabs.setCurrentWidget(window.plan)
    through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {}), lambda: window.plan.new_plan())

    def pick_goal(dialog: RecordDialog) -> None:
        field = dialog.form.widgets["catalogue_key"]
        assert isinstance(field, CatalogueField) and not field.note.isVisible()
        text, translation = dialog.form.widgets["text"], dialog.form.widgets["translation"]
        assert isinstance(text, QPlainTextEdit) and isinstance(translation, QPlainTextEdit)
        dialog.form.widgets["area"].set_value(LifeArea.LANGUAGE)  # type: ignore[attr-defined]
        qtbot.keyClicks(text, "Kita suchen")
        qtbot.keyClicks(translation, "looking for a Kita")
        _pick(qtbot, field, "kita", KITA)
        assert text.toPlainText() == KITA.german
        assert translation.toPlainText() == ""  # a translation of the old text must not print beside the new one
        assert dialog.form.widgets["area"].value() is KITA.area  # type: ignore[attr-defined]
        assert field.note.isVisible() and "Katalog" in field.note.text()
        # Nothing typed is lost for good: Ctrl+Z brings it back, Ctrl+Y takes the entry again.
        text.undo()
        translation.undo()
        assert (text.toPlainText(), translation.toPlainText()) == ("Kita suchen", "looking for a Kita")
        assert "geändert" in field.note.text()
        text.redo()
        translation.redo()
        assert (text.toPlainText(), translation.toPlainText()) == (KITA.german, "")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    through(qtbot, opened, RecordDialog, pick_goal, lambda: window.plan.add_goal())
    [goal] = window.plan.view.goals
    assert (goal.text, goal.catalogue_key, goal.area) == (KITA.german, KITA.key, KITA.area)

    window.plan.goals.select(0)
    first_word = KITA_STEP.german.split()[0][:5]

    def pick_step(dialog: RecordDialog) -> None:
        field = dialog.form.widgets["catalogue_key"]
        assert isinstance(field, CatalogueField)
        # The goal's life area comes first in the whole list.
        field.browse.click()
        assert field.model.item(0).data(Qt.ItemDataRole.UserRole + 1).area is KITA.area
        field.completer.popup().hide()  # type: ignore[union-attr]
        _pick(qtbot, field, first_word, KITA_STEP)
        assert dialog.form.widgets["responsible"].value() is KITA_STEP.responsible  # type: ignore[attr-defined]
        assert dialog.form.widgets["referral_target"].value() is KITA_STEP.referral  # type: ignore[attr-defined]
        # A referral the caseworker chose stays when another entry is picked.
        dialog.form.widgets["referral_target"].set_value(ReferralTarget.VOLUNTEERS)  # type: ignore[attr-defined]
        _pick(qtbot, field, first_word, KITA_STEP)
        assert dialog.form.widgets["referral_target"].value() is ReferralTarget.VOLUNTEERS  # type: ignore[attr-defined]
        dialog.form.widgets["referral_target"].set_value(KITA_STEP.referral)  # type: ignore[attr-defined]
        # The caseworker makes it their own: the entry no longer speaks for the text.
        dialog.form.widgets["text"].setPlainText(KITA_STEP.german + ", mit Dolmetscherin")  # type: ignore[attr-defined]
        assert "geändert" in field.note.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    through(qtbot, opened, RecordDialog, pick_step, lambda: window.plan.add_step())
    [step] = query(opened, qtbot, lambda db: db.steps.of_goal(goal.id))
    assert step.catalogue_key == KITA_STEP.key and step.text.endswith("mit Dolmetscherin")
    assert SHIPPED.translation(step.catalogue_key, step.text, "ar") is None  # printed in German only
    assert SHIPPED.translation(goal.catalogue_key, goal.text, "ar") == KITA.text("ar")


def test_nothing_found_shows_no_popup_and_free_text_keeps_no_key(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait
) -> None:
    create_person(qtbot, window, wait_idle, "Rahimi", "Ali")
    through(qtbot, opened, RecordDialog, fill_and_save(qtbot, {}), lambda: window.plan.new_plan())

    def free_text(dialog: RecordDialog) -> None:
        field = dialog.form.widgets["catalogue_key"]
        assert isinstance(field, CatalogueField)
        qtbot.keyClicks(field.search, "xyzzy")
        assert field.model.rowCount() == 0 and not field.completer.popup().isVisible()  # type: ignore[union-attr]
        fill_and_save(qtbot, {"text": "Fahrrad reparieren lassen"})(dialog)

    through(qtbot, opened, RecordDialog, free_text, lambda: window.plan.add_goal())
    goals = query(opened, qtbot, lambda db: db.goals.where(plan_id=window.plan.view.plan.id))  # type: ignore[union-attr]
    assert [(g.text, g.catalogue_key) for g in goals] == [("Fahrrad reparieren lassen", None)]


def test_settings_show_the_organisation_catalogue_and_its_problems(qtbot: QtBot, tmp_path: Path) -> None:
    from integrationsplan.ui.preferences import Preferences
    from integrationsplan.ui.views.settings_dialog import SettingsDialog

    own = catalogue.organisation_folder()
    assert own.is_relative_to(tmp_path)  # the test's own folder, never the user's
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    assert str(len(SHIPPED.of_kind(Kind.GOAL))) in dialog.catalogue_summary.text()
    assert dialog.catalogue_problems.isHidden()

    own.mkdir(parents=True)
    entries = '[[goal]]\nkey = "org-tafel"\narea = "finances"\ntext = "Tafel-Ausweis erhalten"\n'
    (own / "de.toml").write_text(entries + '[[goal]]\nkey = "org-bad"\narea = "moon"\ntext = "x"\n', encoding="utf-8")
    reload = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Neu einlesen")
    reload.click()
    assert "davon 1 von der Organisation" in dialog.catalogue_summary.text()
    assert not dialog.catalogue_problems.isHidden() and "moon" in dialog.catalogue_problems.text()
    assert catalogue.current().get("org-tafel") is not None  # the dialogs pick from the new entries at once
    catalogue.reload()
