"""Work-arounds for defects of the Qt binding, installed once when `app.ui` is imported.

PySide6 6.12.0's `SignalInstance.emit` returns `True` without taking a reference to it, so each
signal emitted from Python takes one reference from `True` that was never given. On Python 3.11
`True` holds only some hundreds of references: after that many emits (a refreshed grid's
`dataChanged` runs, a candidate's answer clicks) the interpreter aborts with "Fatal Python error:
bool_dealloc: deallocating True or False" (SIGABRT), at once or while collecting garbage at exit.

`install()` measures whether this binding has the defect (a few emits of a private signal) and, only
if it has, wraps `emit` to give the reference back. A binding without the defect is left alone.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16
_installed = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_true() -> bool:
    """True if emitting a signal from Python takes a reference from `True` that it never gave."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return before - sys.getrefcount(True) == _PROBES


def install() -> bool:
    """Install the work-arounds this binding needs; True if `emit` was wrapped (now or before)."""
    global _installed
    if _installed:
        return True
    if not emit_loses_true():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True:  # returned borrowed: give back the reference the caller will drop
            incref(True)
        return result

    emit.__doc__ = original.__doc__
    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True
