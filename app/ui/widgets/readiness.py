"""The readiness check on screen: the facts only Qt knows (screens, fonts), and the verdicts and
reasons in the interface language (the candidate station's line, the proctor's seat table)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

from app.api.types import Readiness, ReadinessCheck
from app.station.readiness import DisplayFacts
from app.ui.widgets.messages import translate_refusal

CONTEXT = "Readiness"
STATUS_LABELS = {
    Readiness.READY: QT_TRANSLATE_NOOP("Readiness", "READY"),
    Readiness.WARNING: QT_TRANSLATE_NOOP("Readiness", "WARNING"),
    Readiness.NOT_READY: QT_TRANSLATE_NOOP("Readiness", "NOT READY"),
    None: QT_TRANSLATE_NOOP("Readiness", "not reported"),
}
CHECK_LABELS = {
    "centre": QT_TRANSLATE_NOOP("Readiness", "Centre"),
    "clock": QT_TRANSLATE_NOOP("Readiness", "Clock"),
    "version": QT_TRANSLATE_NOOP("Readiness", "Version"),
    "disk": QT_TRANSLATE_NOOP("Readiness", "Disk"),
    "screen": QT_TRANSLATE_NOOP("Readiness", "Screen"),
    "fonts": QT_TRANSLATE_NOOP("Readiness", "Chinese fonts"),
    "virtual_machine": QT_TRANSLATE_NOOP("Readiness", "Virtual machine"),
    "remote_session": QT_TRANSLATE_NOOP("Readiness", "Remote session"),
}
COLOURS = {  # background, text
    Readiness.READY: ("#dff3e4", "#1d5e2c"),
    Readiness.WARNING: ("#fff4d6", "#7a5200"),
    Readiness.NOT_READY: ("#fbe0e0", "#8f1d1d"),
    None: ("#ececec", "#444444"),
}


def status_label(status: Readiness | None) -> str:
    return QCoreApplication.translate(CONTEXT, str(STATUS_LABELS[status]))


def check_label(check: str) -> str:
    known = CHECK_LABELS.get(check)
    return QCoreApplication.translate(CONTEXT, str(known)) if known else check


def reason_text(check: ReadinessCheck) -> str:
    """The check's reason in the interface language (its template is in messages.TEMPLATES)."""
    return translate_refusal(check.reason, check.params)


def reasons_text(checks: Sequence[ReadinessCheck], *, all_checks: bool = False) -> str:
    """One line per check that is not READY (with `all_checks`, every check): 'Clock: reason'."""
    shown = [c for c in checks if all_checks or c.status is not Readiness.READY]
    separator = QCoreApplication.translate("Readiness", "{check}: {reason}")
    return "\n".join(separator.format(check=check_label(c.check), reason=reason_text(c)) for c in shown)


def detail_text(checks: Sequence[ReadinessCheck]) -> str:
    """Every check with its verdict, one per line: '[WARNING] Clock: reason'."""
    line = QCoreApplication.translate("Readiness", "[{status}] {check}: {reason}")
    return "\n".join(line.format(status=status_label(c.status), check=check_label(c.check), reason=reason_text(c))
                     for c in checks)  # fmt: skip


def display_facts() -> DisplayFacts:
    """The screens (each one's size as ExamDesk lays out in, after scaling, the primary first) and
    the families that can show Simplified Chinese. On the GUI thread. Without a real display
    (the offscreen or minimal platform) the screens are not looked at."""
    app = QGuiApplication.instance()
    families = tuple(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    if app is None or QGuiApplication.platformName() in ("offscreen", "minimal"):
        return DisplayFacts(None, families)
    primary = QGuiApplication.primaryScreen()
    screens = [primary, *(s for s in QGuiApplication.screens() if s is not primary)] if primary else []
    return DisplayFacts(tuple((s.geometry().width(), s.geometry().height()) for s in screens), families)


def command_line_display_facts() -> DisplayFacts:
    """`display_facts` for the command line (`examdesk station check`): starts Qt without windows,
    on the desktop's display when there is one (its screens count), else offscreen (fonts only)."""
    if QGuiApplication.instance() is None:
        shown = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        desktop = sys.platform in ("win32", "darwin") or bool(shown)
        platform = [] if desktop or os.environ.get("QT_QPA_PLATFORM") else ["-platform", "offscreen"]
        _keep.append(QGuiApplication(["examdesk", *platform]))
    return display_facts()


_keep: list[QGuiApplication] = []  # the command line's Qt application, alive until the process ends
