"""综合评审 for the admin: a review session's criteria file (the exam owner's, or the example) and
each candidate's materials register (registered, awaited, received or missing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import ReviewCriteriaView, ReviewMaterialView
from app.errors import DataFileError, Problem
from app.ui.admin.common import GOOD, WARNING, Files, RowsModel, make_table, selected_key, succeeded
from app.ui.widgets.errors import attempt, show_error


class ReviewTab(QWidget):
    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.session = QComboBox()
        self.session.setAccessibleName(self.tr("Review session"))
        self.session.setPlaceholderText(self.tr("(no comprehensive review is scheduled)"))
        self.session.currentIndexChanged.connect(self._on_session)
        session_label = QLabel(self.tr("Re&view session:"))
        session_label.setBuddy(self.session)
        top = QHBoxLayout()
        top.addWidget(session_label)
        top.addWidget(self.session, 1)

        # the criteria
        self.criteria_note = QLabel()
        self.criteria_note.setWordWrap(True)
        self.criteria_list = QLabel()
        self.criteria_list.setWordWrap(True)
        self.criteria_list.setTextFormat(Qt.TextFormat.PlainText)
        self.load_button = QPushButton(self.tr("&Load the exam owner's criteria file…"))
        self.load_button.setToolTip(self.tr("A YAML file of the format examdesk-review-criteria/1; it counts from now "
                                            "on, until the panel starts scoring"))  # fmt: skip
        self.load_button.clicked.connect(self.load_criteria)
        criteria_box = QGroupBox(self.tr("Review criteria"))
        criteria_layout = QVBoxLayout(criteria_box)
        criteria_layout.addWidget(self.criteria_note)
        criteria_layout.addWidget(self.criteria_list)
        criteria_layout.addWidget(self.load_button, 0, Qt.AlignmentFlag.AlignLeft)

        # the register
        self.candidate = QComboBox()
        self.candidate.setAccessibleName(self.tr("Candidate"))
        self.candidate.currentIndexChanged.connect(self._show_materials)
        candidate_label = QLabel(self.tr("&Candidate:"))
        candidate_label.setBuddy(self.candidate)
        self.model = RowsModel([self.tr("Kind"), self.tr("Title"), self.tr("Pages"), self.tr("File"), self.tr("State")])
        self.table = make_table(self.model, stretch=1)
        self.table.setAccessibleName(self.tr("Materials register"))
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.received_button = QPushButton(self.tr("Mark &received"))
        self.received_button.clicked.connect(lambda: self.mark("received"))
        self.missing_button = QPushButton(self.tr("Mark &missing"))
        self.missing_button.clicked.connect(lambda: self.mark("missing"))
        marks = QHBoxLayout()
        marks.addStretch(1)
        marks.addWidget(self.received_button)
        marks.addWidget(self.missing_button)

        self.kind = QComboBox()
        for kind in ("application", "work", "employer_assessment"):
            self.kind.addItem(material_kind(kind), kind)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. the application form"))
        self.title.textChanged.connect(self._enable)
        self.pages = QSpinBox()
        self.pages.setRange(0, 9999)
        self.pages.setSpecialValueText(self.tr("not counted"))
        self.with_file = QCheckBox(self.tr("Attach a &file (kept encrypted)"))
        self.expected = QCheckBox(self.tr("Not here &yet: list it as expected"))
        self.register_button = QPushButton(self.tr("Re&gister"))
        self.register_button.clicked.connect(self.register)
        form_box = QGroupBox(self.tr("Register an entry"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Pages:"), self.pages)
        form.addRow("", self.with_file)
        form.addRow("", self.expected)
        form.addRow("", self.register_button)

        register_box = QGroupBox(self.tr("Materials register"))
        register_layout = QVBoxLayout(register_box)
        pick = QHBoxLayout()
        pick.addWidget(candidate_label)
        pick.addWidget(self.candidate, 1)
        register_layout.addLayout(pick)
        register_layout.addWidget(self.table, 1)
        register_layout.addLayout(marks)
        register_layout.addWidget(form_box)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(criteria_box)
        layout.addWidget(register_box, 1)
        self.materials: list[ReviewMaterialView] = []
        self._enable()

    # -- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        sessions = attempt(self, self.client.admin.sessions) or []
        chosen = self.session.currentData()
        self.session.blockSignals(True)
        self.session.clear()
        for info in sessions:
            if info.part == "review":
                self.session.addItem(self.tr("{code} · {room}").format(code=info.code, room=info.room), info.id)
        index = self.session.findData(chosen) if chosen is not None else -1
        self.session.setCurrentIndex(index if index >= 0 else (0 if self.session.count() else -1))
        self.session.blockSignals(False)
        self._on_session()

    def _on_session(self) -> None:
        session_id = self.session.currentData()
        self.candidate.blockSignals(True)
        self.candidate.clear()
        if session_id is not None:
            for entry in attempt(self, self.client.admin.roster, session_id) or []:
                self.candidate.addItem(self.tr("{ticket} {name}").format(ticket=entry.ticket, name=entry.name),
                                       entry.candidate_id)  # fmt: skip
        if self.candidate.count():
            self.candidate.setCurrentIndex(0)
        self.candidate.blockSignals(False)
        self._show_criteria()
        self._show_materials()

    def _show_criteria(self) -> None:
        session_id = self.session.currentData()
        found = attempt(self, self.client.admin.review_criteria, session_id) if session_id is not None else None
        if found is None:
            self.criteria_note.clear()
            self.criteria_list.clear()
            return
        self.criteria_note.setText(criteria_note(found))
        tone = GOOD if found.supplied and not found.example else WARNING
        self.criteria_note.setStyleSheet(f"color: {tone.name()};")
        self.criteria_list.setText("\n".join(
            self.tr("{name}: {weight}%").format(name=c.name, weight=c.weight) for c in found.criteria
        ) + "\n" + self.tr("Spread that flags a disagreement: {spread} points").format(spread=found.spread))

    def _show_materials(self) -> None:
        candidate_id = self.candidate.currentData()
        self.materials = (attempt(self, self.client.admin.review_materials, candidate_id) or []) \
            if candidate_id is not None else []  # fmt: skip
        self.model.set_rows(
            [[material_kind(m.kind), m.title, str(m.pages) if m.pages else "", m.filename or "",
              material_state(m.status)] for m in self.materials],
            keys=[m.id for m in self.materials],
            tones=[WARNING if m.status != "received" else None for m in self.materials],
        )  # fmt: skip
        self._enable()

    def _enable(self) -> None:
        has_candidate = self.candidate.currentData() is not None
        chosen = selected_key(self.table)
        state = next((m.status for m in self.materials if m.id == chosen), None)
        self.received_button.setEnabled(state is not None and state != "received")
        self.missing_button.setEnabled(state is not None and state != "missing")
        self.register_button.setEnabled(has_candidate and bool(self.title.text().strip()))
        self.load_button.setEnabled(self.session.currentData() is not None)

    # -- acting ---------------------------------------------------------------------------------

    def load_criteria(self) -> None:
        session_id = self.session.currentData()
        if session_id is None:
            return
        path = Files.open_path(self, self.tr("The exam owner's review criteria"), self.tr("Criteria (*.yaml *.yml)"))
        if path is None:
            return
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            show_error(self, DataFileError([Problem(path.name, None, "", f"not UTF-8 text ({exc.reason})")]))
            return
        except OSError as exc:
            show_error(self, DataFileError([Problem(str(path), None, "", f"cannot read: {exc.strerror or exc}")]))
            return
        if succeeded(self, self.client.admin.set_review_criteria, session_id, path.name, text):
            self._show_criteria()

    def register(self) -> None:
        candidate_id = self.candidate.currentData()
        if candidate_id is None:
            return
        filename: str | None = None
        content: bytes | None = None
        if self.with_file.isChecked():
            path = Files.open_path(self, self.tr("The file to attach"), self.tr("Any file (*)"))
            if path is None:
                return
            try:
                content, filename = Path(path).read_bytes(), Path(path).name
            except OSError as exc:
                show_error(self, DataFileError([Problem(str(path), None, "", f"cannot read: {exc.strerror or exc}")]))
                return
        pages = self.pages.value() or None
        if succeeded(self, self.client.admin.register_review_material, candidate_id, str(self.kind.currentData()),
                     self.title.text(), pages, filename, content, not self.expected.isChecked()):  # fmt: skip
            self.title.clear()
            self.pages.setValue(0)
            self.with_file.setChecked(False)
            self.expected.setChecked(False)
        self._show_materials()

    def mark(self, state: str) -> None:
        chosen = selected_key(self.table)
        if chosen is None:
            return
        succeeded(self, self.client.admin.mark_review_material, int(chosen), state)
        self._show_materials()


def material_kind(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {"application": QCoreApplication.translate("ReviewTab", "Application materials"),
             "work": QCoreApplication.translate("ReviewTab", "Representative work"),
             "employer_assessment": QCoreApplication.translate("ReviewTab", "Employer's assessment")}  # fmt: skip
    return names.get(kind, kind)


def material_state(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {"expected": QCoreApplication.translate("ReviewTab", "Expected"),
             "received": QCoreApplication.translate("ReviewTab", "Received"),
             "missing": QCoreApplication.translate("ReviewTab", "Missing")}  # fmt: skip
    return names.get(state, state)


def criteria_note(found: ReviewCriteriaView) -> str:
    from PySide6.QtCore import QCoreApplication

    if found.supplied and not found.example:
        return QCoreApplication.translate("ReviewTab", "The exam owner's criteria: {name}").format(name=found.name)
    if found.supplied:
        return QCoreApplication.translate("ReviewTab", "A file that calls itself an example was loaded: {name}. "
                                          "Load the exam owner's own criteria.").format(name=found.name)  # fmt: skip
    return QCoreApplication.translate("ReviewTab", "No criteria were supplied: the panel scores against the example "
                                      "({name}), which is not official. Load the exam owner's file.").format(
        name=found.name)  # fmt: skip
