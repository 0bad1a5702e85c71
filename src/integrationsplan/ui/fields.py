"""Input widgets shared by the forms: optional dates, code choices, optional numbers, passphrases, messages."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QSpinBox, QWidget

from integrationsplan.i18n import _
from integrationsplan.labels import label

E = TypeVar("E", bound=Enum)
ERROR_COLOR = "#b00020"
_SENTINEL = QDate(1899, 12, 31)
_STEP_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)  # the minimum stands for "no date": Qt shows the special text there


class DateField(QDateEdit):
    """A date that may stay empty ("–"); typing or the calendar sets it, Delete clears it."""

    def __init__(self, optional: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        self.setDisplayFormat(pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy"))
        if optional:
            self.setMinimumDate(_SENTINEL)
            self.setSpecialValueText(_("–"))
        else:
            self.setMinimumDate(QDate(1900, 1, 1))
        self.set_value(None)

    def value(self) -> date | None:
        qdate = self.date()
        if self.optional and qdate == _SENTINEL:
            return None
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, day: date | None) -> None:
        if day is None:
            self.setDate(_SENTINEL if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(day.year, day.month, day.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            self.optional
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.currentSectionIndex() == 0
        ):
            self.set_value(None)
            return
        if self.value() is None and (event.key() in _STEP_KEYS or event.text().isdigit()):
            # From "–" the arrows would start in 1899 and digits go nowhere: start from today instead.
            self.set_value(date.today())
            self.setSelectedSection(self.sectionAt(0))
            if event.key() in _STEP_KEYS:
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        empty = self.value() is None
        super().mousePressEvent(event)
        if empty and self.calendarWidget().isVisible():
            today = date.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)  # not December 1899


class CodeField(QComboBox, Generic[E]):
    """Choose one code of an enum by its translated name, or leave it empty ("–")."""

    def __init__(
        self,
        enum: type[E],
        optional: bool = True,
        parent: QWidget | None = None,
        names: dict[E, str] | None = None,
    ) -> None:
        """`names` replaces the stored codes' labels where a screen words the choice its own way."""
        super().__init__(parent)
        self.enum = enum
        if optional:
            self.addItem(_("–"), None)
        # The stored code goes in as data: Qt turns str-based enum members into plain strings anyway.
        for member in enum:
            self.addItem(names[member] if names else label(member), member.value)

    def value(self) -> E | None:
        data = self.currentData()
        return None if data is None else self.enum(data)

    def set_value(self, code: E | None) -> None:
        index = self.findData(code.value) if code is not None else 0
        self.setCurrentIndex(max(index, 0))


class YesNoField(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(_("not stated"), None)
        self.addItem(_("yes"), True)
        self.addItem(_("no"), False)

    def value(self) -> bool | None:
        data = self.currentData()
        return data if isinstance(data, bool) else None

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


class YearField(QSpinBox):
    """A year that may stay empty (shown as "–")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(1899, date.today().year)
        self.setSpecialValueText(_("–"))
        self.set_value(None)

    def value_or_none(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_value(self, year: int | None) -> None:
        self.setValue(year if year is not None else self.minimum())


def text_or_none(edit: QLineEdit) -> str | None:
    text = edit.text().strip()
    return text or None


def passphrase_field(accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible_name)
    return edit


def error_label() -> QLabel:
    """A wrapped label in the error colour, for messages about what the user entered."""
    message = QLabel()
    message.setWordWrap(True)
    message.setStyleSheet(f"color: {ERROR_COLOR};")
    return message
