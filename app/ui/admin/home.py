"""The admin's home (管理端): sessions, rosters, users, standards, results, item analysis, stations and the
comprehensive review's criteria and materials, one tab each."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.api.client import Client
from app.ui.admin.analysis_tab import AnalysisTab
from app.ui.admin.common import KnownStandards
from app.ui.admin.results_tab import ResultsTab
from app.ui.admin.review_tab import ReviewTab
from app.ui.admin.roster_tab import RosterTab
from app.ui.admin.sessions_tab import SessionsTab
from app.ui.admin.standards_tab import StandardsTab
from app.ui.admin.stations_tab import StationsTab
from app.ui.admin.users_tab import UsersTab


class AdminHome(QWidget):
    """The admin's tabs over one client signed in as an administrator."""

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.known = KnownStandards(client)  # shared by the tabs; read again after an import
        self.setWindowTitle(self.tr("ExamDesk — centre administration"))
        self.sessions = SessionsTab(client, self.known)
        self.roster = RosterTab(client)
        self.users = UsersTab(client)
        self.standards = StandardsTab(client, self.known)
        self.results = ResultsTab(client, self.known)
        self.analysis = AnalysisTab(client)
        self.stations = StationsTab(client)
        self.review = ReviewTab(client)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.sessions, self.tr("&1 Sessions"))
        self.tabs.addTab(self.roster, self.tr("&2 Candidate roster"))
        self.tabs.addTab(self.users, self.tr("&3 Users"))
        self.tabs.addTab(self.standards, self.tr("&4 Standards and banks"))
        self.tabs.addTab(self.results, self.tr("&5 Results and export"))
        self.tabs.addTab(self.analysis, self.tr("&6 Item analysis"))
        self.tabs.addTab(self.stations, self.tr("&7 Stations"))
        self.tabs.addTab(self.review, self.tr("&8 Comprehensive review"))
        self.tabs.currentChanged.connect(self._on_tab)
        for n in range(self.tabs.count()):  # Ctrl+1..8 as well as Alt+1..8
            QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self, lambda n=n: self.tabs.setCurrentIndex(n))

        self.sessions.sessions_changed.connect(self._sessions_changed)
        self.roster.imported.connect(self._after_import)
        self.standards.imported.connect(self._standards_imported)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.roster.refresh()

    def _on_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        refresh = getattr(tab, "refresh", None)
        if refresh is not None:
            refresh()

    def _sessions_changed(self) -> None:
        self.roster.refresh()
        self.results.session.refresh()
        if self.tabs.currentWidget() is self.analysis:  # elsewhere it refreshes when it is opened
            self.analysis.refresh()

    def _after_import(self, _count: int) -> None:
        self.sessions.refresh()
        self.results.session.refresh()

    def _standards_imported(self) -> None:
        """A new standard or edition: schedule and staffing checks use it at once."""
        self.sessions.refresh()
        self.results.session.refresh()
