"""Per-user preferences kept between runs: the last database, language, auto-lock, organisation, backups."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from integrationsplan import retention
from integrationsplan.folders import config_dir, data_dir

DEFAULT_BACKUP_KEEP = 10
DEFAULT_AUTO_LOCK_MINUTES = 5


class Preferences:
    def __init__(self) -> None:
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(folder / "integrationsplan.ini"), QSettings.Format.IniFormat)

    @property
    def last_database(self) -> Path | None:
        value = self._settings.value("database/last", "")
        return Path(str(value)) if value else None

    @last_database.setter
    def last_database(self, path: Path) -> None:
        self._settings.setValue("database/last", str(path))

    @property
    def language(self) -> str | None:
        value = self._settings.value("ui/language", "")
        return str(value) or None

    @language.setter
    def language(self, code: str) -> None:
        self._settings.setValue("ui/language", code)

    @property
    def auto_lock_minutes(self) -> int:
        try:
            return max(0, int(str(self._settings.value("ui/auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES))))
        except (TypeError, ValueError):
            return DEFAULT_AUTO_LOCK_MINUTES

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self._settings.setValue("ui/auto_lock_minutes", minutes)

    @property
    def organisation(self) -> str:
        """The organisation's name, printed on plans."""
        return str(self._settings.value("organisation/name", ""))

    @organisation.setter
    def organisation(self, name: str) -> None:
        self._settings.setValue("organisation/name", name)

    @property
    def privacy_contact(self) -> str:
        """Address and contact of the organisation and its data protection officer, for the information sheet."""
        return str(self._settings.value("organisation/privacy_contact", ""))

    @privacy_contact.setter
    def privacy_contact(self, text: str) -> None:
        self._settings.setValue("organisation/privacy_contact", text)

    @property
    def logo(self) -> Path | None:
        """The organisation's logo, a copy kept in the configuration folder."""
        value = str(self._settings.value("organisation/logo", ""))
        return Path(value) if value and Path(value).is_file() else None

    @logo.setter
    def logo(self, path: Path | None) -> None:
        self._settings.setValue("organisation/logo", str(path) if path else "")

    @property
    def backup_dir(self) -> Path:
        value = str(self._settings.value("backup/folder", ""))
        return Path(value) if value else data_dir() / "backups"

    @backup_dir.setter
    def backup_dir(self, folder: Path) -> None:
        self._settings.setValue("backup/folder", str(folder))

    @property
    def backup_keep(self) -> int:
        """How many automatic backups (one at every quit) to keep; 0: none are made."""
        try:
            return max(0, int(str(self._settings.value("backup/keep", DEFAULT_BACKUP_KEEP))))
        except ValueError:
            return DEFAULT_BACKUP_KEEP

    @backup_keep.setter
    def backup_keep(self, keep: int) -> None:
        self._settings.setValue("backup/keep", keep)

    @property
    def retention_months(self) -> int:
        """How long the organisation keeps a closed case (months after closure) before it is erased."""
        try:
            return max(1, int(str(self._settings.value("retention/months", retention.DEFAULT_MONTHS))))
        except ValueError:
            return retention.DEFAULT_MONTHS

    @retention_months.setter
    def retention_months(self, months: int) -> None:
        self._settings.setValue("retention/months", months)

    @property
    def exchange_dir(self) -> Path | None:
        """The shared folder (network drive, USB stick, synced folder) the team exchanges sync files through."""
        value = str(self._settings.value("sync/folder", ""))
        return Path(value) if value else None

    @exchange_dir.setter
    def exchange_dir(self, folder: Path | None) -> None:
        self._settings.setValue("sync/folder", str(folder) if folder else "")

    @property
    def user_name(self) -> str:
        """Who works here: used for "my persons"; defaults to the login name."""
        value = self._settings.value("user/name", "")
        return str(value) or os.environ.get("USER") or os.environ.get("USERNAME") or ""

    def sync(self) -> None:
        self._settings.sync()
