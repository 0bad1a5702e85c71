"""The main window driven like a caseworker would: unlock, find, create and edit a person, lock and unlock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from integrationsplan.domain.codes import Gender
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.main_window import MainWindow, about_text
from integrationsplan.ui.models.person_list import Column
from integrationsplan.ui.unlock import UnlockDialog

Wait = Callable[[Backend], None]


def names(window: MainWindow) -> list[str]:
    return [row.name for row in window.model.rows]


def test_unlock_dialog_refuses_a_wrong_passphrase_then_opens(
    qtbot: QtBot, backend: Backend, demo_path: Path, passphrase: str, wait_idle: Wait
) -> None:
    dialog = UnlockDialog(backend, demo_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.repeat.isVisible()
    qtbot.keyClicks(dialog.passphrase, "nicht richtig")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    wait_idle(backend)
    assert "Falsche Passphrase" in dialog.message.text()
    assert dialog.passphrase.text() == "" and dialog.result() == 0
    qtbot.keyClicks(dialog.passphrase, passphrase)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(backend)
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
    assert backend.path == demo_path


def test_unlock_dialog_creates_a_database_with_the_passphrase_twice(
    qtbot: QtBot, backend: Backend, tmp_path: Path, wait_idle: Wait
) -> None:
    path = tmp_path / "neu.db"
    dialog = UnlockDialog(backend, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.repeat.isVisible()
    qtbot.keyClicks(dialog.passphrase, "Sonnenblume am Rhein 7")
    qtbot.keyClicks(dialog.repeat, "Sonnenblume am Rhein 8")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "stimmen nicht überein" in dialog.message.text() and not path.exists()
    assert dialog.rating.value() >= 3
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "Sonnenblume am Rhein 7")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(backend)
    assert backend.path == path and path.exists()


def test_list_search_and_filters(qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait) -> None:
    assert window.model.rowCount() > 0
    assert window.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Name"
    total = window.model.total
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    # QTest types ASCII only; the Latin transliteration of a name is what a caseworker types anyway.
    someone = next(r for r in window.model.rows if r.name.split("(")[-1].split(",")[0].strip(" )").isascii())
    word = someone.name.split("(")[-1].split(",")[0].strip(" )")
    qtbot.keyClicks(window.search, word)
    qtbot.waitUntil(lambda: window.model.query.text == word)
    wait_idle(opened)
    assert someone.id in {r.id for r in window.model.rows}
    assert window.model.total is not None and window.model.total <= (total or 0)
    window.search.clear()
    window.status.setCurrentIndex(2)  # all cases
    wait_idle(opened)
    assert (window.model.total or 0) >= (total or 0)


def test_create_edit_undo_and_duplicate_warning(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.currentWidget() is window.tabs and window.form.person is None
    window.form.texts["family_name"].setText("Müller")  # QTest types ASCII only
    qtbot.keyClicks(window.form.texts["given_names"], "Mohammed")
    window.form.birth_year.setValue(1990)
    window.form.gender.setCurrentIndex(window.form.gender.findText("divers"))
    assert window.save_action.isEnabled() and window.windowTitle().endswith("*")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(opened)
    created = window.form.person
    assert created is not None and created.case_number.startswith("UI-")
    assert created.gender is Gender.DIVERSE and created.birth_year == 1990 and created.family_name == "Müller"
    assert not window.form.dirty
    wait_idle(opened)
    assert created.id in {r.id for r in window.model.rows}

    # An edit, saved and undone: the stored record is the first version again.
    window.form.texts["municipality"].setText("Waldshut-Tiengen")
    window.save_action.trigger()
    wait_idle(opened)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    wait_idle(opened)
    assert window.form.person is not None and window.form.person.municipality is None

    # Same name and birth year again: the caseworker is asked; "No" stores nothing.
    asked: list[str] = []

    def answer_no(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    window.new_action.trigger()
    window.form.texts["family_name"].setText("Mueller")
    window.form.texts["given_names"].setText("Muhammad")
    window.form.birth_year.setValue(1990)
    window.save_action.trigger()
    wait_idle(opened)
    assert asked and created.case_number in asked[0]
    assert window.form.person is None  # still the unsaved new record

    def count(db: Database) -> int:
        return len(db.persons.search("mueller mohammed"))

    results: list[int] = []
    opened.call(count, results.append)
    wait_idle(opened)
    assert results == [1]


def test_validation_error_is_shown_and_nothing_saved(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait
) -> None:
    window.new_action.trigger()
    window.form.texts["family_name"].setText("A" * 500)
    window.save_action.trigger()
    wait_idle(opened)
    assert "zu lang" in window.form.message.text()
    assert window.form.person is None and window.form.dirty


def test_lock_hides_everything_and_unlock_needs_the_passphrase(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait, passphrase: str
) -> None:
    assert window.model.rowCount() > 0
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().setText("IPT-ABCD-EFGH-IJKL")  # a team key the exchange dialog copied
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    wait_idle(opened)
    assert window.locked and window.model.rowCount() == 0
    assert "IPT-" not in QApplication.clipboard().text()
    assert window.pages.currentWidget() is window.lock_screen
    assert "gesperrt" in window.windowTitle()
    qtbot.keyClicks(window.lock_screen.passphrase, "falsch")
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    wait_idle(opened)
    assert window.locked and "Falsche Passphrase" in window.lock_screen.message.text()
    qtbot.keyClicks(window.lock_screen.passphrase, passphrase)
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    wait_idle(opened)
    assert not window.locked
    wait_idle(opened)
    assert window.model.rowCount() > 0


def test_idle_time_locks(qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait) -> None:
    window.idle._timer.setInterval(50)
    window.idle.restart()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    wait_idle(opened)
    assert window.model.rowCount() == 0


def test_about_names_the_versions() -> None:
    text = about_text()
    for word in ("Integrationsplan", "Qt", "SQLCipher 4.", "ReportLab"):
        assert word in text


def test_close_a_case(qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait) -> None:
    from datetime import date

    from integrationsplan.domain.codes import ClosureReason
    from integrationsplan.ui.views.closure_dialog import ClosureDialog

    window.table.selectRow(0)
    wait_idle(opened)
    person = window.form.person
    assert person is not None and window.close_case_action.isEnabled()
    dialog = ClosureDialog(opened, person, window)
    dialog.closed_on.set_value(date(1990, 1, 1))  # before counselling started: refused, dialog stays
    dialog.reason.set_value(ClosureReason.MOVED_AWAY)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(opened)
    assert "bevor die Beratung begonnen hat" in dialog.message.text() and dialog.result() == 0
    dialog.closed_on.set_value(date.today())
    spy: list[object] = []
    opened.changed.connect(lambda c: spy.append(c.tables()))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(opened)
    assert dialog.result() == ClosureDialog.DialogCode.Accepted
    wait_idle(opened)
    assert spy == [{"case_closure"}]
    assert person.id not in {r.id for r in window.model.rows}  # the active list dropped the closed case
    window.status.setCurrentIndex(1)  # closed cases
    wait_idle(opened)
    closed = next(r for r in window.model.rows if r.id == person.id)
    assert closed.closed_on == date.today()
    stored: list[object] = []
    opened.call(lambda db: db.closures.where(person_id=person.id), stored.append)
    wait_idle(opened)
    assert [c.reason for c in stored[0]] == [ClosureReason.MOVED_AWAY]  # type: ignore[attr-defined]


def test_household_create_add_member_and_move_out(
    qtbot: QtBot, window: MainWindow, opened: Backend, wait_idle: Wait
) -> None:
    from integrationsplan.domain.codes import Relationship
    from integrationsplan.ui.views.household_panel import MemberDialog

    window.new_action.trigger()
    window.form.texts["family_name"].setText("Haddad")
    window.form.texts["given_names"].setText("Lina")
    window.save_action.trigger()
    wait_idle(opened)
    lina = window.form.person
    assert lina is not None
    panel = window.household
    assert panel.create_button.isEnabled() and not panel.add_button.isEnabled()
    panel.create_button.click()
    wait_idle(opened)
    assert panel.view.household is not None and panel.view.household.label == "Haddad"
    assert [m.person.id for m in panel.view.members] == [lina.id]

    # Another person joins through the member dialog: search, pick, relationship.
    dialog = MemberDialog(opened, panel)
    other = next(r for r in window.model.rows if r.id != lina.id and r.name.split(",")[0].isascii())
    dialog.search.setText(other.case_number)
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=5000)
    dialog.relationship.set_value(Relationship.SPOUSE)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.chosen is not None and dialog.chosen.id == other.id
    panel.join(dialog.chosen, dialog.relationship.value())
    wait_idle(opened)
    relations = {m.person.id: m.membership.relationship for m in panel.view.members}
    assert relations == {lina.id: Relationship.REFERENCE_PERSON, other.id: Relationship.SPOUSE}
    assert panel.table.rowCount() == 2 and panel.table.item(1, 1).text() in ("Ehe-/Lebenspartner/in", "Bezugsperson")

    # The spouse moves out: the membership ends today, the list keeps only Lina.
    row = next(i for i, m in enumerate(panel.view.members) if m.person.id == other.id)
    panel.table.selectRow(row)
    panel.leave_button.click()
    wait_idle(opened)
    assert [m.person.id for m in panel.view.members] == [lina.id]


def test_window_icon_is_a_vector_sharp_at_every_scale(qtbot: QtBot) -> None:
    from PySide6.QtCore import QSize

    from integrationsplan.ui.app import make_application

    icon = make_application([]).windowIcon()
    assert not icon.isNull()
    for side in (16, 64, 256):
        assert icon.pixmap(QSize(side, side)).size() == QSize(side, side)


def test_cells_lay_out_text_in_its_own_direction(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    from integrationsplan.ui.text_direction import AutoDirectionDelegate, text_direction

    ltr, rtl = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
    assert text_direction("Wir haben Schulden.") == ltr
    assert text_direction("الخطيب, لين (Al-Khatib, Leen)") == rtl
    assert text_direction("«Мороз»") == ltr
    assert text_direction("24.12.2025 · 12:30") is None

    model = QStandardItemModel(0, 1)
    for text in ("Wir haben Schulden.", "الخطيب", "2026"):
        model.appendRow(QStandardItem(text))
    view = QTableView()
    qtbot.addWidget(view)
    view.setLayoutDirection(rtl)
    view.setModel(model)
    delegate = AutoDirectionDelegate(view)
    options = []
    for row in range(3):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        delegate.initStyleOption(option, model.index(row, 0))
        options.append(option)
    german, arabic, number = options
    assert german.direction == ltr
    assert (
        german.displayAlignment & Qt.AlignmentFlag.AlignRight
        and german.displayAlignment & Qt.AlignmentFlag.AlignAbsolute
    )
    assert arabic.direction == rtl and not arabic.displayAlignment & Qt.AlignmentFlag.AlignAbsolute
    assert number.direction == rtl


def _shown_texts(top: QWidget) -> list[tuple[str, str]]:
    """Every text a user reads in `top` and its children: labels, buttons, tabs, choices, placeholders, headers.

    Left out: the product's name, the standard buttons of a button box (Save, Cancel), which Qt's own
    catalogs translate, and language names (CLDR's, through Babel) in choices of a language.
    """
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QDialogButtonBox,
        QGroupBox,
        QLabel,
        QMainWindow,
        QPushButton,
        QTabWidget,
    )

    from integrationsplan.pdf import LANGUAGES

    standard = {
        id(button)
        for box in top.findChildren(QDialogButtonBox)
        for button in box.findChildren(QPushButton)
        if box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    }

    title = top.windowTitle()
    texts: list[tuple[str, str]] = (
        [("title", title)] if top.isWindow() and title not in ("", "Integrationsplan") else []
    )
    for widget in [top, *top.findChildren(QWidget)]:
        if id(widget) in standard:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((type(widget).__name__, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append(("QGroupBox", widget.title()))
        elif isinstance(widget, QTabWidget):
            texts += [("tab", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [
                ("combo", widget.itemText(i)) for i in range(widget.count()) if widget.itemData(i) not in LANGUAGES
            ]
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            texts.append(("placeholder", widget.placeholderText()))
        if widget.toolTip():
            texts.append(("tooltip", widget.toolTip()))
    if isinstance(top, QMainWindow):
        for menu_action in top.menuBar().actions():
            texts.append(("menu", menu_action.text()))
            texts += [("action", a.text()) for a in menu_action.menu().actions() if not a.isSeparator()]
    for view in top.findChildren(QTableView):
        model = view.model()
        texts += [("header", str(model.headerData(c, Qt.Orientation.Horizontal))) for c in range(model.columnCount())]
    return texts


def _untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    # Texts that are not words: a dash for "none", digits, the count shown before the list loads.
    return [(kind, text) for kind, text in texts if text and any(c.isalpha() for c in text) and "⟦" not in text]


def test_every_visible_text_goes_through_the_catalog(qtbot: QtBot, opened: Backend, wait_idle: Wait) -> None:
    """In the pseudo language every translated text is marked ⟦…⟧: a text without the mark was never translated."""
    from integrationsplan import i18n
    from integrationsplan.ui.preferences import Preferences

    i18n.set_language(i18n.PSEUDO_LANGUAGE)
    window = MainWindow(opened, Preferences())
    try:
        window.show()
        wait_idle(opened)
        texts = _shown_texts(window)
        assert _untranslated(texts) == []
        assert len(texts) > 80
    finally:
        window.close()
        window.deleteLater()
        i18n.set_language("de")


def test_every_dialog_text_goes_through_the_catalog(qtbot: QtBot, opened: Backend) -> None:
    """The same for every dialog of the program, each built over a record as the window would build it."""
    from datetime import date

    from integrationsplan import i18n
    from integrationsplan.domain.codes import ConsentForm, ConsentKind, LifeArea, ResidenceKind, SignerRole
    from integrationsplan.domain.consent import Consent
    from integrationsplan.domain.person import Person, ResidenceStatus, Resources
    from integrationsplan.domain.plan import Goal, Need, Plan, Signature, Step
    from integrationsplan.domain.session import CounsellingSession
    from integrationsplan.sync.exchange import ImportReport
    from integrationsplan.ui.lock import LockScreen
    from integrationsplan.ui.preferences import Preferences
    from integrationsplan.ui.views import plan_dialogs, review_dialog, situation_panel
    from integrationsplan.ui.views.audit_dialog import AuditDialog
    from integrationsplan.ui.views.closure_dialog import ClosureDialog
    from integrationsplan.ui.views.erasure_dialog import ErasureDialog
    from integrationsplan.ui.views.household_panel import MemberDialog
    from integrationsplan.ui.views.print_dialog import PrintDialog, plan_document, sheet_document
    from integrationsplan.ui.views.private_note_dialog import PrivateNoteDialog
    from integrationsplan.ui.views.sessions_panel import SessionDialog, SessionRow, SessionsView
    from integrationsplan.ui.views.settings_dialog import SettingsDialog
    from integrationsplan.ui.views.stats_dialog import StatsDialog
    from integrationsplan.ui.views.sync_dialog import PreviewDialog, SyncDialog

    i18n.set_language(i18n.PSEUDO_LANGUAGE)
    preview = ImportReport(bundles=1, new_changes=3, held=1)
    preview.inserted["person"] = 1
    preview.updated["goal"] = 2
    try:
        person = Person(case_number="T-1", family_name="Haddad", counselling_start=date(2026, 1, 5))
        plan = Plan(person_id=person.id, created_on=date(2026, 2, 1))
        goal = Goal(plan_id=plan.id, area=LifeArea.LANGUAGE, text="B1")
        session = CounsellingSession(person_id=person.id, held_on=date(2026, 2, 3))
        dialogs: list[QWidget] = [
            plan_dialogs.plan_dialog(opened, plan, True, None),
            plan_dialogs.need_dialog(opened, Need(plan_id=plan.id, area=LifeArea.WORK), True, None, False),
            plan_dialogs.goal_dialog(opened, goal, True, None, False),
            plan_dialogs.step_dialog(opened, Step(goal_id=goal.id, text=""), True, None, False, LifeArea.LANGUAGE),
            plan_dialogs.signature_dialog(opened, Signature(plan_id=plan.id, role=SignerRole.CLIENT,
                                                            signed_on=date(2026, 2, 1)), True, None, False),
            plan_dialogs.ReviewDialog(opened, plan, [goal]),
            situation_panel.residence_dialog(opened, ResidenceStatus(person_id=person.id, kind=ResidenceKind.OTHER),
                                             True, None),
            situation_panel.resources_dialog(opened, Resources(person_id=person.id), True, None),
            situation_panel.consent_dialog(opened, Consent(person_id=person.id, kind=ConsentKind.DATA_PROCESSING,
                                                           given_on=date(2026, 1, 5), form=ConsentForm.WRITTEN),
                                           True, None),
            SessionDialog(opened, SessionRow(session), SessionsView(goals=[goal], plan_id=plan.id), True),
            ClosureDialog(opened, person),
            MemberDialog(opened),
            PrintDialog(opened, Preferences(), person, plan_document(person, plan.id, Preferences())),
            PrintDialog(opened, Preferences(), person, sheet_document(person, Preferences())),
            SettingsDialog(Preferences()),
            LockScreen(opened),
            SyncDialog(opened, Preferences()),
            PreviewDialog(preview, ["stray.ipsync"]),
            review_dialog.ReviewDialog(opened, Preferences()),
            ErasureDialog(opened, Preferences()),
            AuditDialog(opened),
            PrivateNoteDialog(opened, person),
            StatsDialog(opened, Preferences()),
        ]  # fmt: skip
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            texts = _shown_texts(dialog)
            assert texts, type(dialog).__name__
            assert _untranslated(texts) == [], type(dialog).__name__
    finally:
        i18n.set_language("de")
