"""Closing a case: the date and reason of the end of counselling, or reopening it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QVBoxLayout, QWidget

from integrationsplan.domain.codes import ClosureReason
from integrationsplan.domain.person import CaseClosure, Person
from integrationsplan.errors import UserError
from integrationsplan.i18n import _
from integrationsplan.storage import Database
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import CodeField, DateField, error_label


class ClosureDialog(QDialog):
    """Records a CaseClosure for the person; validation happens in the core, errors stay in the dialog."""

    def __init__(self, backend: Backend, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.person = person
        self.setWindowTitle(_("Close case {case}").format(case=person.case_number))
        self.closed_on = DateField(optional=False)
        self.closed_on.set_value(date.today())
        self.closed_on.setAccessibleName(_("Closed on"))
        self.reason = CodeField(ClosureReason, optional=False)
        self.reason.setAccessibleName(_("Reason"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(_("Note"))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(_("Closed on:"), self.closed_on)
        form.addRow(_("Reason:"), self.reason)
        form.addRow(_("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._close_case)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def closure(self) -> CaseClosure:
        reason = self.reason.value() or ClosureReason.OTHER
        return CaseClosure(
            person_id=self.person.id, closed_on=self.closed_on.value() or date.today(), reason=reason,
            note=self.note.toPlainText().strip() or None,
        )  # fmt: skip

    def _close_case(self) -> None:
        closure = self.closure()
        person = self.person

        def job(db: Database) -> CaseClosure:
            closure.validate(person)
            with db.write():
                for old in db.closures.where(person_id=person.id):
                    db.closures.delete(old.id)
                return db.closures.add(closure)

        self.backend.call(job, lambda _closure: self.accept(), self._refused)

    def _refused(self, error: UserError) -> None:
        self.message.setText(error.text())
