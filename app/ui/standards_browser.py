"""The standards and paper browser: what the centre knows about the occupations it examines.

It reads the standards from the service and asks the service for sample papers (the banks and their
keys never reach this screen), so it needs a client signed in as an administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.errors import ApiError
from app.domain.items import ItemType
from app.domain.standards import RULE_FIELDS, Level, Origin, OriginKind, Part, Standard
from app.ui.widgets.errors import attempt
from app.ui.widgets.labels import join_names
from app.ui.widgets.messages import translate_error

LEVEL_ROLE = Qt.ItemDataRole.UserRole


class StandardsBrowser(QWidget):
    """Every standard, level and weight table, and sample theory papers the service builds from the
    banks in use."""

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.standards: dict[str, Standard] = {}
        self.selection: tuple[Standard, str | None, Level] | None = None

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Standards and levels")])
        self.tree.currentItemChanged.connect(self._on_select)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        # where rules come from when the standard does not set them itself (570002), and its notes
        self.provenance = QLabel()
        self.provenance.setWordWrap(True)
        self.provenance.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.weights = QTableWidget(0, 3)
        self.weights.setHorizontalHeaderLabels([self.tr("Area"), self.tr("Theory %"), self.tr("Skill %")])
        self.weights.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.weights.verticalHeader().setVisible(False)
        self.weights.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.seed = QLineEdit("1")
        self.seed.setPlaceholderText(self.tr("seed"))
        self.seed.setMaximumWidth(160)
        self.build_button = QPushButton(self.tr("Build theory paper"))
        self.build_button.clicked.connect(self.build_paper)
        self.paper_summary = QLabel()
        self.paper_summary.setWordWrap(True)
        self.paper_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paper = QTableWidget(0, 5)
        self.paper.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Type"), self.tr("Area"), self.tr("Points"), self.tr("Question")]
        )
        self.paper.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.paper.verticalHeader().setVisible(False)
        self.paper.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.paper.setWordWrap(True)

        paper_tab = QWidget()
        controls = QHBoxLayout()
        seed_label = QLabel(self.tr("Seed:"))
        seed_label.setBuddy(self.seed)
        controls.addWidget(seed_label)
        controls.addWidget(self.seed)
        controls.addWidget(self.build_button)
        controls.addStretch(1)
        paper_layout = QVBoxLayout(paper_tab)
        paper_layout.addLayout(controls)
        paper_layout.addWidget(self.paper_summary)
        paper_layout.addWidget(self.paper, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.weights, self.tr("Weight tables"))
        self.tabs.addTab(paper_tab, self.tr("Paper"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.facts)
        right_layout.addWidget(self.provenance)
        right_layout.addWidget(self.notes)
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 880])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._fill_tree()

    def _fill_tree(self) -> None:
        first = None
        standards = attempt(self, self.client.admin.standards) or []
        self.standards = {std.code: std for std in standards}
        for std in standards:
            top = QTreeWidgetItem([f"{std.code} {std.name}"])
            self.tree.addTopLevelItem(top)
            groups: list[tuple[str | None, QTreeWidgetItem]] = [(None, top)]
            for st in std.subtypes:
                child = QTreeWidgetItem([st.name])
                top.addChild(child)
                groups.append((st.name, child))
            for subtype, parent in groups:
                for lv in std.level_list(subtype):
                    node = QTreeWidgetItem([lv.name])
                    node.setData(0, LEVEL_ROLE, (std.code, subtype, str(lv.level)))
                    parent.addChild(node)
                    first = first or node
            top.setExpanded(True)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _on_select(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        key = current.data(0, LEVEL_ROLE) if current else None
        if not key:
            return
        code, subtype, level_id = key
        std = self.standards[code]
        level = std.level(level_id, subtype)
        self.selection = (std, subtype, level)
        self.heading.setText(self.tr("{code} {name} ({edition}) — {level}").format(
            code=std.code, name=std.name, edition=std.edition, level=level.name))  # fmt: skip
        minutes = [
            self.tr("{part}: at least {minutes} min").format(part=self._part_name(p), minutes=m)
            for p in Part
            if (m := std.min_minutes_for(level, p)) is not None
        ]
        facts = []
        if minutes:  # "a; b; c." in English, "a；b；c。" in Chinese
            facts.append(self.tr("{list}.", "sentence").format(list=self.tr("; ", "list separator").join(minutes)))
        if level.review_required:
            facts.append(self.tr("This level also requires a comprehensive review."))
        if not std.official_weights:
            facts.append(self.tr("This standard has no official weight table; the exam owner supplies one."))
        facts.append(self.tr("Pass mark {mark} for each part.").format(mark=std.pass_mark_for(level)))
        self.facts.setText(" ".join(facts))
        provenance = self._provenance(std, level)
        self.provenance.setText(provenance)
        self.provenance.setVisible(bool(provenance))
        self.notes.setText(self.tr("Notes: {notes}").format(notes=std.notes) if std.notes else "")
        self.notes.setVisible(bool(std.notes))
        self._show_weights(level)
        self.paper.setRowCount(0)
        self.paper_summary.clear()

    def _rule_name(self, rule: str) -> str:
        return {
            "pass_mark": self.tr("the pass mark"),
            "min_minutes": self.tr("the minimum durations"),
            "staffing": self.tr("the staffing ratios"),
        }[rule]

    def _provenance(self, std: Standard, level: Level) -> str:
        """'The pass mark, … are not set by 570002: borrowed from 4-13-99-02 (2022) 1.9.' and the
        rules an exam owner set, one sentence per source."""
        by_source: dict[Origin, list[str]] = {}
        for rule in RULE_FIELDS:
            origin = std.origin(rule, level)
            if origin.kind is not OriginKind.STANDARD:
                by_source.setdefault(origin, []).append(self._rule_name(rule))
        sentences = []
        for origin, rules in by_source.items():
            if origin.kind is OriginKind.BORROWED:
                text = self.tr("{code} does not set {rules} itself: they are borrowed from {source}.")
            else:
                text = self.tr("Set by the exam owner ({source}): {rules}.")
            sentences.append(text.format(code=std.code, rules=join_names(rules), source=origin.source))
        return " ".join(sentences)

    def _part_name(self, part: Part) -> str:
        return {
            Part.THEORY: self.tr("Theory exam"),
            Part.SKILL: self.tr("Skill assessment"),
            Part.REVIEW: self.tr("Comprehensive review"),
        }[part]

    def _type_name(self, kind: ItemType) -> str:
        return {
            ItemType.SINGLE: self.tr("Single choice"), ItemType.MULTIPLE: self.tr("Multiple choice"),
            ItemType.TRUEFALSE: self.tr("True or false"), ItemType.FILL: self.tr("Fill in the blanks"),
            ItemType.SHORT: self.tr("Short answer"), ItemType.CASE: self.tr("Case analysis"),
        }.get(kind, kind.value)  # fmt: skip

    def _show_weights(self, level: Level) -> None:
        theory = level.theory_weights or {}
        skill = level.skill_weights or {}
        areas = list(dict.fromkeys([*theory, *skill, *(a.name for a in level.areas)]))
        self.weights.setRowCount(len(areas) + 1)
        for row, area in enumerate(areas):
            self.weights.setItem(row, 0, QTableWidgetItem(area))
            for col, table in ((1, theory), (2, skill)):
                cell = QTableWidgetItem(str(table[area]) if area in table else "—")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.weights.setItem(row, col, cell)
        total_row = len(areas)
        self.weights.setItem(total_row, 0, QTableWidgetItem(self.tr("Total")))
        for col, table in ((1, theory), (2, skill)):
            cell = QTableWidgetItem(str(sum(table.values())) if table else "—")
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.weights.setItem(total_row, col, cell)

    def build_paper(self) -> None:
        if self.selection is None:
            return
        std, subtype, level = self.selection
        seed_text = self.seed.text().strip() or "1"
        try:
            paper = self.client.admin.paper_preview(std.code, str(level.level), Part.THEORY.value, seed_text, subtype)
        except ApiError as exc:
            self.paper.setRowCount(0)
            if exc.code == "missing_weights":
                self.paper_summary.setText(self.tr(
                    "{standard} {name} has no official theory weight table for {level}, so no paper can be built "
                    "here; the exam owner supplies one (examdesk command line, --weights FILE).").format(
                        standard=std.code, name=std.name, level=level.name))  # fmt: skip
            else:
                self.paper_summary.setText(translate_error(exc))
            return
        self.paper.setRowCount(len(paper.questions))
        for row, question in enumerate(paper.questions):
            stem = question.text
            if question.options:
                stem += "\n" + "  ".join(f"{'ABCDEFGH'[i]}. {text}" for i, text in enumerate(question.options))
            kind = self._type_name(ItemType(question.type)) if question.type in set(ItemType) else question.type
            values = [str(row + 1), kind, question.area, str(question.points), stem]
            for col, value in enumerate(values):
                self.paper.setItem(row, col, QTableWidgetItem(value))
        self.paper.resizeRowsToContents()
        self.paper_summary.setText(
            self.tr("{count} questions, {points} points, mean difficulty {difficulty:.2f}").format(
                count=len(paper.questions), points=paper.total_points, difficulty=paper.difficulty or 0
            )
        )
