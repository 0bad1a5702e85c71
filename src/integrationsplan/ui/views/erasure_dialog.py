"""The erasure queue: closed cases past their retention period, and erasing a case for good (DSGVO Art. 17).

Erasing asks twice: a warning to answer, then the case number to type. The work runs on the worker
(retention.erase: anonymous counts, purge, VACUUM); the team's other devices erase with their next exchange.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from integrationsplan import retention
from integrationsplan.errors import UserError
from integrationsplan.i18n import _, format_date
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import error_label
from integrationsplan.ui.preferences import Preferences

Ask = Callable[[QWidget, str, str], str | None]  # parent, case number, warning -> the typed confirmation


def ask_case_number(parent: QWidget, case_number: str, warning: str) -> str | None:
    """The two confirmations of an erasure: the warning, then the case number typed again."""
    answer = QMessageBox.warning(parent, _("Erase case"), warning,
                                 QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                 QMessageBox.StandardButton.No)  # fmt: skip
    if answer != QMessageBox.StandardButton.Yes:
        return None
    text, ok = QInputDialog.getText(parent, _("Erase case"), _("Type the case number {case} to erase it:").format(
        case=case_number))  # fmt: skip
    return text if ok else None


def erase_confirmed(parent: QWidget, backend: Backend, chosen: retention.Due, done: Callable[[retention.Erased], None],
                    refused: Callable[[UserError], None], ask: Ask | None = None) -> bool:  # fmt: skip
    """Ask twice, then erase on the worker (the whole case, or for SPECIAL its health data); False when the user
    stopped (nothing happens then)."""
    if chosen.reason == retention.SPECIAL:
        warning = _("Erase the health and disability entries of {case} ({name}) for good? Their values go, their "
                    "history included: here now, on the team's other devices with their next exchange. The rest of "
                    "the case stays. This cannot be undone.")  # fmt: skip
    else:
        warning = _("Erase {case} ({name}) for good? Every personal value of the case goes, its history included: "
                    "here now, on the team's other devices with their next exchange. Only anonymous counts stay. "
                    "This cannot be undone.")  # fmt: skip
    typed = (ask or ask_case_number)(parent, chosen.case_number, warning.format(case=chosen.case_number,
                                                                                name=chosen.name))  # fmt: skip
    if typed is None:
        return False
    if typed.strip() != chosen.case_number:
        QMessageBox.information(parent, _("Erase case"), _("The case number does not match. Nothing was erased."))
        return False
    person_id = chosen.person_id
    if chosen.reason == retention.SPECIAL:
        backend.call_for(parent, lambda db: retention.erase_special(db, person_id, date.today()), done, refused)
    else:
        backend.call_for(parent, lambda db: retention.erase(db, person_id), done, refused)
    return True


class ErasureDialog(QDialog):
    """The closed cases whose retention period has ended; erase the chosen one."""

    def __init__(self, backend: Backend, preferences: Preferences, parent: QWidget | None = None,
                 ask: Ask | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.backend = backend
        self.preferences = preferences
        self.ask = ask
        self.due: list[retention.Due] = []
        self.setWindowTitle(_("Erasure queue"))
        self.months = QSpinBox()
        self.months.setRange(1, 240)
        self.months.setValue(preferences.retention_months)
        self.months.setSuffix(_(" months"))
        self.months.setAccessibleName(_("Retention period"))
        self.months.valueChanged.connect(self._months_changed)
        intro = QLabel(_("Closed cases are kept for this long after their closure, then erased: every personal value "
                         "goes, on every device of the team; anonymous counts stay for the key figures. A withdrawn "
                         "consent puts the case (or, for special categories, its health data) on the list at "
                         "once."))  # fmt: skip
        intro.setWordWrap(True)
        period = QHBoxLayout()
        period.addWidget(QLabel(_("Retention period after closure:")))
        period.addWidget(self.months)
        period.addStretch(1)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([_("Case number"), _("Name"), _("Closed on"), _("Erase since"),
                                              _("Reason")])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.erase_button = QPushButton(_("Erase…"))
        self.erase_button.clicked.connect(self.erase_chosen)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.message = error_label()
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.erase_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(period)  # "this long" in the text below is the period above it
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.outcome)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(860, 480)
        self.reload()

    def _months_changed(self, months: int) -> None:
        self.preferences.retention_months = months
        self.reload()

    def reload(self) -> None:
        months = self.months.value()
        self.backend.call_for(self, lambda db: retention.due(db, months, date.today()), self._show, self._refused)

    def _show(self, due: list[retention.Due]) -> None:
        self.due = due
        self.table.setRowCount(len(due))
        for row, item in enumerate(due):
            reason = {retention.WITHDRAWN: _("consent withdrawn"),
                      retention.SPECIAL: _("health data: consent withdrawn")}.get(
                item.reason, _("retention period over"))  # fmt: skip
            cells = [item.case_number, item.name, format_date(item.closed_on), format_date(item.due_on), reason]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if due:
            self.table.selectRow(0)
        self.count.setText(retention.count_text(len(due)))
        self.erase_button.setEnabled(bool(due))

    def erase_chosen(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.due):
            return
        chosen = self.due[row]
        if erase_confirmed(self, self.backend, chosen, self._erased, self._refused, self.ask):
            self.erase_button.setEnabled(False)

    def _erased(self, done: retention.Erased) -> None:
        self.outcome.setText(retention.summary(done))
        self.reload()

    def _refused(self, error: UserError) -> None:
        self.message.setText(error.text())
