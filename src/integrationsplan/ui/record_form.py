"""A form over one immutable record: rows of named fields, read back with `replace`, errors shown at the field.

Every dialog that edits a need, goal, step, review, session, residence title, resources or consent is one of
these: the dialog names its fields, the core validates, and a refusal lands next to the field it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, time
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from integrationsplan.domain.errors import ValidationError
from integrationsplan.errors import UserError
from integrationsplan.i18n import _
from integrationsplan.labels import label
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.catalogue_field import CatalogueField
from integrationsplan.ui.fields import CodeField, DateField, YearField, YesNoField, error_label
from integrationsplan.ui.text_direction import AutoDirectionDelegate

R = TypeVar("R")
E = TypeVar("E", bound=Enum)
_NO_DATETIME = QDateTime(QDate(1899, 12, 31), QTime(0, 0))


class NumberField(QSpinBox):
    """A whole number that may stay empty ("–"), e.g. minutes or years of schooling."""

    def __init__(self, maximum: int, suffix: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, maximum)
        self.setSpecialValueText(_("–"))
        self.setSuffix(suffix)
        self.setValue(-1)


class DateTimeField(QDateTimeEdit):
    """An appointment: date and time, or none ("–")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDateTime(_NO_DATETIME)
        self.setSpecialValueText(_("–"))
        self.setDateTime(_NO_DATETIME)


