"""Locking: an idle timer over all input, and the screen that hides every record until the passphrase is given."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from integrationsplan.errors import UserError
from integrationsplan.i18n import _
from integrationsplan.ui.backend import Backend
from integrationsplan.ui.fields import error_label, passphrase_field

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits `idle` after `minutes` without keyboard, mouse or touch input anywhere in the program."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self._timer.setInterval(max(minutes, 0) * 60_000)
        self.restart()

    def restart(self) -> None:
        if self._timer.interval() > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.restart()
        return False


class LockScreen(QWidget):
    """Shown instead of the records while locked; unlocking reopens the database on the worker."""

    unlocked = Signal()

    def __init__(self, backend: Backend, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.backend = backend
        title = QLabel(_("Integrationsplan is locked"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        hint = QLabel(_("Enter the passphrase to continue. Unsaved input is kept."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        # Two lines' room: a wrapped label in a layout is otherwise given the height of one.
        hint.setMinimumHeight(2 * hint.fontMetrics().lineSpacing() + 4)
        self.passphrase = passphrase_field(_("Passphrase"))
        self.passphrase.returnPressed.connect(self._unlock)
        self.button = QPushButton(_("Unlock"))
        self.button.clicked.connect(self._unlock)
        self.message = error_label()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A card of fixed width: wrapped labels inside a centring layout would otherwise be squeezed.
        card = QWidget()
        card.setFixedWidth(360 if compact else 440)
        column = QVBoxLayout(card)
        for widget in (title, hint, self.passphrase, self.message):
            column.addWidget(widget)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.message.clear()
        self.passphrase.setFocus()

    def _unlock(self) -> None:
        if self.backend.path is None or not self.passphrase.text():
            return
        self.passphrase.setEnabled(False)
        self.button.setEnabled(False)
        self.message.setText("")
        self.backend.open(
            self.backend.path, self.passphrase.text(), create=False, on_done=self._done, on_error=self._failed
        )

    def _done(self, _path: object) -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self.unlocked.emit()

    def _failed(self, error: UserError) -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self.message.setText(error.text())
        self.passphrase.setFocus()


class DialogCover(QWidget):
    """Covers an open dialog while locked: its input stays, unseen and unreachable, until the passphrase.

    Hiding a dialog that runs `exec()` would end it and drop what was typed, so the dialog stays open
    under an opaque lock screen of its own; its fields and shortcuts are disabled meanwhile.
    """

    def __init__(self, dialog: QDialog, backend: Backend) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.removed = False
        self._disabled = [
            w for w in dialog.findChildren(QWidget) if w.isEnabled() and w.parent() is dialog and w is not self
        ]
        self._shortcuts = [s for s in dialog.findChildren(QShortcut) if s.isEnabled()]
        for widget in self._disabled:
            widget.setEnabled(False)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        self._title = dialog.windowTitle()  # may name the case: hidden too
        dialog.setWindowTitle(_("Integrationsplan – locked"))
        self.lock_screen = LockScreen(backend, compact=True)
        self.unlocked = self.lock_screen.unlocked
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_screen)
        self.setAutoFillBackground(True)
        self.setGeometry(dialog.rect())
        dialog.installEventFilter(self)
        dialog.finished.connect(self.remove)  # closed meanwhile (a save that had been under way)
        self.show()
        self.raise_()
        self.lock_screen.passphrase.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.dialog:
            return False
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.dialog.rect())
        # Escape or the window's close button would end the dialog and drop its input unseen.
        if event.type() == QEvent.Type.Close:
            event.ignore()
            return True
        return (
            event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (event.key() == Qt.Key.Key_Escape)
        )

    def remove(self, *_result: object) -> None:
        if self.removed:
            return
        self.removed = True
        self.dialog.finished.disconnect(self.remove)
        self.dialog.removeEventFilter(self)
        self.dialog.setWindowTitle(self._title)
        for widget in self._disabled:
            widget.setEnabled(True)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        self.hide()
        self.deleteLater()
