"""Printing a document for the client (the plan, the information and consent sheet): the client's language,
where the PDF goes, and opening it in the system's viewer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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

from integrationsplan.domain.consent import SHEET_VERSION
from integrationsplan.domain.person import Person
from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _, current_language, language_name
from integrationsplan.pdf import LANGUAGES
from integrationsplan.storage import Database, audit
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import error_label
from integrationsplan.ui.preferences import Preferences

if TYPE_CHECKING:
    from integrationsplan.pdf.plan_pdf import Report


@dataclass(frozen=True)
class Document:
    """What a print dialog prints: its title, the start of its file name, and how it is written (on the worker:
    rendered in a language to a path, and recorded in the audit log)."""

    title: str
    stem: str
    write: Callable[[Database, str, Path], Report]  # ReportLab is loaded when the first document is made


def plan_document(person: Person, plan_id: str | None, preferences: Preferences) -> Document:
    """The plan shown (or the newest version), in German and the client's language."""
    from integrationsplan.pdf import plan_data, plan_pdf

    letterhead = plan_pdf.Letterhead(preferences.organisation, preferences.logo)

    def write(db: Database, language: str, path: Path) -> Report:
        data = plan_data.load(db, person.id, plan_id)
        report = plan_pdf.render(data, language, path, letterhead)
        db.audit(audit.Action.PRINTED, f"person:{person.id} plan:{data.plan.id}", {"language": language})
        return report

    return Document(_("Print plan of {case}").format(case=person.case_number),
                    f"Integrationsplan-{person.case_number}", write)  # fmt: skip


def sheet_document(person: Person, preferences: Preferences) -> Document:
    """The information on data protection and the consents to sign (Art. 13), with the person's name."""
    from integrationsplan.pdf import consent_sheet, plan_pdf

    letterhead = plan_pdf.Letterhead(preferences.organisation, preferences.logo)
    data = consent_sheet.SheetData(letterhead, preferences.privacy_contact,
                                   preferences.retention_months, person.display_name(), person.case_number)  # fmt: skip

    def write(db: Database, language: str, path: Path) -> Report:
        report = consent_sheet.render(data, language, path)
        db.audit(audit.Action.PRINTED, f"person:{person.id} consent_sheet",
                 {"language": language, "version": SHEET_VERSION})  # fmt: skip
        return report

    return Document(_("Information and consent sheet for {case}").format(case=person.case_number),
                    f"Datenschutz-{person.case_number}", write)  # fmt: skip


class PrintDialog(QDialog):
    """Renders on the worker; the PDF is written next to its final name and renamed, nothing in a temp folder."""

    def __init__(self, backend: Backend, preferences: Preferences, person: Person, document: Document,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.backend = backend
        self.preferences = preferences
        self.person = person
        self.document = document
        self.written: Path | None = None
        self.setWindowTitle(document.title)
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
        self.suggested = str(folder / f"{self.document.stem}-{self.language.currentData()}.pdf")
        self.path.setText(self.suggested)

    def choose_path(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Save PDF as"), self.path.text(), _("PDF (*.pdf)"))
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def save_pdf(self) -> None:
        path = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip() or not path.parent.is_dir():
            self.message.setText(_("Choose an existing folder for the PDF."))
            return
        language = str(self.language.currentData())
        write = self.document.write

        def job(db: Database) -> Report:
            try:
                return write(db, language, path)
            except OSError as exc:
                raise UserError(N_("The PDF could not be written to {path}: {reason}"), path=path,
                                reason=exc.strerror or exc) from exc  # fmt: skip

        def done(report: Report) -> None:
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
