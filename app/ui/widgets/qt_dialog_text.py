"""Texts of Qt's own file dialog that Qt's Chinese catalogue (qtbase_zh_CN.qm) lacks: the dialog
showed "Look in:" and "Files of type:" in a Chinese interface. Listed here so Qt Linguist collects
them under Qt's own context ("QFileDialog"); ExamDesk's translation, installed with Qt's, supplies
them. Nothing imports this module: Qt looks the texts up itself."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QFILEDIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
    QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
)
