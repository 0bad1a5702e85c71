"""The "needs review" list: each conflict sync found with both sides (value, device, time) and the ways out of it.

Every answer is a change that syncs (sync/review.py); both values stay in the history whatever the user picks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.errors import UserError
from integrationsplan.i18n import _, format_date, format_number, format_time
from integrationsplan.record_names import display, field_name, table_name
from integrationsplan.storage import Database
from integrationsplan.sync import exchange, review
from integrationsplan.sync.merge import DELETED, FIELD, FINALISED
from integrationsplan.sync.summary import report_lines
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import error_label
from integrationsplan.ui.preferences import Preferences
from integrationsplan.ui.text_direction import AutoDirectionDelegate


@dataclass(frozen=True)
class Item:
    conflict: review.Open
    person: str  # the person's name, "" for a household


@dataclass(frozen=True)
class Pending:
    items: list[Item]
    held: list[review.Held]


def load(db: Database) -> Pending:
    items = []
    for found in review.open_conflicts(db):
        person = db.persons.find(found.person_id) if found.person_id else None
        items.append(Item(found, person.display_name() if person else ""))
    return Pending(items, review.held(db))


def count(db: Database) -> int:
    """How many conflicts wait for review (for the status bar)."""
    return len(review.open_conflicts(db))


def _when(side: review.Side) -> str:
    local = side.written_at.astimezone()
    return f"{format_date(local.date())} {format_time(local)}"


class SideBox(QGroupBox):
    """One side of a conflict: the value as the user reads it, and a button to keep it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = QPlainTextEdit()
        self.value.setReadOnly(True)
        self.keep = QPushButton(_("Keep this value"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.keep)

    def show_side(self, side: review.Side, text: str) -> None:
        self.setTitle(_("{device}, {time}").format(device=side.device_name, time=_when(side)))
        self.value.setPlainText(text)


class ReviewDialog(QDialog):
    """The conflicts waiting for review, one at a time; `settled` fires after every answer."""

    settled = Signal()

    def __init__(self, backend: Backend, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.preferences = preferences
        self.pending = Pending([], [])
        self.setWindowTitle(_("Needs review"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Conflicts"))
        self.list.setItemDelegate(AutoDirectionDelegate(self.list))
        self.list.currentRowChanged.connect(self._show)
        self.empty = QLabel(_("Nothing to review: every change from the team fitted together."))
        self.empty.setWordWrap(True)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.first, self.second = SideBox(), SideBox()
        self.first.keep.clicked.connect(lambda: self._choose(self._current().conflict.first.value))
        self.second.keep.clicked.connect(lambda: self._choose(self._current().conflict.second.value))
        sides = QHBoxLayout()
        sides.addWidget(self.first)
        sides.addWidget(self.second)
        self.merged = QPlainTextEdit()
        self.merged.setAccessibleName(_("Merged value"))
        self.merged.setPlaceholderText(_("Combine both texts here"))
        self.use_merged = QPushButton(_("Keep the merged text"))
        self.use_merged.clicked.connect(lambda: self._choose(self.merged.toPlainText().strip() or None))
        self.merge_box = QGroupBox(_("Merge"))
        merge_layout = QVBoxLayout(self.merge_box)
        merge_layout.addWidget(self.merged)
        merge_layout.addWidget(self.use_merged)
        self.keep_record = QPushButton()
        self.keep_record.clicked.connect(lambda: self._answer(review.keep))
        self.delete_record = QPushButton(_("Delete the record"))
        self.delete_record.clicked.connect(lambda: self._answer(review.delete))
        self.addendum = QPushButton(_("Add the change as an addendum"))
        self.addendum.clicked.connect(lambda: self._answer(review.as_addendum))
        record_buttons = QHBoxLayout()
        for button in (self.keep_record, self.delete_record, self.addendum):
            record_buttons.addWidget(button)
        record_buttons.addStretch(1)
        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.explanation)
        detail_layout.addLayout(sides, 1)
        detail_layout.addWidget(self.merge_box)
        detail_layout.addLayout(record_buttons)

        self.held_label = QLabel()
        self.held_label.setWordWrap(True)
        self.take_held = QPushButton(_("Take them in anyway"))
        self.take_held.clicked.connect(self._take_held)
        held_row = QHBoxLayout()
        held_row.addWidget(self.held_label, 1)
        held_row.addWidget(self.take_held)
        self.message = error_label()
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([300, 600])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(held_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(960, 600)
        self.reload()

    def reload(self) -> None:
        self.backend.call_for(self, load, self._loaded, self._refused)

    def _loaded(self, pending: Pending) -> None:
        self.pending = pending
        self.detail.setEnabled(True)
        self.list.clear()
        for item in pending.items:
            found = item.conflict
            what = table_name(found.table) if found.kind == DELETED else (
                f"{table_name(found.table)}: {field_name(found.field)}")  # fmt: skip
            self.list.addItem(QListWidgetItem(f"{item.person} · {what}" if item.person else what))
        self.empty.setVisible(not pending.items)
        self.detail.setVisible(bool(pending.items))
        if pending.items:
            self.list.setCurrentRow(0)
        lines = [_("{n} changes from {device} are held back: they carry a clock ahead until {time}. Check that "
                   "device's date and time; take them in only if they are right.").format(
            n=format_number(h.count), device=h.device_name, time=f"{format_date(h.newest.astimezone().date())} "
            f"{format_time(h.newest.astimezone())}") for h in pending.held]  # fmt: skip
        self.held_label.setText("\n".join(lines))
        self.held_label.setVisible(bool(lines))
        self.take_held.setVisible(bool(lines))

    def _current(self) -> Item:
        return self.pending.items[max(0, self.list.currentRow())]

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.pending.items):
            return
        item = self.pending.items[row]
        found = item.conflict
        first, second = found.first, found.second
        record = table_name(found.table)
        self.title.setText(record if found.kind == DELETED else f"{record}: {field_name(found.field)}")
        texts = {
            FIELD: _("Changed on two devices at the same time. Both values are kept in the history; choose the one "
                     "that stays, or merge them."),
            DELETED: _("Deleted on {first} while {second} changed it. The record is kept until you decide."),
            FINALISED: _("Finalised on {first}; {second} changed it without knowing. The finalised text stays; the "
                         "change can be added as an addendum."),
        }  # fmt: skip
        self.explanation.setText(texts[found.kind].format(first=first.device_name, second=second.device_name))
        self.first.show_side(first, _("(deleted)") if first.deleted else self._text(found, first.value))
        self.second.show_side(second, self._text(found, second.value))
        is_field = found.kind == FIELD
        values = (first.value, second.value)
        text_field = is_field and all(isinstance(v, str | None) for v in values) and not _is_code(found, values)
        self.first.keep.setVisible(is_field)
        self.second.keep.setVisible(is_field)
        self.merge_box.setVisible(text_field)
        if text_field:
            joiner = "\n" if any("\n" in str(v) for v in values) else " / "
            self.merged.setPlainText(joiner.join(str(v) for v in values if v))
        self.keep_record.setVisible(not is_field)
        self.keep_record.setText(_("Keep the record") if found.kind == DELETED else _("Keep the finalised text"))
        self.delete_record.setVisible(found.kind == DELETED)
        self.addendum.setVisible(found.kind == FINALISED and isinstance(second.value, str))
        self.message.clear()

    @staticmethod
    def _text(found: review.Open, value: Any) -> str:
        if found.kind == DELETED:  # the edit that met the delete: which field it changed, and to what
            edited = found.conflict.second.field
            return f"{field_name(edited)}: {display(found.table, edited, value)}"
        return display(found.table, found.field, value)

    def _choose(self, value: Any) -> None:
        item = self._current()
        self._answer(lambda db, conflict: review.choose(db, conflict, value), item)

    def _answer(self, action: Any, item: Item | None = None) -> None:
        chosen = item or self._current()
        self.detail.setEnabled(False)  # one answer at a time: a double click must not add two addenda
        self.backend.call_for(self, lambda db: action(db, chosen.conflict), self._answered, self._refused)

    def _take_held(self) -> None:
        backups = self.preferences.backup_dir

        def taken(report: exchange.ImportReport) -> None:
            self.message.setText("\n".join(report_lines(report, preview=False)))
            self._answered(None)

        self.backend.call_for(self, lambda db: exchange.take_in_held(db, backups), taken, self._refused)

    def _answered(self, _result: object) -> None:
        self.settled.emit()
        self.reload()

    def _refused(self, error: UserError) -> None:
        self.detail.setEnabled(True)
        self.message.setText(error.text())


def _is_code(found: review.Open, values: tuple[Any, ...]) -> bool:
    """Whether the field holds a code, a date or a list (shown as labels): those are picked, not merged."""
    return any(display(found.table, found.field, v) != v for v in values if v)
