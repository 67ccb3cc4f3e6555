"""场次: the sessions list, scheduling, staffing and papers for the selected session."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.errors import ApiError
from app.api.types import SessionInfo
from app.ui.admin import labels
from app.ui.admin.common import (
    Background,
    Files,
    KnownStandards,
    RowsModel,
    make_table,
    select_key,
    selected_key,
    succeeded,
)
from app.ui.admin.edit_session_dialog import EditSessionDialog
from app.ui.admin.schedule_dialog import ScheduleDialog
from app.ui.admin.staffing_box import StaffingBox
from app.ui.widgets.errors import Ask, attempt, show_error
from app.ui.widgets.labels import with_detail
from app.ui.widgets.messages import translate_message


class PapersBox(QGroupBox):
    """Papers for every candidate of the selected session who has none yet (on a pool thread)."""

    finished = Signal()

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.info: SessionInfo | None = None
        self.background = Background(self)
        self.background.progress.connect(self._on_progress)
        self.background.done.connect(self._on_done)
        self.background.failed.connect(self._on_failed)
        self.setTitle(self.tr("Candidates and papers"))
        self.model = RowsModel([self.tr("Ticket number"), self.tr("Name"), self.tr("Paper")])
        self.table = make_table(self.model, stretch=1)
        self.table.setAccessibleName(self.tr("Candidates of the session"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.prepare_button = QPushButton(self.tr("&Prepare papers"))
        self.prepare_button.setToolTip(self.tr("Build a paper for every candidate who has none yet (Alt+P)"))
        self.prepare_button.clicked.connect(self.prepare)
        self.sheet_button = QPushButton(self.tr("Sign-in s&heet…"))
        self.sheet_button.setToolTip(self.tr("Save the session's sign-in sheet to print (PDF)"))
        self.sheet_button.clicked.connect(self.save_sheet)
        self.record_button = QPushButton(self.tr("Room rec&ord…"))
        self.record_button.setToolTip(self.tr("Save the closed session's room record to print and sign (PDF)"))
        self.record_button.clicked.connect(self.save_record)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.sheet_button)
        row.addWidget(self.record_button)
        row.addWidget(self.prepare_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)

    def show_session(self, info: SessionInfo | None) -> None:
        self.info = info
        self._show_count()

    def _show_count(self) -> None:
        info = self.info
        self.prepare_button.setEnabled(False)
        self.sheet_button.setEnabled(info is not None and info.state != "cancelled")
        self.record_button.setEnabled(info is not None and info.state in ("closed", "archived"))
        self.model.set_rows([])
        if info is None:
            self.status.clear()
            return
        rows = attempt(self, self.client.admin.roster, info.id)  # live states are the proctors'
        if rows is None:
            return
        yes, no = labels.yes_no(True), labels.yes_no(False)
        self.model.set_rows(
            [[r.ticket, r.name, no if r.attempt_id is None else yes] for r in rows],
            [r.candidate_id for r in rows],
        )
        if info.part == "review":
            self.status.setText(self.tr("The comprehensive review has no paper: the review panel scores it."))
            return
        ready = sum(1 for r in rows if r.attempt_id is not None)
        self.status.setText(self.tr("{ready} of {count} candidates have a paper.").format(
            ready=ready, count=len(rows)))  # fmt: skip
        busy = self.background.busy
        self.prepare_button.setEnabled(not busy and ready < len(rows) and info.state in ("scheduled", "open"))

    def save_sheet(self) -> None:
        if self.info is not None:
            self._save_pdf(self.client.admin.sign_in_sheet, self.tr("Save sign-in sheet"),
                           self.tr("{code}-sign-in-sheet.pdf").format(code=self.info.code))  # fmt: skip

    def save_record(self) -> None:
        if self.info is not None:
            self._save_pdf(self.client.admin.room_record, self.tr("Save room record"),
                           self.tr("{code}-room-record.pdf").format(code=self.info.code))  # fmt: skip

    def _save_pdf(self, paper: Callable[[int], bytes], title: str, suggested: str) -> None:
        """Ask where, then one service call (audited) and the PDF written there."""
        info = self.info
        path = Files.save_path(self, title, suggested, self.tr("PDF files (*.pdf)")) if info else None
        if info is None or path is None:
            return
        pdf = attempt(self, paper, info.id)
        if pdf is None:
            return
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("Saved {file}.").format(file=path.name))

    def prepare(self) -> None:
        info = self.info
        if info is None or self.background.busy:
            return
        rows = attempt(self, self.client.admin.roster, info.id)
        waiting = [(r.candidate_id, r.ticket) for r in rows or () if r.attempt_id is None]
        if not waiting:
            return
        question = self.tr("Build and fix a paper for each of the {count} candidates of {session} who have none "
                           "yet? A fixed paper cannot be changed.")  # fmt: skip
        question = question.format(count=len(waiting), session=info.code)
        if not Ask.confirm(self, self.tr("Prepare papers"), question):
            return
        client, session_id = self.client, info.id
        self.prepare_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first paper is fixed
        self.progress.setVisible(True)
        self.status.setText(self.tr("Building papers…"))
        self.background.start(lambda progress: client.run(lambda: client.admin.prepare_papers(session_id), progress))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object)
    def _on_done(self, count: object) -> None:
        self.progress.setVisible(False)
        self._show_count()
        self.status.setText(self.status.text() + " " + self.tr("{count} papers prepared just now.").format(
            count=count))  # fmt: skip
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self.progress.setVisible(False)
        self._show_count()
        if isinstance(exc, ApiError) and exc.code in ("assembly", "missing_weights"):
            Ask.error(self, self.tr("No papers"), self.tr("The banks cannot fill this paper:\n{problem}").format(
                problem=translate_message(str(exc))))  # fmt: skip
        else:
            show_error(self, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))
        self.finished.emit()


class SessionsTab(QWidget):
    """Emits `sessions_changed` when a session is scheduled or its staff or papers change."""

    sessions_changed = Signal()

    def __init__(self, client: Client, known: KnownStandards | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.known = known or KnownStandards(client)
        self.infos: dict[int, SessionInfo] = {}
        self.dialog: ScheduleDialog | None = None
        self.edit_dialog: EditSessionDialog | None = None
        self._refreshing = False

        self.model = RowsModel([self.tr("Session"), self.tr("Part"), self.tr("Level"), self.tr("Start"),
                                self.tr("Minutes"), self.tr("Candidates"), self.tr("State")])  # fmt: skip
        self.table = make_table(self.model)  # columns fit their contents; the last one takes what is left over
        # asks the splitter for room for every column, so none is cut short on a 1366 px screen
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.selectionModel().selectionChanged.connect(self._on_select)
        self.new_button = QPushButton(self.tr("&New session…"))
        self.new_button.setToolTip(self.tr("Schedule a session (Ctrl+N)"))
        self.new_button.clicked.connect(self.open_schedule_dialog)
        QShortcut(QKeySequence.StandardKey.New, self, self.open_schedule_dialog)
        self.edit_button = QPushButton(self.tr("E&dit…"))
        self.edit_button.setToolTip(self.tr("Change the room, start or duration of the chosen session, with a reason"))
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.cancel_button = QPushButton(self.tr("Cance&l session…"))
        self.cancel_button.setToolTip(self.tr("Cancel a session not yet started: everything it holds is kept"))
        self.cancel_button.clicked.connect(self.cancel_session)
        refresh = QPushButton(self.tr("Re&fresh"))
        refresh.clicked.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.table, 1)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.staffing = StaffingBox(client, self.known)
        self.staffing.changed.connect(self.sessions_changed)
        self.papers = PapersBox(client)
        self.papers.finished.connect(self.sessions_changed)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.facts)
        right_layout.addWidget(self.staffing)
        right_layout.addWidget(self.papers, 1)

        splitter = self.splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)  # the sessions table as wide as its columns; the details take the rest
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        order = [self.new_button, self.edit_button, self.cancel_button, refresh, self.table, self.staffing.duty,
                 self.staffing.user, self.staffing.assign_button, self.staffing.findings, self.papers.sheet_button,
                 self.papers.record_button, self.papers.prepare_button, self.papers.table]  # fmt: skip
        for first, second in pairwise(order):  # top to bottom, left to right
            QWidget.setTabOrder(first, second)
        self.refresh()

    def refresh(self) -> None:
        current = selected_key(self.table)
        sessions = attempt(self, self.client.admin.sessions)
        if sessions is None or attempt(self, self.known.all) is None:
            return
        self.infos = {s.id: s for s in sessions}
        self.model.set_rows([[s.code, labels.part_name(s.part), self._level_name(s),
                              s.scheduled_start.replace("T", " "), str(s.duration_minutes), str(s.candidates),
                              labels.session_state(s.state)] for s in sessions],
                            [s.id for s in sessions],
                            tips=[[None, None, self._standard_and_level(s)] for s in sessions])  # fmt: skip
        self._refreshing = True  # one _show below, even when the same row stays selected
        if (current is None or not select_key(self.table, current)) and sessions:
            self.table.selectRow(0)
        self._refreshing = False
        self._show(self.current())
        self._widen_to_fit()

    def _widen_to_fit(self) -> None:
        """The splitter gives the table its width once; a new, longer session code needs more."""
        want, sizes = self.table.sizeHint().width(), self.splitter.sizes()
        if len(sizes) == 2 and 0 < sizes[0] < want < sum(sizes) * 2 // 3:
            self.splitter.setSizes([want, sum(sizes) - want])

    def _level_name(self, info: SessionInfo) -> str:
        """The level's key part ('四级'); its tooltip has the standard and the whole level name."""
        found = self.known.level(info.standard, info.level, info.subtype)
        if found is None:  # a standard no longer known here: show the code
            return str(info.level)
        return labels.short_level(str(found[1].name), info.level)

    def _standard_and_level(self, info: SessionInfo) -> str:
        found = self.known.level(info.standard, info.level, info.subtype)
        if found is None:  # a standard no longer known here: show the codes
            return f"{info.standard} {info.level}"
        std, level = found
        occupation = f"{std.code} {std.name}"
        if info.subtype:
            occupation = with_detail(occupation, info.subtype)
        return f"{occupation} · {level.name}"

    def select_session(self, session_id: int) -> None:
        select_key(self.table, session_id)

    def current(self) -> SessionInfo | None:
        key = selected_key(self.table)
        return self.infos.get(key) if key is not None else None

    def _on_select(self) -> None:
        if not self._refreshing:
            self._show(self.current())

    def _show(self, info: SessionInfo | None) -> None:
        self.edit_button.setEnabled(info is not None and info.state in ("scheduled", "open"))
        self.cancel_button.setEnabled(info is not None and info.state == "scheduled")
        if info is None:
            self.heading.setText(self.tr("No session chosen"))
            self.facts.clear()
        else:
            self.heading.setText(f"{info.code} · {labels.part_name(info.part)}")
            text = self.tr("{standard}. {room}, starts {start}, {minutes} minutes; {count} candidates; {state}.")
            self.facts.setText(text.format(
                standard=self._standard_and_level(info), room=info.room, start=info.scheduled_start.replace("T", " "),
                minutes=info.duration_minutes, count=info.candidates, state=labels.session_state(info.state),
            ))  # fmt: skip
            if info.state == "cancelled":
                self.facts.setText(self.facts.text() + " " + self.tr("Cancelled: {reason}").format(
                    reason=info.cancel_reason or "—"))  # fmt: skip
        users = attempt(self, self.client.admin.users) or []
        self.staffing.show_session(info, users)
        self.papers.show_session(info)

    def open_schedule_dialog(self) -> ScheduleDialog:
        self.dialog = ScheduleDialog(self.client, self.known, self)
        self.dialog.scheduled.connect(self._on_scheduled)
        self.dialog.open()
        return self.dialog

    def open_edit_dialog(self) -> EditSessionDialog | None:
        info = self.current()
        if info is None:
            return None
        rows = attempt(self, self.client.admin.roster, info.id)
        if rows is None:
            return None
        dialog = self.edit_dialog = EditSessionDialog(self.client, info, any(r.attempt_id is not None for r in rows),
                                                      self)  # fmt: skip
        dialog.edited.connect(lambda: self._on_scheduled(info.id))
        dialog.open()
        return dialog

    def cancel_session(self) -> None:
        info = self.current()
        if info is None:
            return
        reason = Ask.text(self, self.tr("Cancel session"), self.tr(
            "Why is session {code} cancelled? Its candidates, staff and papers are kept; it can no longer be "
            "started or exported.").format(code=info.code))  # fmt: skip
        if reason is None:
            return
        if not reason.strip():
            Ask.error(self, self.tr("Cancel session"), self.tr("A reason is required to cancel: nothing was done."))
            return
        if not succeeded(self, self.client.admin.cancel_session, info.id, reason.strip()):
            return
        self._on_scheduled(info.id)

    def _on_scheduled(self, session_id: int) -> None:
        self.refresh()
        self.select_session(session_id)
        self.sessions_changed.emit()
