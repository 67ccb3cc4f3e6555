"""The binding's defects the screens work around (app/ui/qt_fixes.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import app.ui  # noqa: F401 (installs the work-arounds)
from app.ui.qt_fixes import emit_loses_true


class _Sender(QObject):
    changed = Signal(int)


def test_emitting_signals_from_python_keeps_the_references_of_true():
    sender = _Sender()
    got: list[int] = []
    sender.changed.connect(got.append)
    before = sys.getrefcount(True)
    for n in range(200):
        assert sender.changed.emit(n) is True
    assert len(got) == 200
    assert sys.getrefcount(True) - before > -20  # PySide6 6.12.0 alone: -200, then SIGABRT once True runs out
    assert not emit_loses_true()
