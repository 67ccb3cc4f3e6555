"""The examiner's home (考评端): my sessions, and per session the scoring tabs.

Tabs: scoring (work list + form) for every examiner; live scoring of observed and oral tasks
(shown when the session has any); arbitration and results for the chief
examiner; the comprehensive review panel for sessions whose level requires a review.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.api.client import Client
from app.api.errors import ApiError
from app.api.types import SessionInfo
from app.ui.examiner.arbitration import ArbitrationPage
from app.ui.examiner.live import LiveScoringPage
from app.ui.examiner.results import ResultsPage, part_name
from app.ui.examiner.review import ReviewPanel
from app.ui.examiner.worklist import ScoringPage
from app.ui.widgets.errors import attempt


class ExaminerHome(QWidget):
    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.chief = client.role == "chief"
        self.sessions: list[SessionInfo] = []
        self.setWindowTitle(self.tr("ExamDesk — examiner"))

        role = QLabel(self.tr("Chief examiner") if self.chief else self.tr("Examiner"))
        font = role.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        role.setFont(font)
        self.session_box = QComboBox()
        self.session_box.setMinimumWidth(420)
        self.session_box.currentIndexChanged.connect(self._on_session)
        session_label = QLabel(self.tr("E&xam session:"))
        session_label.setBuddy(self.session_box)
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.reload_button = QPushButton(self.tr("Re&load"))
        self.reload_button.setToolTip(self.tr("F5"))
        self.reload_button.clicked.connect(self.reload)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)

        top = QHBoxLayout()
        top.addWidget(role)
        top.addSpacing(24)
        top.addWidget(session_label)
        top.addWidget(self.session_box)
        top.addWidget(self.facts, 1)
        top.addWidget(self.reload_button)

        self.scoring = ScoringPage(client)
        self.scoring.scored.connect(self.load_worklist)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scoring, self.tr("Scoring"))
        self.live = LiveScoringPage(client)
        self.live.scored.connect(self.load_worklist)
        self.live_tab = self.tabs.addTab(self.live, self.tr("Live scoring"))
        self.arbitration: ArbitrationPage | None = None
        self.results: ResultsPage | None = None
        if self.chief:
            self.arbitration = ArbitrationPage(client)
            self.arbitration.finalized.connect(self._on_finalized)
            self.tabs.addTab(self.arbitration, self.tr("Arbitration"))
            self.results = ResultsPage(client)
            self.tabs.addTab(self.results, self.tr("Results"))
        self.review = ReviewPanel(client)
        self.review_tab = self.tabs.addTab(self.review, self.tr("Comprehensive review"))
        self.tabs.currentChanged.connect(self._on_tab)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.reload()

    # -- sessions -------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch my sessions (one service call) and refresh the chosen one."""
        sessions = attempt(self, self.client.examiner.sessions)
        if sessions is None:
            return
        keep = self.current_session()
        self.sessions = sessions
        self.session_box.blockSignals(True)
        self.session_box.clear()
        for info in sessions:
            self.session_box.addItem(self._session_label(info), info.id)
        self.session_box.blockSignals(False)
        index = next((n for n, s in enumerate(sessions) if keep and s.id == keep.id), 0)
        if sessions:
            self.session_box.setCurrentIndex(index)
        self._on_session(self.session_box.currentIndex())

    def _session_label(self, info: SessionInfo) -> str:
        return self.tr("{code} · {part} · {room}").format(code=info.code, part=part_name(info.part), room=info.room)

    def _level_name(self, info: SessionInfo) -> tuple[str, bool]:
        """The level as its standard prints it and whether it requires a comprehensive review (or the
        session is one), as the service reads the standard."""
        try:
            name, review_required = self.client.examiner.session_level(info.id)
        except ApiError:  # shown as the level's code; the other calls say what went wrong
            name, review_required = "", False
        return name or info.level, review_required or info.part == "review"

    def current_session(self) -> SessionInfo | None:
        index = self.session_box.currentIndex()
        return self.sessions[index] if 0 <= index < len(self.sessions) else None

    def _on_session(self, _index: int) -> None:
        info = self.current_session()
        if info is None:
            self.facts.setText(self.tr("You are not assigned to any session."))
            self.scoring.set_items([])
            self.live.set_items([])
            self.tabs.setTabVisible(self.live_tab, False)
            if self.arbitration:
                self.arbitration.set_items([])
            self.tabs.setTabVisible(self.review_tab, False)
            return
        level, review = self._level_name(info)
        self.facts.setText(self.tr("{standard} {level} · {candidates} candidates").format(
            standard=info.standard, level=level, candidates=info.candidates))  # fmt: skip
        self.tabs.setTabVisible(self.review_tab, review)
        if review:
            self._load_review(info)
        if self.results:
            self.results.set_session(info.id, info.part)
        self.load_worklist()
        self._on_tab(self.tabs.currentIndex())

    def load_worklist(self) -> None:
        info = self.current_session()
        if info is None:
            return
        items = attempt(self, self.client.examiner.worklist, info.id)
        if items is None:
            items = []
        self.scoring.set_items([w for w in items if w.mode == "written"])
        self.live.set_items(items)
        self.live.set_session(info.id if self.live.items else None)
        self.tabs.setTabVisible(self.live_tab, bool(self.live.items))
        if self.arbitration:
            self.arbitration.set_items(items, info.id)

    def _on_tab(self, index: int) -> None:
        if self.results is not None and self.tabs.widget(index) is self.results:
            self.results.refresh()

    def _on_finalized(self) -> None:
        if self.results is not None and self.tabs.currentWidget() is self.results:
            self.results.refresh()

    def _load_review(self, info: SessionInfo) -> None:
        """The panel's candidates by anonymous code, when this user sits on the session's panel."""
        try:
            listed = self.client.examiner.review_list(info.id)
        except ApiError:  # not on this panel: the tab explains there is nothing to score
            listed = []
        self.review.set_candidates([(cid, code) for cid, code, _scored in listed])

    def set_review_candidates(self, candidates: Sequence[tuple[int, str]]) -> None:
        """Give the review panel its candidates (tests and screenshots)."""
        self.review.set_candidates(candidates)
