"""One candidate's comprehensive review (综合评审) as a panel member works on it, in three tabs:
the materials register, the defence (its timer, questions and notes), and the scoring against the
session's criteria (the chair also finalizes there). Everything comes from and goes to
`examiner.review_record` and the review calls of the contract; the rules are the services'.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import ReviewRecord
from app.ui.examiner.score_form import HalfPointSpinBox, _number
from app.ui.widgets.errors import Ask, attempt, show_error
from app.ui.widgets.messages import translate_message


def _read_only(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ReviewRecordView(QTabWidget):
    """The register, the defence and the scores of the candidate `show(candidate_id)` names."""

    changed = Signal(int)  # candidate id: something was recorded
    scored = Signal(int, object)  # candidate id, my score (Decimal)

    @staticmethod
    def ask_file(parent: QWidget, title: str) -> str:
        """The attachment to register: a seam tests answer without a dialog."""
        name, _ = QFileDialog.getOpenFileName(parent, title, "", "*")
        return name

    @staticmethod
    def ask_save(parent: QWidget, title: str, suggested: str) -> str:
        """Where to save an attachment the panel reads (never a temp file: it is personal data)."""
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested)
        return name

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.candidate_id: int | None = None
        self.record: ReviewRecord | None = None
        self._build_materials()
        self._build_defence()
        self._build_scoring()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.since_fetch = QElapsedTimer()

    # -- materials ----------------------------------------------------------------------------

    def kind_name(self, kind: str) -> str:
        return {"application": self.tr("Application materials"), "work": self.tr("Representative work"),
                "employer_assessment": self.tr("Employer's assessment")}.get(kind, kind)  # fmt: skip

    def _build_materials(self) -> None:
        page = QWidget()
        self.materials = QTableWidget(0, 4)
        self.materials.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Title"), self.tr("Pages"),
                                                  self.tr("Attachment")])  # fmt: skip
        for col in (0, 2, 3):
            self.materials.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.materials.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.materials.verticalHeader().setVisible(False)
        self.employer_note = QLabel()
        self.employer_note.setWordWrap(True)
        self.kind = QComboBox()
        for kind in ("application", "work", "employer_assessment"):
            self.kind.addItem(self.kind_name(kind), kind)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 申报表, 工作业绩材料, 代表作名称"))
        self.pages = QSpinBox()
        self.pages.setRange(0, 9999)
        self.pages.setSpecialValueText(self.tr("—"))
        self.attach = QPushButton(self.tr("Attach &file…"))
        self.attach.clicked.connect(self._choose_file)
        self.attached = QLabel(self.tr("No file attached"))
        self.register = QPushButton(self.tr("&Register"))
        self.register.clicked.connect(self.register_material)
        self.save_button = QPushButton(self.tr("Sa&ve attachment…"))
        self.save_button.clicked.connect(self.save_attachment)
        self._file: Path | None = None
        form = QFormLayout()
        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        title_label = QLabel(self.tr("&Title:"))
        title_label.setBuddy(self.title)
        form.addRow(title_label, self.title)
        pages_label = QLabel(self.tr("Pa&ges:"))
        pages_label.setBuddy(self.pages)
        form.addRow(pages_label, self.pages)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.attach)
        row.addWidget(self.attached, 1)
        row.addWidget(self.register)
        layout = QVBoxLayout(page)
        layout.addWidget(self.employer_note)
        layout.addWidget(self.materials, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        self.addTab(page, self.tr("&Materials"))

    def _choose_file(self) -> None:
        name = self.ask_file(self, self.tr("Attach a file"))
        self._file = Path(name) if name else None
        self.attached.setText(self._file.name if self._file else self.tr("No file attached"))

    def save_attachment(self) -> None:
        """The chosen row's attached file, written where the member says."""
        record, row = self.record, self.materials.currentRow()
        if record is None or not 0 <= row < len(record.materials) or not record.materials[row].filename:
            return
        material = record.materials[row]
        target = self.ask_save(self, self.tr("Save attachment"), material.filename or "")
        if not target:
            return
        content = attempt(self, self.client.examiner.review_material, material.id)
        if content is not None:
            Path(target).write_bytes(content)

    def register_material(self) -> None:
        if self.candidate_id is None:
            return
        content = self._file.read_bytes() if self._file is not None else None
        done = attempt(self, self.client.examiner.register_review_material, self.candidate_id,
                       self.kind.currentData(), self.title.text(), self.pages.value() or None,
                       self._file.name if self._file else None, content)  # fmt: skip
        if done is None:
            return
        self.title.clear()
        self.pages.setValue(0)
        self._file = None
        self.attached.setText(self.tr("No file attached"))
        self.refresh()

    # -- the defence ----------------------------------------------------------------------------

    def _build_defence(self) -> None:
        page = QWidget()
        self.clock = QLabel("00:00")
        font = self.clock.font()
        font.setPointSize(font.pointSize() * 2)
        self.clock.setFont(font)
        self.minimum = QLabel()
        self.minimum.setWordWrap(True)
        self.start_button = QPushButton(self.tr("&Start the defence"))
        self.start_button.clicked.connect(self.start_defence)
        self.end_button = QPushButton(self.tr("&End the defence"))
        self.end_button.clicked.connect(self.end_defence)
        self.note_kind = QComboBox()
        self.note_kind.addItem(self.tr("Question asked"), "question")
        self.note_kind.addItem(self.tr("Note"), "note")
        self.note_text = QLineEdit()
        self.note_text.setPlaceholderText(self.tr("The question asked, or a note for the record"))
        self.note_text.returnPressed.connect(self.add_note)
        self.add_note_button = QPushButton(self.tr("&Add"))
        self.add_note_button.clicked.connect(self.add_note)
        self.notes = QTableWidget(0, 3)
        self.notes.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Member"), self.tr("Text")])
        self.notes.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.notes.verticalHeader().setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.clock)
        top.addWidget(self.minimum, 1)
        top.addWidget(self.start_button)
        top.addWidget(self.end_button)
        entry = QHBoxLayout()
        entry.addWidget(self.note_kind)
        entry.addWidget(self.note_text, 1)
        entry.addWidget(self.add_note_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(entry)
        layout.addWidget(self.notes, 1)
        self.addTab(page, self.tr("&Defence"))

    def _call(self, action: Callable[..., object], *args: object) -> bool:
        """One service call; False (the refusal shown) when it failed."""
        try:
            action(*args)
        except Exception as exc:  # said as the service says it
            show_error(self, exc)
            return False
        return True

    def start_defence(self) -> None:
        if self.candidate_id is not None:
            self._call(self.client.examiner.start_defence, self.candidate_id)
            self.refresh()

    def end_defence(self) -> None:
        if self.candidate_id is None:
            return
        if not Ask.confirm(self, self.tr("End the defence"), self.tr("End the defence now? It cannot be resumed.")):
            return
        attempt(self, self.client.examiner.end_defence, self.candidate_id)
        self.refresh()

    def add_note(self) -> None:
        if self.candidate_id is None or not self.note_text.text().strip():
            return
        if not self._call(self.client.examiner.add_review_note, self.candidate_id, self.note_kind.currentData(),
                          self.note_text.text()):  # fmt: skip
            return
        self.note_text.clear()
        self.refresh()

    def _tick(self) -> None:
        record = self.record
        if record is None:
            return
        seconds = record.defence_seconds + (self.since_fetch.elapsed() / 1000 if record.defence_running else 0)
        self.clock.setText(f"{int(seconds) // 60:02d}:{int(seconds) % 60:02d}")

    # -- scoring ------------------------------------------------------------------------------------

    def _build_scoring(self) -> None:
        page = QWidget()
        self.criteria_note = QLabel()
        self.criteria_note.setWordWrap(True)
        self.criteria_form = QFormLayout()
        self.marks: dict[str, HalfPointSpinBox] = {}
        self.total = QLabel()
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(70)
        self.comment.setPlaceholderText(self.tr("Comment for the record (optional)"))
        self.submit_button = QPushButton(self.tr("S&ubmit my score"))
        self.submit_button.clicked.connect(self.submit)
        self.scores = QTableWidget(0, 3)
        self.scores.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Score"), self.tr("Comment")])
        self.scores.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.scores.verticalHeader().setVisible(False)
        self.scores_note = QLabel()
        self.scores_note.setWordWrap(True)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.disagreement = QLineEdit()
        self.disagreement.setPlaceholderText(self.tr("How the panel settled a flagged disagreement"))
        self.finalize_button = QPushButton(self.tr("Finali&ze the review"))
        self.finalize_button.clicked.connect(self.finalize)
        chair = QHBoxLayout()
        chair.addWidget(self.disagreement, 1)
        chair.addWidget(self.finalize_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total, 1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.criteria_note)
        layout.addLayout(self.criteria_form)
        layout.addWidget(self.comment)
        layout.addLayout(buttons)
        layout.addWidget(self.scores_note)
        layout.addWidget(self.scores, 1)
        layout.addWidget(self.waiting)
        layout.addLayout(chair)
        self.addTab(page, self.tr("S&coring"))

    def my_total(self) -> Decimal:
        if self.record is None:
            return Decimal(0)
        return sum((c.weight * Decimal(str(self.marks[c.name].value())) / 100 for c in self.record.criteria
                    if c.name in self.marks), Decimal(0))  # fmt: skip

    def _update_total(self) -> None:
        self.total.setText(self.tr("My review score: {score}").format(score=_number(self.my_total())))

    def submit(self) -> None:
        record = self.record
        if record is None:
            return
        wrong = [(name, box.problem()) for name, box in self.marks.items() if box.problem() is not None]
        if wrong:  # shown as typed, never cut to something else (a mark of 150 is not a 0)
            name, problem = wrong[0]
            Ask.error(self, self.tr("Submit review score"), self.tr("Not submitted: {name}: {problem}").format(
                name=name, problem=problem))  # fmt: skip
            self.marks[name].setFocus()
            return
        marks = {name: box.awarded() for name, box in self.marks.items()}
        question = self.tr("Submit review score {score} for {candidate}? A submitted score cannot be changed.")
        question = question.format(score=_number(self.my_total()), candidate=record.anonymous_code)
        if not Ask.confirm(self, self.tr("Submit review score"), question):
            return
        score = attempt(self, self.client.examiner.score_review, record.candidate_id, marks,
                        self.comment.toPlainText().strip())  # fmt: skip
        if score is None:
            return
        self.scored.emit(record.candidate_id, score)
        self.refresh()

    def finalize(self) -> None:
        record = self.record
        if record is None:
            return
        result = attempt(self, self.client.examiner.finalize_review, record.candidate_id, self.disagreement.text())
        if result is not None:
            self.refresh()

    # -- showing a candidate ----------------------------------------------------------------------

    def show_candidate(self, candidate_id: int | None) -> None:
        self.candidate_id = candidate_id
        self.refresh()

    def refresh(self) -> None:
        record = None
        if self.candidate_id is not None:
            record = attempt(self, self.client.examiner.review_record, self.candidate_id)
        self.record = record
        self.setEnabled(record is not None)
        self.since_fetch.start()
        if record is None:
            self.ticker.stop()
            return
        self._show_materials(record)
        self._show_defence(record)
        self._show_scoring(record)
        if self.candidate_id is not None:
            self.changed.emit(self.candidate_id)

    def _show_materials(self, record: ReviewRecord) -> None:
        self.materials.setRowCount(len(record.materials))
        for row, m in enumerate(record.materials):
            attached = self.tr("{name} ({size} bytes)").format(name=m.filename, size=m.size) if m.filename else "—"
            for col, text in enumerate((self.kind_name(m.kind), m.title, str(m.pages or "—"), attached)):
                self.materials.setItem(row, col, _read_only(text))
        self.employer_note.setText(
            self.tr("This standard pairs representative works with the employer's assessment: register it with "
                    "the works.") if record.employer_assessment else "")  # fmt: skip
        self.employer_note.setVisible(record.employer_assessment)
        final = record.result is not None
        for widget in (self.kind, self.title, self.pages, self.attach, self.register):
            widget.setEnabled(not final)

    def _show_defence(self, record: ReviewRecord) -> None:
        least = record.defence_minimum_minutes
        state = (self.tr("running") if record.defence_running
                 else self.tr("stopped by a restart of the centre's computer, resume it") if record.defence_interrupted
                 else self.tr("ended") if record.defence_started else self.tr("not started"))  # fmt: skip
        self.minimum.setText(
            self.tr("The defence: {state}. The standard asks for at least {least} minutes per candidate.").format(
                state=state, least=least if least is not None else "—"
            )
        )
        final = record.result is not None
        self.start_button.setText(self.tr("Re&sume the defence") if record.defence_interrupted
                                  else self.tr("&Start the defence"))  # fmt: skip
        self.start_button.setEnabled((not record.defence_started or record.defence_interrupted) and not final)
        self.end_button.setEnabled((record.defence_running or record.defence_interrupted) and not final)
        for widget in (self.note_kind, self.note_text, self.add_note_button):
            widget.setEnabled(not final)
        self._tick()
        if record.defence_running:
            self.ticker.start()
        else:
            self.ticker.stop()
        self.notes.setRowCount(len(record.notes))
        for row, n in enumerate(record.notes):
            kind = self.tr("Question") if n.kind == "question" else self.tr("Note")
            member = self.tr("Member {n}").format(n=n.member) if n.member else self.tr("Chair")
            for col, text in enumerate((kind, member, n.text)):
                self.notes.setItem(row, col, _read_only(text))

    def _show_scoring(self, record: ReviewRecord) -> None:
        if record.criteria_supplied and not record.criteria_example:
            note = self.tr("Criteria: {name} (supplied by the exam owner).").format(name=record.criteria_name)
        elif record.criteria_supplied:
            note = self.tr("Criteria: {name}, supplied by the exam owner but marked as an example.").format(
                name=record.criteria_name)  # fmt: skip
        else:
            note = self.tr("No criteria were supplied by the exam owner: scoring against the example criteria "
                           "«{name}», which are not official.").format(name=record.criteria_name)  # fmt: skip
        self.criteria_note.setText(note)
        while self.criteria_form.rowCount():
            self.criteria_form.removeRow(0)
        self.marks = {}
        mine = record.my_score
        for c in record.criteria:
            box = HalfPointSpinBox(Decimal(100))
            box.setToolTip(c.description)
            if mine is not None and c.name in mine.marks:
                box.setValue(float(mine.marks[c.name]))
            box.setMaximumWidth(160)
            box.setEnabled(mine is None and record.result is None and record.my_seat > 0)
            box.valueChanged.connect(self._update_total)
            label = QLabel(self.tr("{name} ({weight}%):").format(name=c.name, weight=_number(c.weight)))
            label.setBuddy(box)
            label.setToolTip(c.description)
            self.criteria_form.addRow(label, box)
            self.marks[c.name] = box
        self._update_total()
        if mine is not None:
            self.comment.setPlainText(mine.comment)
        else:
            self.comment.clear()
        self.comment.setEnabled(mine is None and record.result is None and record.my_seat > 0)
        self.submit_button.setVisible(record.my_seat > 0)
        self.submit_button.setEnabled(mine is None and record.result is None)
        shown = record.scores
        if shown:
            spread = self.tr(" The scores are further apart than {spread} points: the panel disagrees.").format(
                spread=_number(record.spread)) if record.flagged else ""  # fmt: skip
            self.scores_note.setText(self.tr("{submitted} of {members} members have scored.").format(
                submitted=record.submitted, members=record.panel_size) + spread)  # fmt: skip
        else:
            self.scores_note.setText(self.tr("{submitted} of {members} members have scored. You see the others' "
                                             "scores once you have submitted yours.").format(
                submitted=record.submitted, members=record.panel_size))  # fmt: skip
        self.scores.setRowCount(len(shown))
        for row, s in enumerate(shown):
            for col, text in enumerate((self.tr("Member {n}").format(n=s.member), _number(s.score), s.comment)):
                self.scores.setItem(row, col, _read_only(text))
        if record.result is not None:
            self.waiting.setText(self.tr("Review result: {score}.").format(score=_number(record.result)))
        elif record.chair and record.waiting:
            self.waiting.setText(self.tr("Before finalizing:") + "\n"
                                 + "\n".join("- " + translate_message(w) for w in record.waiting))  # fmt: skip
        elif record.chair:
            self.waiting.setText(self.tr("Ready to finalize."))
        else:
            self.waiting.clear()
        for widget in (self.disagreement, self.finalize_button):
            widget.setVisible(record.chair)
        self.finalize_button.setEnabled(record.result is None)
