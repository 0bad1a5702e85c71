"""The versions of what the program is built on, as `--version` and Help → About show them."""

from __future__ import annotations

import platform


def components() -> list[tuple[str, str]]:
    """(name, version) of Qt, PySide6, SQLCipher, ReportLab and Python; Qt as "–" where it cannot load (a server
    without its libraries: the commands run without it)."""
    import reportlab

    from integrationsplan.storage.connection import cipher_version

    qt, pyside = _qt()
    return [("Qt", qt), ("PySide6", pyside), ("SQLCipher", cipher_version()), ("ReportLab", reportlab.Version),
            ("Python", platform.python_version())]  # fmt: skip


def _qt() -> tuple[str, str]:
    try:  # only the version: no window, no QApplication
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion
    except ImportError:
        return "–", "–"
    return qVersion(), pyside


def built_on() -> str:
    """What the program is built on, in one line: "Qt 6.11.3 · PySide6 6.11.3 · SQLCipher 4.… · …"."""
    return " · ".join(f"{name} {version}" for name, version in components())
