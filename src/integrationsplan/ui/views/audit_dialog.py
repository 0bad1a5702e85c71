"""The audit log of this device: whether its chain is intact, the newest entries, and a CSV export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _, digits, format_number
from integrationsplan.storage import Database, audit
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import error_label
from integrationsplan.ui.text_direction import AutoDirectionDelegate

SHOWN = 500  # the newest entries listed; the export holds all

ACTIONS = {
    audit.Action.OPENED: N_("opened"), audit.Action.CHANGED: N_("changed"), audit.Action.EXPORTED: N_("exported"),
    audit.Action.IMPORTED: N_("imported"), audit.Action.PRINTED: N_("printed"), audit.Action.ERASED: N_("erased"),
    audit.Action.BACKED_UP: N_("backed up"), audit.Action.PASSPHRASE: N_("passphrase changed"),
    audit.Action.ACCESS_REPORT: N_("access report"), audit.Action.RESTORED: N_("restored from a backup"),
}  # fmt: skip


@dataclass(frozen=True)
class Log:
    entries: list[audit.Entry]
    broken: int | None


def load(db: Database) -> Log:
    return Log(audit.entries(db.conn), audit.verify(db.conn))


class AuditDialog(QDialog):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.log = Log([], None)
        self.setWindowTitle(_("Audit log"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([_("No."), _("Time (UTC)"), _("User"), _("Action"), _("Records")])
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegate(AutoDirectionDelegate(self.table))  # file names and ids read left to right
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.export_button = QPushButton(_("Export as CSV…"))
        self.export_button.clicked.connect(self._choose_file)
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.backend.call_for(self, load, self._show, self._refused)

    def _show(self, log: Log) -> None:
        self.log = log
        if log.broken is not None:
            self.status.setText(audit.ChainBroken(seq=log.broken).text())
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.status.setText(audit.status_text(log.entries))
        shown = log.entries[:SHOWN]
        self.table.setRowCount(len(shown))
        for row, entry in enumerate(shown):
            action = next((text for code, text in ACTIONS.items() if code.value == entry.action), None)
            cells = [format_number(entry.seq), digits(entry.at.replace("T", " ")[:19]), entry.user,
                     _(action) if action else entry.action, entry.target]  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Export as CSV…"), "audit-log.csv", _("CSV (*.csv)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        def job(db: Database) -> Path:
            try:
                path.write_text(audit.to_csv(audit.entries(db.conn)), encoding="utf-8")
            except OSError as exc:
                raise UserError(N_("{path} cannot be written: {reason}"), path=path,
                                reason=exc.strerror or exc) from exc  # fmt: skip
            return path

        self.backend.call_for(self, job, lambda written: self.message.setText(_("Saved: {path}").format(
            path=written)), self._refused)  # fmt: skip

    def _refused(self, error: UserError) -> None:
        self.message.setText(error.text())
