"""The person record: voluntary personal data, contact and counselling dates, saved through the worker."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.domain.codes import Gender
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.person import Person
from integrationsplan.domain.rules import counselling_limit
from integrationsplan.errors import UserError
from integrationsplan.i18n import _, format_date
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import CodeField, DateField, YearField, YesNoField, error_label, text_or_none

_TEXT_FIELDS = {
    "family_name": lambda: _("Family name"),
    "given_names": lambda: _("Given names"),
    "family_name_latin": lambda: _("Family name (Latin letters)"),
    "given_names_latin": lambda: _("Given names (Latin letters)"),
    "nationality": lambda: _("Nationality"),
    "interpreter_language": lambda: _("Interpreter language"),
    "phone": lambda: _("Phone"),
    "messenger": lambda: _("Messenger"),
    "address": lambda: _("Address"),
    "accommodation": lambda: _("Accommodation"),
    "municipality": lambda: _("Municipality"),
    "manager": lambda: _("Integration manager"),
}


class PersonForm(QWidget):
    """Edits one person; `saved` carries the stored record, `dirty_changed` tells when input is unsaved."""

    saved = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.person: Person | None = None
        self._dirty = False
        self._loading = False
        self.previous: Person | None = None  # the record before the last save, for undo

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = error_label()
        self.message.setVisible(False)

        self.texts = {name: QLineEdit() for name in _TEXT_FIELDS}
        self.birth_date = DateField()
        self.birth_year = YearField()
        self.gender = CodeField(Gender)
        self.languages = QLineEdit()
        self.languages.setPlaceholderText(_("e.g. ar, de"))
        self.interpreter_needed = YesNoField()
        self.entry_date = DateField()
        self.follow_up_date = DateField()
        self.counselling_start = DateField(optional=False)
        self.extended = QCheckBox(_("Extended to four years"))
        self.extension_reason = QPlainTextEdit()
        self.extension_reason.setFixedHeight(60)
        self.limit = QLabel()

        self.widgets: dict[str, QWidget] = {
            **self.texts, "birth_date": self.birth_date, "birth_year": self.birth_year, "gender": self.gender,
            "languages": self.languages, "interpreter_needed": self.interpreter_needed, "entry_date": self.entry_date,
            "follow_up_accommodation_date": self.follow_up_date, "counselling_start": self.counselling_start,
            "extended": self.extended, "extension_reason": self.extension_reason,
        }  # fmt: skip

        person_box = self._group(_("Person"), [
            ("family_name", None), ("given_names", None), ("family_name_latin", None), ("given_names_latin", None),
            ("birth_date", _("Birth date")), ("birth_year", _("Birth year")), ("gender", _("Gender")),
            ("nationality", None), ("languages", _("Languages")), ("interpreter_needed", _("Interpreter needed")),
            ("interpreter_language", None),
        ])  # fmt: skip
        contact_box = self._group(_("Contact and housing"), [
            ("phone", None), ("messenger", None), ("address", None), ("accommodation", None), ("municipality", None),
        ])  # fmt: skip
        case_box = self._group(_("Counselling"), [
            ("entry_date", _("Entry to Germany")), ("follow_up_accommodation_date", _("Follow-up accommodation since")),
            ("counselling_start", _("Counselling since")), ("extended", ""), ("extension_reason", _("Reason")),
            ("manager", None),
        ])  # fmt: skip
        case_box.layout().addRow(_("Counselling ends at the latest:"), self.limit)  # type: ignore[union-attr]

        body = QWidget()
        column = QVBoxLayout(body)
        for widget in (self.heading, self.message, person_box, contact_box, case_box):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._watch()

    def _group(self, title: str, rows: list[tuple[str, str | None]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for name, caption in rows:
            text = _TEXT_FIELDS[name]() if caption is None else caption
            widget = self.widgets[name]
            widget.setAccessibleName(text or self.extended.text())
            form.addRow(text + (":" if text else ""), widget)
        return box

    def _watch(self) -> None:
        for widget in self.widgets.values():
            for signal_name in ("textChanged", "dateChanged", "valueChanged", "currentIndexChanged", "toggled"):
                signal = getattr(widget, signal_name, None)
                if signal is not None and hasattr(signal, "connect"):
                    signal.connect(self._changed)
        self.counselling_start.dateChanged.connect(self._show_limit)
        self.extended.toggled.connect(self._show_limit)

    # -- state -----------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _show_limit(self, *_args: Any) -> None:
        start = self.counselling_start.value()
        self.limit.setText(format_date(counselling_limit(start, self.extended.isChecked())) if start else "")

    def load(self, person: Person | None) -> None:
        """Show a stored person, or an empty record for a new one."""
        self._loading = True
        try:
            self.person = person
            self.message.setVisible(False)
            shown = person or Person(case_number="", counselling_start=date.today())
            for name, edit in self.texts.items():
                edit.setText(getattr(shown, name) or "")
            self.birth_date.set_value(shown.birth_date)
            self.birth_year.set_value(shown.birth_year)
            self.gender.set_value(shown.gender)
            self.languages.setText(", ".join(shown.languages))
            self.interpreter_needed.set_value(shown.interpreter_needed)
            self.entry_date.set_value(shown.entry_date)
            self.follow_up_date.set_value(shown.follow_up_accommodation_date)
            self.counselling_start.set_value(shown.counselling_start)
            self.extended.setChecked(shown.extended)
            self.extension_reason.setPlainText(shown.extension_reason or "")
            self.heading.setText(
                _("New person") if person is None else f"{person.case_number} · {person.display_name()}"
            )
            self._show_limit()
        finally:
            self._loading = False
        self._set_dirty(False)

    def record(self) -> Person:
        """The person as entered now (not yet validated); a new person gets its case number when saved."""
        base = self.person or Person(case_number="", counselling_start=date.today())
        languages = tuple(code.strip() for code in self.languages.text().replace(";", ",").split(",") if code.strip())
        start = self.counselling_start.value() or date.today()
        texts: dict[str, Any] = {name: text_or_none(edit) for name, edit in self.texts.items()}
        return replace(
            base, **texts,
            birth_date=self.birth_date.value(), birth_year=self.birth_year.value_or_none(),
            gender=self.gender.value(), languages=languages, interpreter_needed=self.interpreter_needed.value(),
            entry_date=self.entry_date.value(), follow_up_accommodation_date=self.follow_up_date.value(),
            counselling_start=start, extended=self.extended.isChecked(),
            extension_reason=self.extension_reason.toPlainText().strip() or None,
        )  # fmt: skip

    # -- saving ----------------------------------------------------------------------------------

    def save(self, *, allow_duplicate: bool = False) -> None:
        person = self.record()
        creating = self.person is None
        previous = self.person

        def job(db: Database) -> tuple[Person | None, list[Person]]:
            if not creating:
                return db.persons.save(person), []
            probe = replace(person, case_number="?")
            probe.validate()
            duplicates = [] if allow_duplicate else db.persons.possible_duplicates(probe)
            if duplicates:
                return None, duplicates
            with db.write():
                return db.persons.add(replace(person, case_number=db.persons.next_case_number())), []

        def done(result: tuple[Person | None, list[Person]]) -> None:
            stored, duplicates = result
            if stored is None:
                self._ask_duplicate(duplicates)
                return
            self.previous = previous
            self.load(stored)
            self.saved.emit(stored)

        self.backend.call(job, done, self._refused)

    def _ask_duplicate(self, duplicates: list[Person]) -> None:
        names = "\n".join(f"{p.case_number}: {p.display_name()}" for p in duplicates[:5])
        answer = QMessageBox.question(
            self,
            _("Possible duplicate"),
            _(
                "A person with the same name and birth year exists already:\n{names}\n\nCreate a new person anyway?"
            ).format(names=names),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.save(allow_duplicate=True)

    def _refused(self, error: UserError) -> None:
        self.message.setText(error.text())
        self.message.setVisible(True)
        field = getattr(error, "field", None) if isinstance(error, ValidationError) else None
        widget = self.widgets.get(field or "")
        if widget is not None:
            widget.setFocus()
