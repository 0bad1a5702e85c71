"""Starting the desktop program: the application object, languages and layout direction, the first dialog."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from integrationsplan import APP_ID, __version__, i18n
from integrationsplan.direction import RIGHT_TO_LEFT_LANGUAGES
from integrationsplan.resources import resource
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.preferences import Preferences


def apply_language(app: QApplication, language: str) -> QTranslator:
    """Activate our catalog, Qt's own one for its standard dialogs, and the matching layout direction."""
    i18n.set_language(language)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if language in RIGHT_TO_LEFT_LANGUAGES else Qt.LayoutDirection.LeftToRight
    )
    return translator


def make_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName("Integrationsplan")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Integrationsplan")
    # The menu entry's name (packaging/linux): a desktop matches the window to it for its icon and name.
    app.setDesktopFileName(APP_ID)
    icon = resource("icons/integrationsplan.svg")
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))  # a vector icon: sharp at every device pixel ratio
    return app


def run(database: Path | None, language: str | None, sync_file: Path | None = None) -> int:
    """The desktop program: unlock a database, then the main window until the user quits; `sync_file` (a file
    opened from the file manager) is taken in first, with the exchange dialog's preview and question."""
    from integrationsplan.ui.main_window import MainWindow
    from integrationsplan.ui.unlock import UnlockDialog

    app = make_application(sys.argv[:1])
    preferences = Preferences()
    apply_language(app, language or preferences.language or i18n.DEFAULT_LANGUAGE)
    backend = Backend()
    backend.user = preferences.user_name
    try:
        dialog = UnlockDialog(backend, database or preferences.last_database)
        if dialog.exec() != UnlockDialog.DialogCode.Accepted or backend.path is None:
            return 0
        preferences.last_database = backend.path
        window = MainWindow(backend, preferences)
        window.show()
        if sync_file is not None:
            QTimer.singleShot(0, lambda: window.import_sync_file(sync_file))
        return app.exec()
    finally:
        backend.shutdown()
