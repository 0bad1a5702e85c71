"""Exchanging data with the team: the team key, the devices, the exchange folder, single files in and out.

Every import shows its preview first (new, changed, deleted records per kind, conflicts) and runs only when the
user confirms; an import that would delete many persons asks twice more. Imports are all or nothing, after an
encrypted backup (sync/exchange.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _, format_number
from integrationsplan.record_names import table_name
from integrationsplan.storage import Database
from integrationsplan.storage.records import TABLES
from integrationsplan.sync import exchange, team
from integrationsplan.sync.bundle import Bundle
from integrationsplan.sync.summary import report_lines
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import error_label
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.record_form import open_dialog

Bundles = list[tuple[Path, Bundle]]
Previewed = tuple[Bundles, exchange.ImportReport]


@dataclass(frozen=True)
class TeamState:
    device_name: str
    key: str | None  # None: no team yet
    peers: list[tuple[str, str, str]]  # (device id, name, last file written)
    removed: list[str]  # names


def team_state(db: Database) -> TeamState:
    try:
        key: str | None = team.load(db.conn).key
    except team.NoTeam:
        key = None
    peers = list(db.conn.execute("SELECT device_id, device_name, last_bundle_at FROM sync_peer ORDER BY 2"))
    removed = [name for (name,) in db.conn.execute("SELECT device_name FROM sync_removed ORDER BY 1")]
    return TeamState(db.device.device_name, key, peers, removed)


class PreviewDialog(QDialog):
    """What an import would change, per kind of record; Import or Cancel."""

    def __init__(self, report: exchange.ImportReport, skipped: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import preview"))
        conflicts = Counter(c.tbl for c in report.conflicts)
        counts = (report.inserted, report.updated, report.deleted, conflicts)
        kinds = [t for t in TABLES if any(c[t] for c in counts)]
        self.table = QTableWidget(len(kinds), 5)
        self.table.setHorizontalHeaderLabels([_("Records"), _("new"), _("changed"), _("deleted"), _("conflicts")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, kind in enumerate(kinds):
            cells = [table_name(kind), *(format_number(c[kind]) for c in counts)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel("\n".join(report_lines(report, preview=True) + [_("Skipped: {reason}").format(
            reason=reason) for reason in skipped]))  # fmt: skip
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(report.new_changes or report.held))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(520, 360)


def confirm_mass_deletion(parent: QWidget, refused: exchange.MassDeletion) -> bool:
    """Ask twice before an import deletes many persons on every device."""
    for question in (refused.text(), _("Really? They are deleted on every device.")):
        answer = QMessageBox.warning(parent, _("Delete persons?"), question,
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                     QMessageBox.StandardButton.No)  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return False
    return True


class SyncDialog(QDialog):
    """Team, devices and exchanging files. `imported` fires after every import that took something in."""

    imported = Signal()

    def __init__(self, backend: Backend, preferences: Preferences, parent: QWidget | None = None,
                 ask_key: Callable[[QWidget], str | None] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.backend = backend
        self.preferences = preferences
        self.ask_key = ask_key or _ask_key
        self.state: TeamState | None = None
        self.setWindowTitle(_("Exchange data"))

        self.team_label = QLabel()
        self.team_label.setWordWrap(True)
        self.new_team_button = QPushButton(_("Create team"))
        self.new_team_button.clicked.connect(self.create_team)
        self.join_button = QPushButton(_("Enter team key…"))
        self.join_button.clicked.connect(self.join_team)
        self.copy_key_button = QPushButton(_("Copy team key"))
        self.copy_key_button.clicked.connect(self.copy_key)
        self.devices = QListWidget()
        self.devices.setAccessibleName(_("Devices of the team"))
        self.remove_button = QPushButton(_("Remove device…"))
        self.remove_button.setToolTip(_("For a lost or replaced laptop: its files are refused and the team gets "
                                        "a new key"))  # fmt: skip
        self.remove_button.clicked.connect(self.remove_device)
        team_buttons = QHBoxLayout()
        for button in (self.new_team_button, self.join_button, self.copy_key_button, self.remove_button):
            team_buttons.addWidget(button)
        team_buttons.addStretch(1)
        team_box = QGroupBox(_("Team"))
        team_layout = QVBoxLayout(team_box)
        team_layout.addWidget(self.team_label)
        team_layout.addWidget(self.devices)
        team_layout.addLayout(team_buttons)

        self.folder = QLineEdit(str(preferences.exchange_dir or ""))
        self.folder.setAccessibleName(_("Exchange folder"))
        self.folder.setPlaceholderText(_("A shared folder, network drive or USB stick"))
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._choose_folder)
        self.exchange_button = QPushButton(_("Exchange now"))
        self.exchange_button.setToolTip(_("Import every new file of the folder (after a preview), then write one "
                                          "with this device's changes"))  # fmt: skip
        self.exchange_button.clicked.connect(self.exchange_folder)
        self.export_button = QPushButton(_("Write file only"))
        self.export_button.clicked.connect(self.export_only)
        self.import_button = QPushButton(_("Import files…"))
        self.import_button.clicked.connect(self._choose_files)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        action_row = QHBoxLayout()
        for button in (self.exchange_button, self.export_button, self.import_button):
            action_row.addWidget(button)
        action_row.addStretch(1)
        files_box = QGroupBox(_("Exchange folder"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addLayout(folder_row)
        files_layout.addLayout(action_row)

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(team_box)
        layout.addWidget(files_box)
        layout.addWidget(self.outcome)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(640, 520)
        self.refresh()

    # -- team ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.backend.call_for(self, team_state, self._show_state, self._refused)

    def _show_state(self, state: TeamState) -> None:
        self.state = state
        member = state.key is not None
        if member:
            self.team_label.setText(_("This device ({name}) belongs to a team. Other devices join it with the "
                                      "team key.").format(name=state.device_name))  # fmt: skip
        else:
            self.team_label.setText(_("This device ({name}) belongs to no team yet: create a team here and enter "
                                      "its key on the other devices, or enter the key of an existing team.").format(
                name=state.device_name))  # fmt: skip
        self.devices.clear()
        for device_id, name, last in state.peers:
            item = QListWidgetItem(_("{name}, last file written {time}").format(name=name, time=last[:16].replace(
                "T", " ")))  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, (device_id, name))
            self.devices.addItem(item)
        for name in state.removed:
            item = QListWidgetItem(_("{name} (removed)").format(name=name))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.devices.addItem(item)
        self.new_team_button.setVisible(not member)
        self.copy_key_button.setVisible(member)
        self.remove_button.setVisible(member)
        self.remove_button.setEnabled(bool(state.peers))
        self.join_button.setText(_("Enter new team key…") if member else _("Enter team key…"))
        for button in (self.exchange_button, self.export_button, self.import_button):
            button.setEnabled(member)

    def create_team(self) -> None:
        members = team.new_team()

        def job(db: Database) -> None:
            with db.remote_write() as conn:
                team.join(conn, members)

        self.backend.call_for(self, job, lambda _none: self._key_made(members.key), self._refused)

    def _key_made(self, key: str) -> None:
        self.refresh()
        QGuiApplication.clipboard().setText(key)
        self.outcome.setText(_("Team key (copied; enter it on each other device of the team):") + "\n" + key)

    def join_team(self) -> None:
        text = self.ask_key(self)
        if not text:
            return
        try:
            members = team.parse_key(text)
        except UserError as error:
            self.message.setText(error.text())
            return
        replace = self.state is not None and self.state.key is not None

        def job(db: Database) -> None:
            with db.remote_write() as conn:
                team.join(conn, members, replace=replace)

        self.backend.call_for(self, job, lambda _none: self._joined(), self._refused)

    def _joined(self) -> None:
        self.message.clear()
        self.outcome.setText(_("This device belongs to the team."))
        self.refresh()

    def copy_key(self) -> None:
        if self.state is not None and self.state.key:
            QGuiApplication.clipboard().setText(self.state.key)
            self.outcome.setText(_("The team key is copied. Keep it like a password."))

    def remove_device(self) -> None:
        item = self.devices.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            self.message.setText(_("Choose the device to remove in the list."))
            return
        device_id, name = item.data(Qt.ItemDataRole.UserRole)
        question = _("Remove {device} from the team? Its files are refused from now on, and the team gets a new "
                     "key that you enter on each other device.").format(device=name)  # fmt: skip
        if QMessageBox.question(self, _("Remove device"), question) != QMessageBox.StandardButton.Yes:
            return
        members = team.new_team()

        def job(db: Database) -> None:
            with db.remote_write() as conn:
                exchange.remove_device(conn, device_id)
                team.join(conn, members, replace=True)

        self.backend.call_for(self, job, lambda _none: self._key_made(members.key), self._refused)

    # -- files -----------------------------------------------------------------------------------

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Exchange folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _folder(self) -> Path | None:
        text = self.folder.text().strip()
        if not text:
            self.message.setText(_("Choose the exchange folder first."))
            return None
        folder = Path(text)
        self.preferences.exchange_dir = folder
        return folder

    def export_only(self) -> None:
        folder = self._folder()
        if folder is None:
            return

        def job(db: Database) -> Path:
            if not folder.is_dir():
                raise UserError(N_("{path} is no folder."), path=folder)
            return exchange.export(db, folder)

        self.backend.call_for(
            self, job, lambda path: self._done([_("Written: {path}").format(path=path)]), self._refused
        )

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, _("Import files"), self.folder.text(),
                                                      _("Sync files (*.ipsync)"))  # fmt: skip
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        """Read and check the files, show the preview, import on confirmation."""
        self.backend.call_for(self, lambda db: self._read_and_preview(db, lambda d: exchange.read(d, paths)),
                          lambda found: self._confirm(found, None), self._refused)  # fmt: skip

    def exchange_folder(self) -> None:
        """The exchange folder: preview and import what is new there, then write this device's file."""
        folder = self._folder()
        if folder is None:
            return
        skipped: list[str] = []

        def reading(db: Database) -> Bundles:
            found, skipped[:] = exchange.read_folder(db, folder)
            return found

        self.backend.call_for(self, lambda db: self._read_and_preview(db, reading),
                          lambda found: self._confirm(found, folder, skipped), self._refused)  # fmt: skip

    @staticmethod
    def _read_and_preview(db: Database, reading: Callable[[Database], Bundles]) -> Previewed:
        bundles = reading(db)
        return bundles, exchange.preview(db, bundles)

    def _confirm(self, found: Previewed, folder: Path | None,
                 skipped: list[str] | None = None) -> None:  # fmt: skip
        bundles, report = found
        if bundles and (report.new_changes or report.held):
            if not open_dialog(PreviewDialog(report, skipped or [], self)):
                self.outcome.setText(_("Nothing was imported."))
                return
            self._import(bundles, folder, allow=False)
        elif folder is not None:
            self._write(folder, [*report_lines(report, preview=False), *self._skipped(skipped)])
        else:
            self._done(report_lines(report, preview=False))

    @staticmethod
    def _skipped(skipped: list[str] | None) -> list[str]:
        return [_("Skipped: {reason}").format(reason=reason) for reason in skipped or []]

    def _import(self, bundles: Bundles, folder: Path | None, *, allow: bool) -> None:
        backups = self.preferences.backup_dir

        def job(db: Database) -> exchange.ImportReport:
            return exchange.import_read(db, bundles, backups, allow_mass_deletion=allow)

        def refused(error: UserError) -> None:
            if isinstance(error, exchange.MassDeletion) and confirm_mass_deletion(self, error):
                self._import(bundles, folder, allow=True)
            else:
                self._refused(error)

        def imported(report: exchange.ImportReport) -> None:
            self.imported.emit()
            lines = report_lines(report, preview=False)
            if folder is not None:
                self._write(folder, lines)
            else:
                self._done(lines)

        self.backend.call_for(self, job, imported, refused)

    def _write(self, folder: Path, lines: list[str]) -> None:
        self.backend.call_for(self, lambda db: exchange.export(db, folder),
                          lambda path: self._done([*lines, _("Written: {path}").format(path=path)]),
                          self._refused)  # fmt: skip

    def _done(self, lines: list[str]) -> None:
        self.message.clear()
        self.outcome.setText("\n".join(lines))
        self.refresh()

    def _refused(self, error: UserError) -> None:
        self.message.setText(error.text())


def _ask_key(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getText(parent, _("Team key"), _("Team key (IPT-…):"))
    return text if ok else None
