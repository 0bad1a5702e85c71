"""The person list: a table model that pages rows in from SQL on the worker as the view scrolls."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from integrationsplan.i18n import _, format_date
from integrationsplan.storage import Database, person_list
from integrationsplan.storage.changes import Changes
from integrationsplan.storage.person_list import ListQuery, PersonRow, SortKey
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import ERROR_COLOR

PAGE_SIZE = 200
# Writes to these tables change what the list shows.
SHOWN_TABLES = {"person", "household", "household_member", "plan", "goal", "case_closure"}
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    CASE_NUMBER = 0
    NAME = 1
    HOUSEHOLD = 2
    MUNICIPALITY = 3
    SINCE = 4
    NEXT_REVIEW = 5
    OPEN_GOALS = 6


SORT_KEYS = {
    Column.CASE_NUMBER: SortKey.CASE_NUMBER,
    Column.NAME: SortKey.NAME,
    Column.HOUSEHOLD: SortKey.HOUSEHOLD,
    Column.MUNICIPALITY: SortKey.MUNICIPALITY,
    Column.SINCE: SortKey.COUNSELLING_START,
    Column.NEXT_REVIEW: SortKey.NEXT_REVIEW,
    Column.OPEN_GOALS: SortKey.OPEN_GOALS,
}

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


def headers() -> dict[Column, str]:
    return {
        Column.CASE_NUMBER: _("Case no."),
        Column.NAME: _("Name"),
        Column.HOUSEHOLD: _("Household"),
        Column.MUNICIPALITY: _("Municipality"),
        Column.SINCE: _("Counselling since"),
        Column.NEXT_REVIEW: _("Next review"),
        Column.OPEN_GOALS: _("Open goals"),
    }


class PersonListModel(QAbstractTableModel):
    """Rows arrive a page at a time; `total` is known after the first page, `rows` holds what was fetched."""

    loaded = Signal()  # a page arrived (the first one after a new query, or a further one)

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.query = ListQuery()
        self.rows: list[PersonRow] = []
        self.total: int | None = None
        self.today = date.today()
        self._generation = 0
        self._loading = False
        self._headers = headers()
        backend.changed.connect(self._on_changed)

    # -- queries ---------------------------------------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        """Start over with another search, filter or order; the first page is requested at once."""
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.total = None
        self._generation += 1
        self._loading = False
        self.endResetModel()
        self._request(0)

    def clear(self) -> None:
        """Forget every row (when locking): nothing personal stays in the model."""
        self.beginResetModel()
        self.rows = []
        self.total = 0
        self._generation += 1
        self._loading = False
        self.endResetModel()

    def _request(self, offset: int) -> None:
        self._loading = True
        generation, query = self._generation, self.query

        def job(db: Database) -> tuple[int | None, list[PersonRow]]:
            total = person_list.count(db.conn, query) if offset == 0 else None
            return total, person_list.page(db.conn, query, offset, PAGE_SIZE)

        self.backend.call(job, lambda result: self._arrived(generation, offset, result))

    def _arrived(self, generation: int, offset: int, result: tuple[int | None, list[PersonRow]]) -> None:
        if generation != self._generation or offset != len(self.rows):
            return  # an answer to a query that has been replaced meanwhile
        total, rows = result
        if total is not None:
            self.total = total
        self._loading = False
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        if len(rows) < PAGE_SIZE:
            self.total = len(self.rows)
        self.loaded.emit()

    def _on_changed(self, changes: Changes) -> None:
        if changes.tables() & SHOWN_TABLES:
            self.reload()

    # -- Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self._loading:
            return False
        return self.total is not None and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._request(len(self.rows))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return self._headers[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(Column):
            return None
        row = self.rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == PERSON_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.SINCE:
            return _("Counselling ends at the latest on {day}").format(day=format_date(row.counselling_limit))
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue(row, column):
            return QBrush(QColor(ERROR_COLOR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.OPEN_GOALS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: PersonRow, column: Column) -> str:
        match column:
            case Column.CASE_NUMBER:
                return row.case_number
            case Column.NAME:
                return row.name or _("(no name given)")
            case Column.HOUSEHOLD:
                return row.household or ""
            case Column.MUNICIPALITY:
                return row.municipality or ""
            case Column.SINCE:
                return format_date(row.counselling_start)
            case Column.NEXT_REVIEW:
                return format_date(row.next_review)
            case Column.OPEN_GOALS:
                return str(row.open_goals)

    def _overdue(self, row: PersonRow, column: Column) -> bool:
        if column is Column.NEXT_REVIEW:
            return row.next_review is not None and row.next_review < self.today
        if column is Column.SINCE:
            return row.counselling_limit <= self.today
        return False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(Column):
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_query(replace(self.query, sort=SORT_KEYS[Column(column)], descending=descending))
