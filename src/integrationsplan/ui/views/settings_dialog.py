"""Settings: the organisation on printed plans, the language, auto-lock, where backups go, the goal catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from integrationsplan import catalogue, i18n
from integrationsplan.catalogue import Catalogue, Kind
from integrationsplan.folders import config_dir
from integrationsplan.i18n import _, format_number, language_name
from integrationsplan.ui.fields import error_label
from integrationsplan.ui.preferences import Preferences

MAX_LOGO_BYTES = 2 * 1024 * 1024


class SettingsDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(_("Settings"))
        self.logo: Path | None = preferences.logo
        self.organisation = QLineEdit(preferences.organisation)
        self.organisation.setAccessibleName(_("Organisation"))
        self.privacy_contact = QPlainTextEdit(preferences.privacy_contact)
        self.privacy_contact.setAccessibleName(_("Contact for data protection"))
        self.privacy_contact.setPlaceholderText(_("Address, phone, e-mail; the data protection officer"))
        self.privacy_contact.setTabChangesFocus(True)
        self.privacy_contact.setFixedHeight(self.privacy_contact.fontMetrics().lineSpacing() * 4 + 12)
        self.logo_preview = QLabel()
        self.logo_preview.setMinimumSize(160, 60)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose_logo = QPushButton(_("Choose logo…"))
        choose_logo.clicked.connect(self.choose_logo)
        remove_logo = QPushButton(_("Remove logo"))
        remove_logo.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        for widget in (self.logo_preview, choose_logo, remove_logo):
            logo_row.addWidget(widget)
        logo_row.addStretch(1)
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        for code in i18n.UI_LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language or i18n.DEFAULT_LANGUAGE)))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSpecialValueText(_("never"))
        self.auto_lock.setSuffix(_(" min"))
        self.auto_lock.setValue(preferences.auto_lock_minutes)
        self.auto_lock.setAccessibleName(_("Lock after idle time"))
        self.backup_dir = QLineEdit(str(preferences.backup_dir))
        self.backup_dir.setAccessibleName(_("Backup folder"))
        choose_dir = QPushButton(_("Choose…"))
        choose_dir.clicked.connect(self.choose_backup_dir)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_dir, 1)
        backup_row.addWidget(choose_dir)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(0, 100)
        self.backup_keep.setSpecialValueText(_("none"))
        self.backup_keep.setValue(preferences.backup_keep)
        self.backup_keep.setAccessibleName(_("Automatic backups kept"))
        self.backup_keep.setToolTip(_("A backup is made at every quit and checked; the oldest beyond this number are "
                                      "deleted"))  # fmt: skip
        self.catalogue_summary = QLabel()
        self.catalogue_summary.setWordWrap(True)
        open_catalogue = QPushButton(_("Open folder"))
        open_catalogue.setToolTip(_("The organisation's own entries: de.toml and one file per language"))
        open_catalogue.clicked.connect(self.open_catalogue_folder)
        reload_catalogue = QPushButton(_("Read again"))
        reload_catalogue.clicked.connect(lambda: self.show_catalogue(catalogue.reload()))
        catalogue_buttons = QHBoxLayout()
        catalogue_buttons.addWidget(open_catalogue)
        catalogue_buttons.addWidget(reload_catalogue)
        catalogue_buttons.addStretch(1)
        catalogue_row = QVBoxLayout()  # the summary above its buttons: a wrapped summary beside them was cut off
        catalogue_row.addWidget(self.catalogue_summary)
        catalogue_row.addLayout(catalogue_buttons)
        self.catalogue_problems = error_label()
        self.message = error_label()
        form = QFormLayout()
        form.addRow(_("Organisation:"), self.organisation)
        form.addRow(_("Contact for data protection:"), self.privacy_contact)
        form.addRow(_("Logo on printed plans:"), logo_row)
        form.addRow(_("Language:"), self.language)
        form.addRow(_("Lock after idle time:"), self.auto_lock)
        form.addRow(_("Backup folder:"), backup_row)
        form.addRow(_("Automatic backups kept:"), self.backup_keep)
        form.addRow(_("Goal catalogue:"), catalogue_row)
        form.addRow("", self.catalogue_problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._set_logo(self.logo)
        self.show_catalogue(catalogue.current())

    def show_catalogue(self, entries: Catalogue) -> None:
        own = sum(e.organisation for e in entries.entries)
        self.catalogue_summary.setText(_("{goals} goals and {steps} steps, {own} of them the organisation's").format(
            goals=format_number(len(entries.of_kind(Kind.GOAL))), steps=format_number(len(entries.of_kind(Kind.STEP))),
            own=format_number(own)))  # fmt: skip
        problems = [p.text() for p in entries.problems]
        self.catalogue_problems.setText("\n".join(problems[:5] + (["…"] if len(problems) > 5 else [])))
        self.catalogue_problems.setVisible(bool(problems))

    def open_catalogue_folder(self) -> None:
        """Open the organisation's folder; a new one gets a de.toml that explains itself (all comments)."""
        folder = catalogue.organisation_folder()
        master = folder / f"{catalogue.MASTER_LANGUAGE}.toml"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not any(folder.iterdir()):
                master.write_text(catalogue.example_master(), encoding="utf-8")
        except OSError as exc:
            self.message.setText(_("The folder {path} cannot be made: {reason}").format(
                path=folder, reason=exc.strerror or exc))  # fmt: skip
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _set_logo(self, path: Path | None) -> None:
        self.logo = path
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setText(_("no logo"))
        else:
            self.logo_preview.setPixmap(pixmap.scaled(160, 60, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))  # fmt: skip

    def choose_logo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Choose logo"), "", _("Images (*.png *.jpg *.jpeg)"))
        if name:
            self.take_logo(Path(name))

    def take_logo(self, path: Path) -> bool:
        """Take a readable PNG or JPEG logo (copied when the settings are saved); refuse anything else."""
        reader = QImageReader(str(path))
        if path.stat().st_size > MAX_LOGO_BYTES or bytes(reader.format().data()) not in (b"png", b"jpeg"):
            self.message.setText(_("{name} is not a PNG or JPEG image of at most 2 MB.").format(name=path.name))
            return False
        if reader.read().isNull():
            self.message.setText(_("{name} could not be read as an image.").format(name=path.name))
            return False
        self.message.clear()
        self._set_logo(path)
        return True

    def choose_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def save(self) -> None:
        folder = Path(self.backup_dir.text().strip()).expanduser()
        if not self.backup_dir.text().strip() or (folder.exists() and not folder.is_dir()):
            self.message.setText(_("Choose a folder for the backups."))
            return
        logo = self.logo
        if logo is not None and logo != self.preferences.logo:
            # A copy of our own: the chosen file may sit on a stick or be moved later.
            target = config_dir() / f"logo{logo.suffix.lower()}"
            try:
                config_dir().mkdir(parents=True, exist_ok=True)
                shutil.copyfile(logo, target)
            except OSError as exc:
                self.message.setText(_("The logo could not be copied: {reason}").format(reason=exc.strerror or exc))
                return
            logo = target
        self.preferences.organisation = self.organisation.text().strip()
        self.preferences.privacy_contact = self.privacy_contact.toPlainText().strip()
        self.preferences.logo = logo
        self.preferences.language = str(self.language.currentData())
        self.preferences.auto_lock_minutes = self.auto_lock.value()
        self.preferences.backup_dir = folder
        self.preferences.backup_keep = self.backup_keep.value()
        self.preferences.sync()
        self.accept()
