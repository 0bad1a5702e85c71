"""The main window: the person list with search and filters, the person record, menus, locking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrationsplan import __version__, access_report, retention, versions
from integrationsplan.domain.person import Person
from integrationsplan.errors import UserError
from integrationsplan.i18n import _, format_number, ngettext
from integrationsplan.pdf import LANGUAGES as PDF_LANGUAGES
from integrationsplan.storage import Database, backup
from integrationsplan.storage.person_list import Status
from integrationsplan.sync import team
from integrationsplan.ui.backend import Backend, Restored
from integrationsplan.ui.fields import CodeField
from integrationsplan.ui.lock import DialogCover, IdleWatcher, LockScreen
from integrationsplan.ui.models.person_list import PERSON_ID_ROLE, Column, PersonListModel
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.record_form import open_dialog
from integrationsplan.ui.text_direction import AutoDirectionDelegate
from integrationsplan.ui.views import review_dialog
from integrationsplan.ui.views.audit_dialog import AuditDialog
from integrationsplan.ui.views.closure_dialog import ClosureDialog
from integrationsplan.ui.views.due_panel import DuePanel
from integrationsplan.ui.views.erasure_dialog import ErasureDialog, erase_confirmed
from integrationsplan.ui.views.household_panel import HouseholdPanel
from integrationsplan.ui.views.person_form import PersonForm
from integrationsplan.ui.views.plan_panel import PlanPanel
from integrationsplan.ui.views.print_dialog import PrintDialog, plan_document, sheet_document
from integrationsplan.ui.views.private_note_dialog import PrivateNoteDialog
from integrationsplan.ui.views.restore_question import ask_restore
from integrationsplan.ui.views.review_dialog import ReviewDialog
from integrationsplan.ui.views.sessions_panel import SessionsPanel
from integrationsplan.ui.views.settings_dialog import SettingsDialog
from integrationsplan.ui.views.situation_panel import SituationPanel
from integrationsplan.ui.views.stats_dialog import StatsDialog
from integrationsplan.ui.views.sync_dialog import SyncDialog

SEARCH_DELAY_MS = 150
REVIEW_HORIZON_DAYS = 14


class MainWindow(QMainWindow):
    def __init__(self, backend: Backend, preferences: Preferences) -> None:
        super().__init__()
        self.backend = backend
        self.preferences = preferences
        self.setWindowTitle("Integrationsplan")
        self.resize(1280, 800)

        self.model = PersonListModel(backend, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegate(AutoDirectionDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(50)  # measure the first rows only: pages keep arriving while scrolling
        self.table.setAccessibleName(_("Persons"))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search name, case number, phone, municipality … (Ctrl+F)"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        cases = {Status.ACTIVE: _("Active cases"), Status.CLOSED: _("Closed cases"), Status.ALL: _("All cases")}
        self.status = CodeField(Status, optional=False, names=cases)
        self.status.setAccessibleName(_("Cases"))
        self.status.currentIndexChanged.connect(self._apply_filters)
        self.review_due = QCheckBox(_("Review due"))
        self.review_due.setToolTip(_("Only persons whose plan review is due within two weeks or overdue"))
        self.review_due.toggled.connect(self._apply_filters)
        self.mine = QCheckBox(_("My persons"))
        self.mine.toggled.connect(self._apply_filters)
        self.count = QLabel()
        self.model.loaded.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)

        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.review_due)
        filters.addWidget(self.mine)
        filters.addStretch(1)
        filters.addWidget(self.count)
        persons_page = QWidget()
        list_layout = QVBoxLayout(persons_page)
        list_layout.addWidget(self.search)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)
        self.due = DuePanel(backend, preferences)
        self.due.person_chosen.connect(self.open_person)
        list_panel = QTabWidget()
        list_panel.addTab(persons_page, _("Persons"))
        list_panel.addTab(self.due, _("Due"))
        self.list_tabs = list_panel

        self.form = PersonForm(backend)
        self.form.saved.connect(self._saved)
        self.form.dirty_changed.connect(self._dirty_changed)
        self.placeholder = QLabel(_("Choose a person from the list, or create one with Ctrl+N."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.household = HouseholdPanel(backend)
        self.plan = PlanPanel(backend)
        self.sessions = SessionsPanel(backend)
        self.situation = SituationPanel(backend)
        self.situation.sheet_requested.connect(self.print_sheet)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, _("Personal data"))
        self.tabs.addTab(self.household, _("Household"))
        self.tabs.addTab(self.situation, _("Situation"))
        self.tabs.addTab(self.plan, _("Integration plan"))
        self.tabs.addTab(self.sessions, _("Sessions"))
        self.detail = QStackedWidget()
        self.detail.addWidget(self.placeholder)
        self.detail.addWidget(self.tabs)

        splitter = QSplitter()
        splitter.addWidget(list_panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 640])

        self.lock_screen = LockScreen(backend)
        self.covers: list[DialogCover] = []
        self.restoring = False  # a backup replaces the database: no locking, no input meanwhile
        self.lock_screen.unlocked.connect(self._unlocked)
        self.workspace = splitter
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.pages.addWidget(self.lock_screen)
        self.setCentralWidget(self.pages)

        self._build_menus()
        self.conflicts_button = QPushButton()
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setVisible(False)
        self.conflicts_button.clicked.connect(self.review_conflicts)
        self.statusBar().addPermanentWidget(self.conflicts_button)
        self.idle = IdleWatcher(preferences.auto_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        backend.error.connect(self._user_error)
        backend.bug.connect(self._bug)
        backend.busy.connect(self._busy)
        self._apply_filters()
        self.count_conflicts()

    # -- menus -----------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # A lambda, so that the "checked" argument of triggered never reaches slots with optional parameters.
        action.triggered.connect(lambda: slot())
        return action

    def _build_menus(self) -> None:
        self.new_action = self._action(_("&New person"), self.new_person, QKeySequence.StandardKey.New)
        self.save_action = self._action(_("&Save"), self.form.save, QKeySequence.StandardKey.Save)
        self.save_action.setEnabled(False)
        self.undo_action = self._action(_("&Undo last save"), self.undo_save, "Ctrl+Shift+Z")
        self.undo_action.setEnabled(False)
        self.close_case_action = self._action(_("&Close case…"), self.close_case)
        self.close_case_action.setEnabled(False)
        self.erase_action = self._action(_("&Erase person…"), self.erase_person)
        self.erase_action.setEnabled(False)
        self.private_note_action = self._action(_("P&rivate note…"), self.edit_private_note, "Ctrl+Shift+P")
        self.private_note_action.setEnabled(False)
        self.access_report_action = self._action(_("Access &report…"), self.choose_access_report_folder)
        self.access_report_action.setEnabled(False)
        self.erasure_queue_action = self._action(_("Erasure &queue…"), self.erasure_queue)
        self.audit_action = self._action(_("&Audit log…"), self.show_audit_log)
        self.new_session_action = self._action(_("New &session…"), self.new_session, "Ctrl+Shift+N")
        self.new_session_action.setEnabled(False)
        self.print_action = self._action(_("&Print plan…"), self.print_plan, QKeySequence.StandardKey.Print)
        self.print_action.setEnabled(False)
        self.print_sheet_action = self._action(_("Print &information sheet…"), self.print_sheet)
        self.print_sheet_action.setEnabled(False)
        self.backup_action = self._action(_("&Back up now"), self.back_up)
        self.restore_action = self._action(_("Restore from bac&kup…"), self.restore_backup)
        settings = self._action(_("Se&ttings…"), self.edit_settings, QKeySequence.StandardKey.Preferences)
        self.lock_action = self._action(_("&Lock"), self.lock, "Ctrl+L")
        quit_action = self._action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        find = self._action(_("&Find person"), self._focus_search, QKeySequence.StandardKey.Find)
        about = self._action(_("&About Integrationsplan"), self.about)
        file_menu = self.menuBar().addMenu(_("&File"))
        for action in (self.new_action, self.new_session_action, self.save_action, self.print_action,
                       self.print_sheet_action, self.private_note_action, self.access_report_action,
                       self.close_case_action, self.erase_action):  # fmt: skip
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.backup_action, self.restore_action, self.erasure_queue_action, self.audit_action,
                       settings, self.lock_action):  # fmt: skip
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.sync_action = self._action(_("E&xchange data…"), self.exchange_data, "Ctrl+Shift+E")
        self.review_action = self._action(_("&Needs review…"), self.review_conflicts)
        sync_menu = self.menuBar().addMenu(_("E&xchange"))
        sync_menu.addAction(self.sync_action)
        sync_menu.addAction(self.review_action)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(find)
        self.stats_action = self._action(_("&Key figures…"), self.show_key_figures, "Ctrl+Shift+K")
        self.menuBar().addMenu(_("&Reports")).addAction(self.stats_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(about)

    # -- list ------------------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        due = date.today() + timedelta(days=REVIEW_HORIZON_DAYS) if self.review_due.isChecked() else None
        query = replace(
            self.model.query, text=self.search.text(), status=self.status.value() or Status.ACTIVE, review_due_by=due,
            manager=self.preferences.user_name if self.mine.isChecked() else None,
        )  # fmt: skip
        self.model.set_query(query)

    def _show_count(self) -> None:
        total = self.model.total
        self.count.setText(
            "" if total is None else ngettext("{n} person", "{n} persons", total).format(n=format_number(total))
        )

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person_id = current.data(PERSON_ID_ROLE) if current.isValid() else None
        if person_id is None or (self.form.person is not None and self.form.person.id == person_id):
            return
        if not self._may_leave_form():
            return
        self.backend.call(lambda db: db.persons.find(person_id), self._show_person)

    def open_person(self, person_id: str) -> None:
        """Show a person chosen outside the list (a due item)."""
        if self.form.person is not None and self.form.person.id == person_id:
            self.detail.setCurrentWidget(self.tabs)
            return
        if self._may_leave_form():
            self.backend.call(lambda db: db.persons.find(person_id), self._show_person)

    def _show_person(self, person: Person | None) -> None:
        if person is None:
            self.detail.setCurrentWidget(self.placeholder)
            return
        self.form.load(person)
        self._show_record_tabs(person)
        self.undo_action.setEnabled(False)
        self.detail.setCurrentWidget(self.tabs)

    def _show_record_tabs(self, person: Person | None) -> None:
        for panel in (self.household, self.situation, self.plan, self.sessions):
            panel.show_person(person)
        for action in (self.close_case_action, self.erase_action, self.private_note_action, self.access_report_action,
                       self.new_session_action, self.print_action, self.print_sheet_action):  # fmt: skip
            action.setEnabled(person is not None)
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, person is not None)

    def close_case(self) -> None:
        """Record the end of counselling for the person shown; the list follows the change."""
        person = self.form.person
        if person is None or not self._may_leave_form():
            return
        open_dialog(ClosureDialog(self.backend, person, self))

    def erase_person(self) -> None:
        """Erase the person shown for good (on request, Art. 17), after two confirmations."""
        person = self.form.person
        if person is None or not self._may_leave_form():
            return

        def erased(done: retention.Erased) -> None:
            self._clear_person()  # nothing of the person stays in the window
            self.statusBar().showMessage(retention.summary(done), 30000)

        request = retention.Due(person.id, person.case_number, person.display_name(), None, date.today(),
                                retention.REQUEST)  # fmt: skip
        erase_confirmed(self, self.backend, request, erased, lambda error: self._user_error(error.text()))

    def _clear_person(self) -> None:
        """Show no person: the form, its tabs and its actions empty."""
        self.form.load(None)
        self._show_record_tabs(None)
        self._show_person(None)
        self.undo_action.setEnabled(False)

    def edit_private_note(self) -> None:
        person = self.form.person
        if person is not None:
            open_dialog(PrivateNoteDialog(self.backend, person, self))

    def choose_access_report_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Access report"), str(Path.home()))
        if folder:
            self.write_access_report(Path(folder))

    def write_access_report(self, folder: Path) -> None:
        """Everything stored about the person shown (Art. 15), as JSON and as a PDF in their language."""
        person = self.form.person
        if person is None:
            return
        language = next((code for code in person.languages if code in PDF_LANGUAGES), "de")
        self.backend.call(
            lambda db: access_report.write(db, person.id, folder, language),
            lambda written: self.statusBar().showMessage(
                _("Saved: {path}").format(path=", ".join(str(p) for p in written)), 20000),
        )  # fmt: skip

    def show_audit_log(self) -> None:
        open_dialog(AuditDialog(self.backend, self))

    def erasure_queue(self) -> None:
        open_dialog(ErasureDialog(self.backend, self.preferences, self))

    def new_session(self) -> None:
        if self.form.person is not None:
            self.tabs.setCurrentWidget(self.sessions)
            self.sessions.new_session()

    def print_plan(self) -> None:
        """The plan shown (or the newest version) as a PDF in German and the client's language."""
        person = self.form.person
        if person is None:
            return
        plan = self.plan.view.plan if self.plan.person is not None and self.plan.person.id == person.id else None
        document = plan_document(person, plan.id if plan else None, self.preferences)
        dialog = PrintDialog(self.backend, self.preferences, person, document, self)
        if open_dialog(dialog) and dialog.written is not None:
            saved = _("Saved: {path}").format(path=dialog.written)
            self.statusBar().showMessage(f"{saved} · {dialog.warning}" if dialog.warning else saved, 15000)

    def print_sheet(self) -> None:
        """The information on data protection and the consents to sign, for the person shown, in their language."""
        person = self.form.person
        if person is None:
            return
        dialog = PrintDialog(self.backend, self.preferences, person, sheet_document(person, self.preferences), self)
        if open_dialog(dialog) and dialog.written is not None:
            saved = _("Saved: {path}").format(path=dialog.written)
            self.statusBar().showMessage(f"{saved} · {dialog.warning}" if dialog.warning else saved, 15000)

    def back_up(self) -> None:
        """An encrypted copy of the database in the backup folder of the settings."""
        folder = self.preferences.backup_dir
        self.backend.call(
            lambda db: db.backup(folder),
            lambda path: self.statusBar().showMessage(_("Backup saved: {path}").format(path=path), 8000),
        )

    def restore_backup(self) -> None:
        """Replace the database by a backup the user chooses (after asking twice), then show it."""
        if self._may_leave_form():
            chosen = ask_restore(self, self.preferences.backup_dir)
            if chosen is not None:
                self.restore_from(*chosen)

    def restore_from(self, backup_path: Path, passphrase: str) -> None:
        """Restore on the worker; meanwhile the window shows nothing of the replaced database and takes no input
        (locking waits too: it would close the file under the restore)."""
        self._clear_person()
        self.model.clear()
        self.restoring = True
        self.menuBar().setEnabled(False)
        self.workspace.setEnabled(False)

        def finished() -> None:
            self.restoring = False
            self.menuBar().setEnabled(True)
            self.workspace.setEnabled(True)

        def restored(outcome: Restored) -> None:
            finished()
            if outcome.error is not None:  # failed after closing: unlock again (the old file, or the backup)
                self.lock()
                self.lock_screen.message.setText(outcome.error.text())
                return
            self.model.reload()
            self.due.refresh()
            self.count_conflicts()
            if outcome.kept is not None:
                text = _("The database is restored from {backup}; the file it replaced is kept as {path}.")
            else:
                text = _("The database is restored from {backup}.")
            self.statusBar().showMessage(text.format(backup=backup_path.name, path=outcome.kept), 30000)

        def refused(error: UserError) -> None:  # before anything was closed: the database is as it was
            finished()
            self.model.reload()
            self._user_error(error.text())

        self.backend.restore(backup_path, passphrase, self.preferences.backup_dir, restored, refused)

    def exchange_data(self) -> None:
        """Team, devices and exchanging files with the other devices."""
        self._exchange([])

    def import_sync_file(self, path: Path) -> None:
        """A sync file opened from the file manager: the exchange dialog, reading it, its preview and question."""
        self._exchange([path])

    def _exchange(self, files: list[Path]) -> None:
        dialog = SyncDialog(self.backend, self.preferences, self)
        if files:
            dialog.import_files(files)
        open_dialog(dialog)
        self.count_conflicts()

    def show_key_figures(self) -> None:
        """The key figures of a period for the funding report: tables, charts, CSV, XLSX and PDF."""
        open_dialog(StatsDialog(self.backend, self.preferences, self))

    def review_conflicts(self) -> None:
        open_dialog(ReviewDialog(self.backend, self.preferences, self))
        self.count_conflicts()

    def count_conflicts(self) -> None:
        """Show in the status bar how many conflicts wait for review (nothing when none do)."""
        self.backend.call(review_dialog.count, self._show_conflicts)

    def _show_conflicts(self, n: int) -> None:
        self.conflicts_button.setText(
            ngettext("{n} conflict to review", "{n} conflicts to review", n).format(n=format_number(n))
        )
        self.conflicts_button.setVisible(n > 0)

    def _back_up_on_quit(self) -> None:
        """The automatic backup: one at every quit, checked, the oldest beyond the kept number deleted. The
        worker finishes it before the program ends (Backend.shutdown waits for the jobs sent)."""
        keep, folder = self.preferences.backup_keep, self.preferences.backup_dir

        def job(db: Database) -> None:
            db.backup(folder)
            backup.rotate(db.path, folder, keep)

        if keep and self.backend.is_open:
            self.backend.call(job)

    def edit_settings(self) -> None:
        language = self.preferences.language
        if not open_dialog(SettingsDialog(self.preferences, self)):
            return
        self.idle.set_minutes(self.preferences.auto_lock_minutes)
        if self.preferences.language != language:
            QMessageBox.information(
                self, _("Settings"), _("The new language is used from the next start of Integrationsplan.")
            )

    def new_person(self) -> None:
        if not self._may_leave_form():
            return
        self.table.selectionModel().clearSelection()
        self.form.load(None)
        self._show_record_tabs(None)
        self.undo_action.setEnabled(False)
        self.tabs.setCurrentWidget(self.form)
        self.detail.setCurrentWidget(self.tabs)
        self.form.texts["family_name"].setFocus()

    def _saved(self, person: Person) -> None:
        self.statusBar().showMessage(_("Saved: {case}").format(case=person.case_number), 4000)
        self._show_record_tabs(person)
        self.undo_action.setEnabled(self.form.previous is not None)
        self._select_when_listed(person.id)

    def _select_when_listed(self, person_id: str) -> None:
        def select() -> None:
            self.model.loaded.disconnect(select)
            for row, listed in enumerate(self.model.rows):
                if listed.id == person_id:
                    index = self.model.index(row, Column.NAME)
                    self.table.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                    )
                    self.table.scrollTo(index)
                    return

        self.model.loaded.connect(select)

    def undo_save(self) -> None:
        """Put back the record as it was before the last save (itself a new, logged change)."""
        previous = self.form.previous
        if previous is None:
            return

        def done(person: Person) -> None:
            self.form.previous = None
            self.form.load(person)
            self.undo_action.setEnabled(False)
            self.statusBar().showMessage(_("The last save was undone."), 4000)

        self.backend.call(lambda db: db.persons.save(previous), done)

    def _dirty_changed(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty)
        self.setWindowModified(dirty)
        self.setWindowTitle("Integrationsplan" + (" *" if dirty else ""))

    def _may_leave_form(self) -> bool:
        """Unsaved input is never dropped silently: ask to save, discard or stay."""
        if not self.form.dirty:
            return True
        answer = QMessageBox.question(
            self,
            _("Unsaved changes"),
            _("The person record has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.form.save()
            return False  # the list follows once the save has gone through
        if answer == QMessageBox.StandardButton.Discard:
            self.form.load(self.form.person)
            return True
        return False

    # -- locking ---------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide every record and close the database; input in the form stays, hidden, until unlocked."""
        if self.locked or self.backend.path is None or self.restoring:
            return
        self.model.clear()
        self.pages.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.setWindowTitle(_("Integrationsplan – locked"))
        self._cover_dialogs()
        self.backend.close()
        clipboard = QApplication.clipboard()
        if team.PREFIX + "-" in clipboard.text():  # the team key the exchange dialog copied: not left behind
            clipboard.clear()

    def _cover_dialogs(self) -> None:
        """Open dialogs show records too: questions are cancelled, forms covered with their input kept."""
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, QDialog) or not widget.isVisible():
                continue
            if isinstance(widget, QMessageBox):
                widget.reject()
            else:
                cover = DialogCover(widget, self.backend)
                cover.unlocked.connect(self._unlocked)
                self.covers.append(cover)

    def _unlocked(self) -> None:
        for cover in self.covers:
            cover.remove()  # once only: a dialog closed meanwhile removed its own
        self.covers.clear()
        self.lock_screen.passphrase.clear()
        self.menuBar().setEnabled(True)
        self.pages.setCurrentWidget(self.workspace)
        self._dirty_changed(self.form.dirty)
        self.model.reload()
        self.count_conflicts()
        self.idle.restart()

    # -- messages --------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _user_error(self, text: str) -> None:
        QMessageBox.warning(self, _("Integrationsplan"), text)

    def _bug(self, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, _("Integrationsplan"),
                          _("An internal error occurred. Your saved data is safe; the last action was not completed."),
                          parent=self)  # fmt: skip
        box.setDetailedText(details)
        box.exec()

    def about(self) -> None:
        QMessageBox.about(self, _("About Integrationsplan"), about_text())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked or self._may_leave_form():
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.idle)
            self._back_up_on_quit()
            event.accept()
        else:
            event.ignore()


def about_text() -> str:
    return _(
        "Integrationsplan {version}\n\nIntegration plans and case management for Integrationsmanagement in "
        "Baden-Württemberg, offline and encrypted.\n\n{built_on}"
    ).format(version=__version__, built_on=versions.built_on())
