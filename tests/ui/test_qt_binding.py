"""Guards against Qt binding releases that break the program in ways its own tests would only see by chance."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    number = Signal(int)
    flag = Signal(bool)


def test_signal_emission_keeps_reference_counts(qtbot: QtBot) -> None:
    # PySide6 6.12.0 dropped one reference to True per emission; after a few thousand signals CPython aborted.
    emitter = _Emitter()
    emitter.number.connect(lambda _value: None)
    emitter.flag.connect(lambda _value: None)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(200):
        emitter.number.emit(1)
        emitter.flag.emit(True)
        emitter.flag.emit(False)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
