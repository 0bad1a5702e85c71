"""Choose or create a database and unlock it; the key derivation runs on the worker, never in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from integrationsplan.errors import UserError
from integrationsplan.i18n import _
from integrationsplan.passphrase import MIN_LENGTH, strength
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import ERROR_COLOR, error_label, passphrase_field

FILE_FILTER_TEXT = "Integrationsplan (*.db);;*"


def strength_label(score: int) -> str:
    return [_("very weak"), _("weak"), _("fair"), _("strong"), _("very strong")][score]


class UnlockDialog(QDialog):
    """Asks for the database file and its passphrase; for a new file the passphrase twice, with a rating."""

    def __init__(self, backend: Backend, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(_("Integrationsplan – unlock database"))
        self.setMinimumWidth(520)

        self.path_edit = QLineEdit(str(path) if path else "")
        self.path_edit.setAccessibleName(_("Database file"))
        self.path_edit.textChanged.connect(self._update_mode)
        browse = QPushButton(_("Open…"))
        browse.clicked.connect(self._browse)
        new = QPushButton(_("New…"))
        new.clicked.connect(self._new_file)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        path_row.addWidget(new)

        self.passphrase = passphrase_field(_("Passphrase"))
        self.passphrase.textChanged.connect(self._rate)
        self.repeat = passphrase_field(_("Repeat the passphrase"))
        self.rating = QProgressBar()
        self.rating.setRange(0, 4)
        self.rating.setTextVisible(True)
        self.rating.setAccessibleName(_("Strength of the passphrase"))

        self.form = QFormLayout()
        self.form.addRow(_("Database:"), path_row)
        self.form.addRow(_("Passphrase:"), self.passphrase)
        self.form.addRow(_("Repeat:"), self.repeat)
        self.form.addRow(_("Strength:"), self.rating)

        self.message = error_label()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(_("Message"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._unlock)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update_mode()
        self.passphrase.setFocus()

    @property
    def creating(self) -> bool:
        text = self.path_edit.text().strip()
        return bool(text) and not Path(text).exists()

    def _update_mode(self) -> None:
        creating = self.creating
        for widget in (self.repeat, self.rating):
            widget.setVisible(creating)
            self.form.labelForField(widget).setVisible(creating)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Create") if creating else _("Unlock"))

    def _rate(self) -> None:
        score = strength(self.passphrase.text())
        self.rating.setValue(score)
        self.rating.setFormat(strength_label(score))

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Open database"), self.path_edit.text(), FILE_FILTER_TEXT)
        if name:
            self.path_edit.setText(name)
            self.passphrase.setFocus()

    def _new_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("New database"), self.path_edit.text(), FILE_FILTER_TEXT)
        if name:
            self.path_edit.setText(name if name.endswith(".db") else name + ".db")
            self.passphrase.setFocus()

    def _show(self, message: str) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")

    def _unlock(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._show(_("Choose a database file first."))
            return
        passphrase = self.passphrase.text()
        creating = self.creating
        if creating:
            if len(passphrase) < MIN_LENGTH:
                self._show(_("The passphrase needs at least {n} characters.").format(n=MIN_LENGTH))
                return
            if passphrase != self.repeat.text():
                self._show(_("The two passphrases differ."))
                return
        self._set_busy(True)
        self.message.setStyleSheet("")
        self.message.setText(_("Creating the database …") if creating else _("Unlocking …"))
        self.backend.open(Path(text), passphrase, create=creating, on_done=self._opened, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.path_edit, self.passphrase, self.repeat, self.buttons):
            widget.setEnabled(not busy)

    def _opened(self, _path: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()

    def _failed(self, error: UserError) -> None:
        self._set_busy(False)
        self._show(error.text())
        self.passphrase.clear()
        self.repeat.clear()
        self.passphrase.setFocus()
