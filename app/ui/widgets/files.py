"""The file-dialog seam every screen uses: tests hand in a path (like `Ask` for message boxes)."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app import i18n


class Files:
    """File dialogs behind a seam, so tests can hand in a path (like `Ask` for message boxes)."""

    SETTING = "last_folder"

    @staticmethod
    def folder() -> Path:
        """Where a file dialog starts: the folder last chosen on this station, else the user's
        documents folder (never the program's working directory, which may be its checkout)."""
        last = i18n.saved_setting(Files.SETTING)
        if isinstance(last, str) and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    @staticmethod
    def remember(path: Path) -> None:
        with suppress(OSError):  # not remembered; the next dialog starts in the documents folder
            i18n.save_setting(Files.SETTING, str(path.parent))

    @staticmethod
    def open_path(parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Files.folder()), filters)
        if not name:
            return None
        Files.remember(Path(name))
        return Path(name)

    @staticmethod
    def save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
        start = Path(suggested) if Path(suggested).is_absolute() else Files.folder() / suggested
        name, _ = QFileDialog.getSaveFileName(parent, title, str(start), filters)
        if not name:
            return None
        Files.remember(Path(name))
        return Path(name)
