"""The key figures of a period: chosen period and filters, counted on the worker with a progress bar, shown as
tables and charts, exported for the Land as CSV, XLSX or PDF (small counts suppressed unless turned off)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _
from integrationsplan.stats import Filter, KeyFigures, Period, compute, export
from integrationsplan.stats.compute import choices
from integrationsplan.stats.tables import Table, charts, shown, tables
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.bar_chart import BarChart
from integrationsplan.ui.fields import DateField, error_label
from integrationsplan.ui.preferences import Preferences

PRESETS = (N_("This year"), N_("Last year"), N_("Last quarter"), N_("Last month"), N_("Other period"))


def preset(index: int, today: date) -> tuple[date, date] | None:
    """The period of a preset on `today`; None for "other period"."""
    if index == 0:
        return date(today.year, 1, 1), today
    if index == 1:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if index == 2:
        quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        last = quarter_start - timedelta(days=1)
        return date(last.year, 3 * ((last.month - 1) // 3) + 1, 1), last
    if index == 3:
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    return None


class _Relay(QObject):
    """Carries the worker's progress to the window (a signal crosses threads safely)."""

    progress = Signal(int, int)


class StatsDialog(QDialog):
    def __init__(self, backend: Backend, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.preferences = preferences
        self.figures: KeyFigures | None = None
        self.relay: _Relay | None = None
        self.setWindowTitle(_("Key figures"))
        self.preset = QComboBox()
        self.preset.addItems([_(name) for name in PRESETS])
        self.preset.setAccessibleName(_("Period"))
        self.first, self.last = DateField(optional=False), DateField(optional=False)
        self.first.setAccessibleName(_("From"))
        self.last.setAccessibleName(_("To"))
        period = QHBoxLayout()
        for widget in (self.preset, QLabel(_("from")), self.first, QLabel(_("to")), self.last):
            period.addWidget(widget)
        period.addStretch(1)
        self.manager, self.municipality = QComboBox(), QComboBox()
        self.manager.setAccessibleName(_("Integration manager"))
        self.municipality.setAccessibleName(_("Municipality"))
        for combo in (self.manager, self.municipality):
            combo.addItem(_("all"), None)
        self.suppress = QCheckBox(_("Show counts from 1 to 4 as \u201c< 5\u201d in exports"))
        self.suppress.setChecked(True)
        self.count_button = QPushButton(_("Count"))
        self.count_button.setDefault(True)
        self.count_button.clicked.connect(self.count)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        backend.bug.connect(self._failed)  # an unexpected failure of the count: the dialog stays usable
        form = QFormLayout()
        form.addRow(_("Period:"), period)
        form.addRow(_("Integration manager:"), self.manager)
        form.addRow(_("Municipality:"), self.municipality)
        form.addRow("", self.suppress)
        counting = QHBoxLayout()
        counting.addWidget(self.count_button)
        counting.addWidget(self.progress, 1)
        counting.addStretch(0)
        self.results = QTabWidget()
        self.tables_page, self.charts_page = QWidget(), QWidget()
        self.tables_layout, self.charts_layout = QVBoxLayout(self.tables_page), QVBoxLayout(self.charts_page)
        for page, title in ((self.tables_page, _("Tables")), (self.charts_page, _("Charts"))):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.results.addTab(scroll, title)
        self.exports = [QPushButton(text) for text in (_("Save as CSV…"), _("Save as Excel…"), _("Save as PDF…"))]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button, kind in zip(self.exports, ("csv", "xlsx", "pdf"), strict=True):
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, kind=kind: self.choose_export(kind))
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(buttons)
        self.message = error_label()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(counting)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self._preset_chosen(0)
        for editor in (self.first, self.last):
            editor.dateChanged.connect(self._dates_edited)
        self.resize(900, 720)
        backend.call_for(self, choices, self._choices)

    def _choices(self, found: tuple[list[str], list[str]]) -> None:
        for combo, values in zip((self.manager, self.municipality), found, strict=True):
            for value in values:
                combo.addItem(value, value)

    def _preset_chosen(self, index: int) -> None:
        period = preset(index, date.today())
        if period is not None:
            for editor, day in zip((self.first, self.last), period, strict=True):
                editor.blockSignals(True)
                editor.set_value(day)
                editor.blockSignals(False)

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(PRESETS) - 1)
        self.preset.blockSignals(False)

    def count(self) -> None:
        first, last = self.first.value(), self.last.value()
        if first is None or last is None or last < first:
            self.message.setText(_("The period ends before it begins."))
            return
        self.message.clear()
        period, only = Period(first, last), Filter(self.manager.currentData(), self.municipality.currentData())
        # A relay of its own, without a parent: the worker may still report after the dialog is closed and gone.
        self.relay = _Relay()
        self.relay.progress.connect(self._progressed)
        relay = self.relay.progress.emit
        self.count_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.backend.call_for(self, lambda db: compute(db, period, only, relay), self._counted, self._refused)

    def _progressed(self, done: int, steps: int) -> None:
        self.progress.setRange(0, steps)
        self.progress.setValue(done)

    def _counted(self, figures: KeyFigures) -> None:
        self.figures = figures
        self.count_button.setEnabled(True)
        self.progress.setVisible(False)
        for button in self.exports:
            button.setEnabled(True)
        found = {table.key: table for table in tables(figures)}
        _clear(self.tables_layout)
        _clear(self.charts_layout)
        for table in found.values():
            self.tables_layout.addWidget(_heading(table.title))
            self.tables_layout.addWidget(_table_widget(table))
        self.tables_layout.addStretch(1)
        for shown_chart in charts(list(found.values())):
            chart = BarChart(shown_chart.vertical)
            series = [[float(v) if isinstance(v, int | float) else 0.0 for v in s] for s in shown_chart.series]
            chart.set_data(shown_chart.labels, series, shown_chart.names)
            chart.setAccessibleName(shown_chart.title)
            self.charts_layout.addWidget(_heading(shown_chart.title))
            self.charts_layout.addWidget(chart)
        self.charts_layout.addStretch(1)

    def _refused(self, error: UserError) -> None:
        self._failed()
        self.message.setText(error.text())

    def _failed(self, _details: str = "") -> None:
        self.count_button.setEnabled(True)
        self.progress.setVisible(False)

    def choose_export(self, kind: str) -> None:
        if self.figures is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        period = self.figures.period
        suggested = str(Path(folder) / f"Kennzahlen-{period.first.isoformat()}-{period.last.isoformat()}.{kind}")
        filters = {"csv": _("CSV (*.csv)"), "xlsx": _("Excel (*.xlsx)"), "pdf": _("PDF (*.pdf)")}
        name, _filter = QFileDialog.getSaveFileName(self, _("Save key figures"), suggested, filters[kind])
        if name:
            self.export(Path(name if name.lower().endswith(f".{kind}") else f"{name}.{kind}"), kind)

    def export(self, path: Path, kind: str, done: Callable[[Path], None] | None = None) -> None:
        """Write the figures counted last (on the worker), in German: the report goes to the Land."""
        figures, suppress = self.figures, self.suppress.isChecked()
        if figures is None:
            return
        organisation, logo = self.preferences.organisation, self.preferences.logo

        def job(db: Database) -> Path:
            export.write(db, figures, path, kind, suppress, organisation, logo)
            return path

        def written(result: Path) -> None:
            self.outcome.setText(_("Saved: {path}").format(path=result))
            if done is not None:
                done(result)

        self.message.clear()
        self.backend.call_for(self, job, written, self._refused)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _table_widget(table: Table) -> QTableWidget:
    """A table as the office reads it: every count, nothing suppressed (the screen stays inside the office)."""
    widget = QTableWidget(len(table.rows), len(table.columns) + 1)
    widget.setHorizontalHeaderLabels([table.label, *(c.title for c in table.columns)])
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for row, (text, values) in enumerate(table.rows):
        widget.setItem(row, 0, QTableWidgetItem(text))
        for column, (value, kind) in enumerate(zip(values, table.columns, strict=True), 1):
            item = QTableWidgetItem(shown(value, kind))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(row, column, item)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(table.columns) + 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    height = widget.horizontalHeader().sizeHint().height() + sum(widget.rowHeight(r) for r in range(len(table.rows)))
    widget.setFixedHeight(height + 4)
    return widget


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
