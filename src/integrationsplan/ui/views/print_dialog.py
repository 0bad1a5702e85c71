"""Printing a plan: the client's language, where the PDF goes, and opening it in the system's viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from integrationsplan.domain.person import Person
from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _, current_language, language_name
from integrationsplan.pdf import LANGUAGES
from integrationsplan.storage import Database, audit
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import error_label
from integrationsplan.ui.preferences import Preferences


class PrintDialog(QDialog):
    """Renders on the worker; the PDF is written next to its final name and renamed, nothing in a temp folder."""

    def __init__(self, backend: Backend, preferences: Preferences, person: Person, plan_id: str | None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.backend = backend
        self.preferences = preferences
        self.person = person
        self.plan_id = plan_id
        self.written: Path | None = None
        self.setWindowTitle(_("Print plan of {case}").format(case=person.case_number))
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of the client"))
        for code in LANGUAGES:
            # In its own name, so the client can point at it, and in the caseworker's language.
            own, ours = language_name(code), language_name(code, current_language())
            self.language.addItem(own if own == ours else f"{own} – {ours}", code)
        spoken = [code for code in person.languages if code in LANGUAGES]
        self.language.setCurrentIndex(max(0, self.language.findData(spoken[0] if spoken else "de")))
        self.language.currentIndexChanged.connect(self._suggest_name)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        self.warning = ""  # what the report found (German-only texts, characters no font has), for the status bar
        self.path = QLineEdit()
        self.path.setAccessibleName(_("Save as"))
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(choose)
        self.open_after = QCheckBox(_("Open the PDF after saving"))
        self.open_after.setChecked(True)
        self.message = error_label()
        form = QFormLayout()
        form.addRow(_("Language of the client:"), self.language)
        form.addRow(_("Save as:"), path_row)
        form.addRow("", self.open_after)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save_pdf)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.suggested = ""
        self._suggest_name()
        self.resize(560, 0)

    def _suggest_name(self) -> None:
        """A name with the language in it; a name the user typed is left alone."""
        if self.path.text() and self.path.text() != self.suggested:
            return
        current = Path(self.path.text()) if self.path.text() else None
        folder = current.parent if current else self.folder
        self.suggested = str(folder / f"Integrationsplan-{self.person.case_number}-{self.language.currentData()}.pdf")
        self.path.setText(self.suggested)

    def choose_path(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Save plan as"), self.path.text(), _("PDF (*.pdf)"))
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def save_pdf(self) -> None:
        from integrationsplan.pdf import plan_data, plan_pdf

        path = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip() or not path.parent.is_dir():
            self.message.setText(_("Choose an existing folder for the PDF."))
            return
        language = str(self.language.currentData())
        letterhead = plan_pdf.Letterhead(self.preferences.organisation, self.preferences.logo)
        person_id, plan_id = self.person.id, self.plan_id

        def job(db: Database) -> plan_pdf.Report:
            data = plan_data.load(db, person_id, plan_id)
            try:
                report = plan_pdf.render(data, language, path, letterhead)
                db.audit(audit.Action.PRINTED, f"person:{person_id} plan:{data.plan.id}", {"language": language})
                return report
            except OSError as exc:
                raise UserError(N_("The PDF could not be written to {path}: {reason}"), path=path,
                                reason=exc.strerror or exc) from exc  # fmt: skip

        def done(report: plan_pdf.Report) -> None:
            self.backend.bug.disconnect(failed)
            if not isValid(self):  # cancelled and gone meanwhile: the file is written, nothing to show
                return
            self.written = path
            self.warning = " ".join(report.warnings())
            if self.open_after.isChecked():
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            self.accept()

        def refused(error: UserError) -> None:
            self.backend.bug.disconnect(failed)
            if not isValid(self):
                return
            self.save_button.setEnabled(True)
            self.message.setText(error.text())

        def failed(_details: str) -> None:  # an unexpected error: the window reports it; the dialog stays usable
            self.backend.bug.disconnect(failed)
            if isValid(self):
                self.save_button.setEnabled(True)

        self.save_button.setEnabled(False)  # Cancel stays available
        self.backend.bug.connect(failed)
        self.backend.call(job, done, refused)
