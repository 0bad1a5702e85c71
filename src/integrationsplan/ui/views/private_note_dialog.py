"""The caseworker's private working note about the person shown: on this device only, never synced, exported or
printed (storage/private_notes.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from integrationsplan.domain.person import Person
from integrationsplan.errors import UserError
from integrationsplan.i18n import _
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import error_label


class PrivateNoteDialog(QDialog):
    def __init__(self, backend: Backend, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.person = person
        self.setWindowTitle(_("Private note: {name}").format(name=person.display_name()))
        hint = QLabel(_("Your working note. It stays on this device: it is never synced, exported or printed, and it "
                        "goes when the person is deleted or erased."))  # fmt: skip
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(_("Private note"))
        self.text.setEnabled(False)  # until the stored note has arrived
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 380)
        person_id = person.id
        self.backend.call_for(self, lambda db: db.private_note(person_id), self._loaded, self._refused)

    def _loaded(self, text: str) -> None:
        self.text.setPlainText(text)
        self.text.setEnabled(True)

    def save(self) -> None:
        person_id, text = self.person.id, self.text.toPlainText()
        self.buttons.setEnabled(False)
        self.backend.call_for(self, lambda db: db.set_private_note(person_id, text), lambda _none: self.accept(),
                              self._refused)  # fmt: skip

    def _refused(self, error: UserError) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error.text())
