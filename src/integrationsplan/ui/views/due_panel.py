"""The follow-ups list: reviews, steps and appointments of the coming days, overdue first."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from integrationsplan.i18n import N_, _, format_date, format_number, ngettext
from integrationsplan.storage import due
from integrationsplan.storage.due import DueItem, DueKind
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.models.records import Column
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.views.record_section import RecordSection

HORIZONS = (7, 14, 30, 90)
_KINDS = {DueKind.REVIEW: N_("Plan review"), DueKind.STEP: N_("Step"), DueKind.APPOINTMENT: N_("Appointment")}


def _what(item: DueItem) -> str:
    if item.kind is DueKind.REVIEW:
        return _("Plan version {version}").format(version=item.text)
    return item.text


DUE_COLUMNS: list[Column[DueItem]] = [
    Column(lambda: _("Date"), lambda i: format_date(i.day), lambda i: i.overdue(date.today())),
    Column(lambda: _("What"), lambda i: _(_KINDS[i.kind])),
    Column(lambda: _("Case number"), lambda i: i.case_number),
    Column(lambda: _("Name"), lambda i: i.name),
    Column(lambda: _("Details"), _what),
]


class DuePanel(QWidget):
    """`person_chosen` carries the id of the person whose item was opened."""

    person_chosen = Signal(str)

    def __init__(self, backend: Backend, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.preferences = preferences
        self.horizon = QComboBox()
        for days in HORIZONS:
            self.horizon.addItem(ngettext("next {n} day", "next {n} days", days).format(n=format_number(days)), days)
        self.horizon.setCurrentIndex(1)
        self.horizon.setAccessibleName(_("Period"))
        self.horizon.currentIndexChanged.connect(self.refresh)
        self.mine = QCheckBox(_("My persons"))
        self.mine.toggled.connect(self.refresh)
        self.summary = QLabel()
        self.items: RecordSection[DueItem] = RecordSection(_("Due and overdue"), DUE_COLUMNS)
        self.items.opened.connect(lambda item: self.person_chosen.emit(item.person_id))
        top = QHBoxLayout()
        top.addWidget(self.horizon)
        top.addWidget(self.mine)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.items, 1)
        # Writes arrive in bursts (a review moves several goals): refresh once they have settled.
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        backend.changed.connect(lambda _changes: self._timer.start() if self.isVisible() else None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if not self.backend.is_open:
            return
        today = date.today()
        until = today + timedelta(days=int(self.horizon.currentData()))
        manager = self.preferences.user_name if self.mine.isChecked() else None
        self.backend.call(lambda db: due.due_items(db.conn, today, until, manager), self._loaded)

    def _loaded(self, items: list[DueItem]) -> None:
        self.items.set_rows(items)
        overdue = sum(1 for i in items if i.overdue(date.today()))
        self.summary.setText(
            ngettext("{n} overdue", "{n} overdue", overdue).format(n=format_number(overdue)) if overdue else ""
        )
