"""A titled table of records with its buttons: the building block of the plan and sessions tabs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.ui.models.records import Column, RecordTableModel
from integrationsplan.ui.text_direction import AutoDirectionDelegate

T = TypeVar("T")


class _Table(QTableView):
    """Enter opens the current row, as a double click does."""

    opened = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class RecordSection(QGroupBox, Generic[T]):
    """`current` is the selected record; `opened` fires on double click or Enter."""

    opened = Signal(object)
    selected = Signal(object)

    def __init__(self, title: str, columns: Sequence[Column[T]], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.model: RecordTableModel[T] = RecordTableModel(columns, self)
        self.table = _Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(AutoDirectionDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.table.opened.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.selected.emit(self.current()))
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)

    def button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def set_rows(self, rows: Sequence[T], *, select_first: bool = False) -> None:
        """Show new rows, keeping the selected record selected (or choosing the first row if asked)."""
        key = getattr(self.current(), "id", None)
        self.model.set_rows(rows)
        ids = [getattr(record, "id", None) for record in rows]
        if key is not None and key in ids:
            self.select(ids.index(key))
        elif select_first and rows:
            self.select(0)
        self.selected.emit(self.current())

    def select(self, row: int) -> None:
        # Through the selection model: QTableView.selectRow misbehaves in right-to-left layouts.
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def current(self) -> T | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not index.isValid():
            return None
        return self.model.record(index.row())

    def _open(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if record is not None:
            self.opened.emit(record)
