"""Asking what to restore: the backup file, its passphrase, and a confirmation that the database is replaced.

The restore itself runs on the worker (Backend.restore): the backup is checked before anything is closed, the
current file is kept in the backup folder, so that the restore can itself be undone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from integrationsplan.i18n import _


def ask_restore(parent: QWidget, folder: Path) -> tuple[Path, str] | None:
    """The backup chosen and its passphrase, once the user confirmed replacing the database; None if not."""
    title = _("Restore from backup")
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, title, str(folder), _("Integrationsplan databases (*.db);;All files (*)")
    )
    if not chosen:
        return None
    backup = Path(chosen)
    passphrase, ok = QInputDialog.getText(
        parent, title, _("Passphrase of the backup {name}:").format(name=backup.name), QLineEdit.EchoMode.Password
    )
    if not ok or not passphrase:
        return None
    answer = QMessageBox.warning(
        parent, title,
        _("Replace the database by the backup {name}? What was recorded after the backup was made is then no longer "
          "in the database; what the team's other devices received of it comes back with the next exchange (this "
          "device then takes part as a new device). The current file is kept in {folder} first, so that this "
          "can be undone; the passphrase is then that of the backup.").format(name=backup.name, folder=folder),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    )  # fmt: skip
    return (backup, passphrase) if answer == QMessageBox.StandardButton.Yes else None
