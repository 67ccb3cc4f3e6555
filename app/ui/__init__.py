"""PySide6 screens. Thin: they render what the services and domain return, nothing more."""

from app.ui import qt_fixes

qt_fixes.install()  # before any screen emits a signal (see qt_fixes)
