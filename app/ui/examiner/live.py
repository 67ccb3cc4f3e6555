"""Live scoring (现场评分): observed (现场操作, 模拟操作) and oral (现场问答) tasks, scored while the
candidate performs.

The list on the left holds this examiner's live tasks by anonymous code; the panel on the right is
one task: whether the candidate's identity is visible (an observed candidate stands in front of the
examiners: said plainly), the oral card drawn with the points the examiners expect, this examiner's
own timer, a score and a note per scoring point, the files the task produced, and the other
examiners' scores (by seat) only once this examiner has submitted. Every action is one call.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import LiveTask, WorkItem
from app.ui.widgets.errors import Ask, attempt

ITEM_ROLE = Qt.ItemDataRole.UserRole


def points(value: Decimal) -> str:
    """A score as people write it: 90, 87.5 (never 9E+1)."""
    return format(value.normalize(), "f")


def clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:d}:{whole // 60 % 60:02d}:{whole % 60:02d}" if whole >= 3600 else \
        f"{whole // 60:02d}:{whole % 60:02d}"  # fmt: skip


class LiveTaskPanel(QWidget):
    """One observed or oral task as this examiner scores it live."""

    scored = Signal()

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.task: LiveTask | None = None
        self.base_seconds = 0.0
        self.ticking = QTimer(self)
        self.ticking.setInterval(1000)
        self.ticking.timeout.connect(self._tick)
        self.running_for = 0  # seconds counted on screen since the last reading from the centre

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.title.setWordWrap(True)
        self.identity = QLabel()
        self.identity.setObjectName("identity_notice")
        self.identity.setWordWrap(True)
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.PlainText)
        self.card_box = QGroupBox(self.tr("Question card"))
        self.card = QLabel()
        self.card.setObjectName("examiner_card")
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self.card_box).addWidget(self.card)

        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer")
        self.timer_label.setStyleSheet("font-size: 16pt; font-family: monospace;")
        self.start_button = QPushButton(self.tr("&Start timer"))
        self.start_button.clicked.connect(self._start)
        self.stop_button = QPushButton(self.tr("S&top timer"))
        self.stop_button.clicked.connect(self._stop)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        timer_row = QHBoxLayout()
        timer_row.addWidget(QLabel(self.tr("My timer:")))
        timer_row.addWidget(self.timer_label)
        timer_row.addWidget(self.start_button)
        timer_row.addWidget(self.stop_button)
        timer_row.addStretch(1)
        timer_row.addWidget(self.refresh_button)
        # a timer that was running when the centre's computer restarted: said, not silently frozen
        self.timer_interrupted = QLabel()
        self.timer_interrupted.setObjectName("timer_interrupted")
        self.timer_interrupted.setWordWrap(True)
        self.timer_interrupted.setStyleSheet("background: #fff3e0; border: 1px solid #e65100; padding: 4px;")
        self.timer_interrupted.setVisible(False)

        self.points_box = QGroupBox(self.tr("Scoring points"))
        self.points_grid = QGridLayout(self.points_box)
        self.spins: list[QDoubleSpinBox] = []
        self.note_edits: list[QLineEdit] = []

        self.notes = QListWidget()
        self.notes.setMaximumHeight(80)
        self.files = QListWidget()
        self.files.setMaximumHeight(80)
        self.attach_button = QPushButton(self.tr("Attach a &file…"))
        self.attach_button.clicked.connect(self._attach)
        files_row = QHBoxLayout()
        self.files_label = QLabel(self.tr("Files the task produced:"))
        files_row.addWidget(self.files_label)
        files_row.addStretch(1)
        files_row.addWidget(self.attach_button)
        self.total = QLabel()
        self.others = QLabel()
        self.others.setObjectName("others")
        self.others.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("Su&bmit my scores"))
        self.submit_button.clicked.connect(self._submit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.submit_button)

        notes_column = QVBoxLayout()
        notes_column.addWidget(QLabel(self.tr("My notes:")))
        notes_column.addWidget(self.notes)
        files_column = QVBoxLayout()
        files_column.addLayout(files_row)
        files_column.addWidget(self.files)
        records = QHBoxLayout()  # side by side: the score, the others' scores and submit stay in sight
        records.addLayout(notes_column, 1)
        records.addLayout(files_column, 1)

        body = QWidget()
        layout = QVBoxLayout(body)
        for widget in (self.title, self.identity, self.instructions, self.card_box):
            layout.addWidget(widget)
        layout.addLayout(timer_row)
        layout.addWidget(self.timer_interrupted)
        layout.addWidget(self.points_box)
        layout.addLayout(bottom)
        layout.addWidget(self.others)
        layout.addLayout(records)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_task(None)

    # -- showing a task ----------------------------------------------------------------------

    def open(self, attempt_id: int, slot: int) -> None:
        task = attempt(self, self.client.examiner.live_task, attempt_id, slot)
        self.show_task(task)

    def refresh(self) -> None:
        if self.task is not None:
            self.open(self.task.attempt_id, self.task.slot)

    def show_task(self, task: LiveTask | None) -> None:
        self.task = task
        self.setEnabled(task is not None)
        self.ticking.stop()
        if task is None:
            self.title.setText(self.tr("Choose a task on the left."))
            for widget in (self.identity, self.instructions, self.card_box, self.points_box):
                widget.setVisible(False)
            self.timer_label.setText(clock(0))
            self.timer_interrupted.setVisible(False)
            self.total.clear()
            self.others.clear()
            return
        for widget in (self.identity, self.instructions, self.points_box):
            widget.setVisible(True)
        mode = self.tr("oral task (现场问答)") if task.mode == "oral" else (task.form or self.tr("observed task"))
        state = self.tr("performing now") if task.attempt_open else self.tr("handed in")
        self.title.setText(self.tr("Candidate {code} · question {n} · {mode} · {state}\n{title}").format(
            code=task.anonymous_code, n=task.slot + 1, mode=mode, state=state, title=task.title))  # fmt: skip
        if task.identity_visible:
            group = self.tr(" (observation group {group})").format(group=task.group) if task.group else ""
            self.identity.setText(self.tr(
                "Identity not hidden: the candidate performs this task in front of you, so you can see who they "
                "are{group}. Score only what you observe against the scoring points."
            ).format(group=group))  # fmt: skip
            self.identity.setStyleSheet("background: #fff3e0; border: 1px solid #e65100; padding: 6px;")
        else:
            self.identity.setText(self.tr("The candidate is shown by anonymous code only."))
            self.identity.setStyleSheet("background: #e8f5e9; border: 1px solid #2e7d32; padding: 6px;")
        self.instructions.setText(task.instructions.strip())
        self.card_box.setVisible(task.mode == "oral")
        if task.mode == "oral":
            if task.card_number:
                expected = "\n".join(f"  • {point}" for point in task.card_expected)
                self.card.setText(self.tr("Card {number} of {pool}: {question}\nExpected points:\n{expected}").format(
                    number=task.card_number, pool=task.card_pool, question=task.card_question,
                    expected=expected))  # fmt: skip
            else:
                self.card.setText(self.tr("The candidate has not drawn a card yet ({pool} in the pool). Refresh "
                                          "once they have.").format(pool=task.card_pool))  # fmt: skip
        self.base_seconds, self.running_for = task.timer_seconds, 0
        self.timer_label.setText(clock(task.timer_seconds))
        self.start_button.setEnabled(not task.timer_running)
        self.stop_button.setEnabled(task.timer_running or task.timer_interrupted)
        self.timer_interrupted.setText(self.tr(
            "Your timer was interrupted by a restart of the centre's computer: it counts up to the last moment "
            "recorded before the restart, not the time after. Stop it, or start it again to go on timing."
        ))  # fmt: skip
        self.timer_interrupted.setVisible(task.timer_interrupted)
        if task.timer_running:
            self.ticking.start()
        self._fill_points(task)
        self.notes.clear()
        for point, text in task.notes:
            self.notes.addItem(self.tr("Point {n}: {text}").format(n=point + 1, text=text))
        self.files.clear()
        for f in task.files:
            entry = QListWidgetItem(self.tr("{name} · {size} bytes · from {by} · SHA-256 {digest}").format(
                name=f.filename, size=f.size, by=self._who(f.added_by), digest=f.sha256[:12]))  # fmt: skip
            entry.setData(ITEM_ROLE, f.id)
            self.files.addItem(entry)
        for widget in (self.attach_button, self.files_label, self.files):  # files belong to observed tasks
            widget.setVisible(task.mode == "observed")
        self.submit_button.setEnabled(not task.scored_by_me)
        if task.scored_by_me:
            seen = "; ".join(
                (self.tr("seat {seat}: {scores}") if seat else self.tr("chief examiner: {scores}")).format(
                    seat=seat, scores=" / ".join(s or "–" for s in scores))
                for seat, scores in task.others
            )  # fmt: skip
            self.others.setText(self.tr("Submitted. Other examiners' scores: {scores}").format(
                scores=seen or self.tr("none yet")))  # fmt: skip
        else:
            self.others.setText(self.tr("The other examiners' scores are shown once you have submitted yours."))
        self._update_total()

    def _who(self, added_by: str) -> str:
        """Who attached a file, as the service records it ("candidate", "examiner seat 2", "chief examiner")."""
        if added_by == "candidate":
            return self.tr("the candidate's station")
        if added_by.startswith("examiner seat "):
            return self.tr("examiner seat {seat}").format(seat=added_by.removeprefix("examiner seat "))
        if added_by == "chief examiner":
            return self.tr("the chief examiner")
        return added_by

    def _fill_points(self, task: LiveTask) -> None:
        while self.points_grid.count():
            item = self.points_grid.takeAt(0)
            widget = item.widget()
            if widget is not None:  # kept parented until deleted: a note's Return may be what is running now
                widget.hide()
                widget.deleteLater()
        self.spins, self.note_edits = [], []
        for row, (point, maximum) in enumerate(task.rubric):
            text = QLabel(self.tr("{n}. {point} (0–{max})").format(n=row + 1, point=point, max=maximum))
            text.setWordWrap(True)
            spin = QDoubleSpinBox()
            spin.setRange(0, float(Decimal(maximum)))
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            if task.scored_by_me and row < len(task.my_scores) and task.my_scores[row]:
                spin.setValue(float(Decimal(task.my_scores[row])))
            spin.setEnabled(not task.scored_by_me)
            spin.valueChanged.connect(self._update_total)
            note = QLineEdit()
            note.setPlaceholderText(self.tr("Observation note on point {n}").format(n=row + 1))
            add = QPushButton(self.tr("Add note"))
            add.clicked.connect(lambda _c=False, index=row: self._add_note(index))
            note.returnPressed.connect(lambda index=row: self._add_note(index))
            self.points_grid.addWidget(text, row, 0)
            self.points_grid.addWidget(spin, row, 1)
            self.points_grid.addWidget(note, row, 2)
            self.points_grid.addWidget(add, row, 3)
            self.spins.append(spin)
            self.note_edits.append(note)
        self.points_grid.setColumnStretch(0, 3)
        self.points_grid.setColumnStretch(2, 2)

    def _update_total(self) -> None:
        if self.task is None:
            return
        total = sum((Decimal(str(spin.value())) for spin in self.spins), Decimal(0))
        maximum = sum((Decimal(m) for _p, m in self.task.rubric), Decimal(0))
        self.total.setText(self.tr("My total: {total} of {max}").format(total=points(total), max=points(maximum)))

    def _tick(self) -> None:
        self.running_for += 1
        self.timer_label.setText(clock(self.base_seconds + self.running_for))

    # -- actions -----------------------------------------------------------------------------

    def _start(self) -> None:
        if self.task is None:
            return
        attempt(self, self.client.examiner.start_timer, self.task.attempt_id, self.task.slot)
        self.refresh()

    def _stop(self) -> None:
        if self.task is not None:
            attempt(self, self.client.examiner.stop_timer, self.task.attempt_id, self.task.slot)
            self.refresh()

    def _add_note(self, index: int) -> None:
        if self.task is None or not 0 <= index < len(self.note_edits):
            return
        text = self.note_edits[index].text().strip()
        if not text:
            return
        attempt(self, self.client.examiner.add_observation_note, self.task.attempt_id, self.task.slot, index, text)
        self.note_edits[index].clear()
        self.refresh()

    def _attach(self) -> None:
        if self.task is None:
            return
        path = Ask.file(self, self.tr("Attach a file the task produced"))
        if not path:
            return
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            Ask.error(self, self.tr("Attach a file"), self.tr("{file} cannot be read: {error}").format(
                file=path, error=exc.strerror or exc))  # fmt: skip
            return
        attempt(self, self.client.examiner.attach_task_file, self.task.attempt_id, self.task.slot, Path(path).name,
                content)  # fmt: skip
        self.refresh()

    def _submit(self) -> None:
        if self.task is None:
            return
        awarded = {i: Decimal(str(spin.value())) for i, spin in enumerate(self.spins)}
        total = sum(awarded.values(), Decimal(0))
        question = self.tr("Submit {total} points for candidate {code}? A score is submitted once; you then see "
                           "the other examiners' scores.").format(total=points(total),
                                                                  code=self.task.anonymous_code)  # fmt: skip
        if not Ask.confirm(self, self.tr("Submit my scores"), question):
            return
        if attempt(self, self.client.examiner.score_task, self.task.attempt_id, self.task.slot, awarded) is None:
            return
        self.refresh()
        self.scored.emit()


class ObservationGroupDialog(QDialog):
    """The chief forms an observation group: its name, the candidates (by anonymous code) who perform
    observed tasks together and the examiners who watch them. The service checks 1.9.3's ratio."""

    def __init__(self, codes: list[str], examiners: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Form an observation group"))
        self.name = QLineEdit("A")
        self.candidates = QListWidget()
        for code in codes:
            entry = QListWidgetItem(code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.candidates.addItem(entry)
        self.examiners = QListWidget()
        for user_id, name in examiners:
            entry = QListWidgetItem(name)
            entry.setData(ITEM_ROLE, user_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.examiners.addItem(entry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lists = QHBoxLayout()
        for title, widget in ((self.tr("Candidates (anonymous code):"), self.candidates),
                              (self.tr("Examiners who observe them:"), self.examiners)):  # fmt: skip
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            lists.addLayout(column)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Group &name:")))
        name_row.addWidget(self.name)
        hint = QLabel(self.tr("The standard's examiner ratio (1.9.3) holds in each group: at least 3 examiners, an "
                              "odd number, and enough for the group's candidates."))  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(name_row)
        layout.addLayout(lists)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, list[str], list[int]]:
        codes = [self.candidates.item(i).text() for i in range(self.candidates.count())
                 if self.candidates.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
        ids = [int(self.examiners.item(i).data(ITEM_ROLE)) for i in range(self.examiners.count())
               if self.examiners.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
        return self.name.text().strip(), codes, ids

    @classmethod
    def ask(cls, parent: QWidget, codes: list[str],
            examiners: list[tuple[int, str]]) -> tuple[str, list[str], list[int]] | None:  # fmt: skip
        """The group the chief formed, or None when cancelled (tests replace this)."""
        dialog = cls(codes, examiners, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class LiveScoringPage(QWidget):
    """The live tasks of the session (list) beside the task being scored (panel)."""

    scored = Signal()

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.items: list[WorkItem] = []
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_current)
        self.panel = LiveTaskPanel(client)
        self.panel.scored.connect(self.scored)
        self.empty = QLabel(self.tr("No observed or oral task in this session."))
        self.session_id: int | None = None
        self.groups = QLabel()
        self.groups.setObjectName("groups")
        self.groups.setWordWrap(True)
        self.group_button = QPushButton(self.tr("Form an observation &group…"))
        self.group_button.clicked.connect(self._form_group)
        self.group_button.setVisible(client.role == "chief")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Live tasks (observed and oral):")))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.groups)
        left_layout.addWidget(self.group_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setSizes([400, 966])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self._show_groups()

    def _show_groups(self) -> None:
        if self.session_id is None:
            self.groups.clear()
            return
        groups = attempt(self, self.client.examiner.observation_groups, self.session_id) or []
        lines = [self.tr("Group {name}: {count} candidate(s); examiners {examiners}").format(
            name=g.name, count=len(g.candidates), examiners=", ".join(name for _id, name in g.examiners))
            for g in groups]  # fmt: skip
        self.groups.setText("\n".join(lines) or self.tr("No observation group yet: the chief examiner forms them "
                                                         "before observed tasks are scored."))  # fmt: skip

    def _form_group(self) -> None:
        if self.session_id is None:
            return
        examiners = attempt(self, self.client.examiner.session_examiners, self.session_id)
        if examiners is None:
            return
        codes = sorted({w.anonymous_code for w in self.items if w.mode == "observed"})
        chosen = ObservationGroupDialog.ask(self, codes, examiners)
        if chosen is None:
            return
        name, candidates, ids = chosen
        attempt(self, self.client.examiner.set_observation_group, self.session_id, name, candidates, ids)
        self._show_groups()

    def set_items(self, items: list[WorkItem]) -> None:
        keep = self.current()
        self.items = [w for w in items if w.mode != "written"]
        self.list.blockSignals(True)
        self.list.clear()
        for work in self.items:
            mode = self.tr("oral") if work.mode == "oral" else self.tr("observed")
            state = self.tr("scored") if work.scored_by_me else self.tr("to score")
            if work.attempt_open:
                state = self.tr("{state}, performing now").format(state=state)
            entry = QListWidgetItem(self.tr("{code} · Q{n} · {mode} · {state}").format(
                code=work.anonymous_code, n=work.slot + 1, mode=mode, state=state))  # fmt: skip
            entry.setData(ITEM_ROLE, (work.attempt_id, work.slot))
            entry.setToolTip(work.title)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.items)
        row = next((n for n, w in enumerate(self.items) if keep == (w.attempt_id, w.slot)), -1)
        if row >= 0:
            self.list.setCurrentRow(row)
        elif self.panel.task is not None and keep is None:
            self.panel.show_task(None)

    def current(self) -> tuple[int, int] | None:
        item = self.list.currentItem()
        if item is None:
            return None
        attempt_id, slot = item.data(ITEM_ROLE)
        return int(attempt_id), int(slot)

    def open_task(self, attempt_id: int, slot: int) -> None:
        row = next((n for n, w in enumerate(self.items) if (w.attempt_id, w.slot) == (attempt_id, slot)), -1)
        if row >= 0:
            self.list.setCurrentRow(row)

    def _on_current(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            self.panel.show_task(None)
            return
        attempt_id, slot = item.data(ITEM_ROLE)
        self.panel.open(attempt_id, slot)
