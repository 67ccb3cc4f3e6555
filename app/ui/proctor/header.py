"""The console's header: which session this is, its state, and how many candidates are in each state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from app.api.types import CandidateRow, SessionInfo
from app.ui.widgets.labels import (
    CANDIDATE_STATES,
    candidate_state_label,
    part_label,
    session_state_label,
    with_detail,
)

_BADGE = {  # session state -> (background, text)
    "scheduled": ("#e8eef7", "#1f3b63"),
    "open": ("#dff3e4", "#1d5e2c"),
    "closed": ("#ececec", "#444444"),
    "archived": ("#ececec", "#444444"),
    "cancelled": ("#f6e0e0", "#7a1c1c"),
}

Names = tuple[str, str]  # (occupation name, level name) from the services; empty when not known there


def standard_and_level(info: SessionInfo, names: Names = ("", "")) -> str:
    """'4-13-99-02 在线学习服务师 · 五级/初级工', falling back to the codes for a standard the centre
    does not know (`names` as ProctorApi.exam_names gives them)."""
    occupation_name, level_name = names
    if not occupation_name or not level_name:
        return f"{info.standard} · {info.level}"
    occupation = f"{info.standard} {occupation_name}"
    if info.subtype:
        occupation = with_detail(occupation, info.subtype)
    return f"{occupation} · {level_name}"


class SessionHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.names: Names = ("", "")  # the session's occupation and level names, once known
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.badge = QLabel()
        self.badge.setMargin(4)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.badge)
        top.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(top, 0, 0)
        grid.addWidget(self.details, 1, 0)
        grid.addWidget(self.counts, 2, 0)

    def show_session(self, info: SessionInfo | None, session_id: int) -> None:
        if info is None:
            self.title.setText(self.tr("Session {id}").format(id=session_id))
            self.details.setText(self.tr("This session is not among the sessions you are assigned to."))
            self.badge.hide()
            return
        self.title.setText(self.tr("{code} · {room}").format(code=info.code, room=info.room))
        self.details.setText(
            self.tr("{standard} · {part} · {minutes} minutes · scheduled {start}").format(
                standard=standard_and_level(info, self.names), part=part_label(info.part),
                minutes=info.duration_minutes, start=info.scheduled_start.replace("T", " "),
            )
        )  # fmt: skip
        if info.state == "cancelled":
            self.details.setText(self.details.text() + "\n" + self.tr("Cancelled by the admin: {reason}").format(
                reason=info.cancel_reason or "—"))  # fmt: skip
        background, text = _BADGE.get(info.state, ("#ececec", "#444444"))
        self.badge.setStyleSheet(f"background: {background}; color: {text}; border-radius: 4px; font-weight: bold;")
        self.badge.setText(session_state_label(info.state))
        self.badge.show()

    def show_counts(self, rows: Sequence[CandidateRow]) -> None:
        tally = Counter(row.state for row in rows)
        parts = [self.tr("{state} {count}").format(state=candidate_state_label(state), count=tally[state])
                 for state in CANDIDATE_STATES if tally[state]]  # fmt: skip
        self.counts.setText(
            self.tr("{count} candidates: {states}").format(count=len(rows), states="  ·  ".join(parts) or "—")
        )