class Choices(QListWidget):
    """Several records (e.g. goals) ticked in a list; the value is the tuple of their ids."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(AutoDirectionDelegate(self))  # goals are written in any language

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        self.clear()
        for key, text in choices:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)


class CodeList(Choices, Generic[E]):
    """Several codes of one enum, ticked in a list (topics of a session)."""

    def __init__(self, enum: type[E], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enum = enum
        self.set_choices([(member.value, label(member)) for member in enum])
        self.setMaximumHeight(self.sizeHintForRow(0) * 6 + 4)


def _ticked(widget: QListWidget) -> list[Any]:
    items = (widget.item(row) for row in range(widget.count()))
    return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]


def _tick(widget: QListWidget, keys: Sequence[Any]) -> None:
    wanted = {getattr(k, "value", k) for k in keys}
    for row in range(widget.count()):
        item = widget.item(row)
        checked = item.data(Qt.ItemDataRole.UserRole) in wanted
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def value_of(widget: QWidget) -> Any:
    """The value a field widget holds, in the type the record stores (None for "not given")."""
    if isinstance(widget, (DateField, CodeField, YesNoField, CatalogueField)):
        return widget.value()
    if isinstance(widget, YearField):
        return widget.value_or_none()
    if isinstance(widget, NumberField):
        return None if widget.value() < 0 else widget.value()
    if isinstance(widget, DateTimeField):
        moment = widget.dateTime()
        if moment == _NO_DATETIME:
            return None
        day, clock = moment.date(), moment.time()
        return datetime.combine(date(day.year(), day.month(), day.day()), time(clock.hour(), clock.minute()))
    if isinstance(widget, CodeList):
        return tuple(widget.enum(code) for code in _ticked(widget))
    if isinstance(widget, Choices):
        return tuple(_ticked(widget))
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip() or None
    if isinstance(widget, QLineEdit):
        return widget.text().strip() or None
    raise TypeError(f"no value for {type(widget).__name__}")


def set_value_of(widget: QWidget, value: Any) -> None:
    if isinstance(widget, (DateField, CodeField, YesNoField, YearField, CatalogueField)):
        widget.set_value(value)
    elif isinstance(widget, NumberField):
        widget.setValue(-1 if value is None else value)
    elif isinstance(widget, DateTimeField):
        widget.setDateTime(
            _NO_DATETIME
            if value is None
            else QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
        )
    elif isinstance(widget, (CodeList, Choices)):
        _tick(widget, value or ())
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QLineEdit):
        widget.setText(value or "")
    else:
        raise TypeError(f"cannot show a value in {type(widget).__name__}")


_CHANGE_SIGNALS = ("textChanged", "dateChanged", "dateTimeChanged", "valueChanged", "currentIndexChanged",
                   "toggled", "itemChanged")  # fmt: skip


class RecordForm(QWidget, Generic[R]):
    """Named fields in a form layout; `record()` is the loaded record with the fields' values put in."""

    def __init__(self, rows: Sequence[tuple[str, str, QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}  # fields of the record
        self.extras: dict[str, QWidget] = {}  # inputs the dialog stores elsewhere (links, the next review)
        self.base: R | None = None
        self.edited = False
        self._loading = False
        self.message = error_label()
        self.message.setVisible(False)
        self.layout_ = QFormLayout()
        for name, caption, widget in rows:
            self.add_row(name, caption, widget)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.message)
        outer.addLayout(self.layout_)

    def add_row(self, name: str, caption: str, widget: QWidget, *, of_record: bool = True) -> None:
        widget.setAccessibleName(caption)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(56)
        self.layout_.addRow(caption + ":" if caption else "", widget)
        (self.widgets if of_record else self.extras)[name] = widget
        for signal_name in _CHANGE_SIGNALS:
            signal = getattr(widget, signal_name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(self.mark_edited)
                break

    def mark_edited(self, *_args: Any) -> None:
        if not self._loading:
            self.edited = True

    def load(self, record: R) -> None:
        self._loading = True
        try:
            self.base = record
            for name, widget in self.widgets.items():
                set_value_of(widget, getattr(record, name))
        finally:
            self._loading = False
        self.edited = False
        self.message.setVisible(False)

    def set_extra(self, name: str, value: Any) -> None:
        self._loading = True
        try:
            set_value_of(self.extras[name], value)
        finally:
            self._loading = False

    def extra(self, name: str) -> Any:
        return value_of(self.extras[name])

    def record(self) -> R:
        assert self.base is not None, "load a record first"
        return replace(self.base, **{name: value_of(w) for name, w in self.widgets.items()})  # type: ignore[type-var]

    def set_read_only(self, read_only: bool) -> None:
        for widget in (*self.widgets.values(), *self.extras.values()):
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)

    def show_error(self, error: UserError) -> None:
        self.message.setText(error.text())
        self.message.setVisible(True)
        field = error.field if isinstance(error, ValidationError) else None
        widget = self.widgets.get(field or "")
        if widget is not None:
            widget.setFocus()


Save = Callable[[Database, Any], Any]
Rows = list[tuple[str, str, QWidget]]  # field name, caption, input widget


def saver(repository: str, creating: bool) -> Save:
    """The job that stores a dialog's record through `db.<repository>`: added when new, else saved."""

    def save(db: Database, record: Any) -> Any:
        store = getattr(db, repository)
        return store.add(record) if creating else store.save(record)

    return save


def open_dialog(dialog: QDialog) -> bool:
    """Run a modal dialog, then free it: closed dialogs must not keep personal data in memory."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class RecordDialog(QDialog):
    """Edit one record in a dialog; OK saves through the worker and closes only once the core accepted it."""

    def __init__(
        self,
        backend: Backend,
        title: str,
        rows: Sequence[tuple[str, str, QWidget]],
        record: Any,
        save: Save,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.save_job = save
        self.saved: Any = None
        self.setWindowTitle(title)
        self.form: RecordForm[Any] = RecordForm(rows)
        self.extra = QVBoxLayout()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.form)
        column.addLayout(self.extra)
        column.addStretch(1)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close
            if read_only
            else QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self, self.submit)  # Ctrl+S, as in the window
        self.save_shortcut.setEnabled(not read_only)
        self.saving = False
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.form.load(record)
        self.form.set_read_only(read_only)
        self.resize(560, min(720, 140 + 44 * len(rows)))

    def submit(self) -> None:
        if self.saving:
            return
        record = self.form.record()
        save = self.save_job
        self.run(lambda db: save(db, record))

    def run(self, job: Callable[[Database], Any]) -> None:
        """Run the saving job on the worker; close on success, show the refusal at its field otherwise."""

        def done(result: Any) -> None:
            if isValid(self):  # the dialog may be gone (the window closed meanwhile)
                self.saved = result
                self.accept()

        def refused(error: UserError) -> None:
            if isValid(self):
                self._set_saving(False)
                self.form.show_error(error)

        # One save at a time: a second click must not store a new record twice.
        self._set_saving(True)
        self.backend.call(job, done, refused)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.buttons.setEnabled(not saving)
        self.save_shortcut.setEnabled(not saving)

    def reject(self) -> None:
        """Cancel never drops typed input without asking."""
        if self.form.edited:
            answer = QMessageBox.question(
                self, self.windowTitle(), _("Discard the changes in this form?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
