"""标准与题库: the bundled standards and question banks, read only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.domain.standards import Part
from app.ui.admin import labels
from app.ui.admin.common import RowsModel, make_table
from app.ui.widgets.errors import attempt


class StandardsTab(QWidget):
    def __init__(self, backend: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.backend = backend
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.standards_model = RowsModel([self.tr("Code"), self.tr("Occupation"), self.tr("Edition"),
                                          self.tr("Levels"), self.tr("Sub-types (工种)"),
                                          self.tr("Minimum minutes"), self.tr("Weight tables")])  # fmt: skip
        self.standards = make_table(self.standards_model, stretch=3)
        self.standards.setAccessibleName(self.tr("Standards"))
        self.banks_model = RowsModel([self.tr("Bank"), self.tr("Title"), self.tr("Standard"), self.tr("Version"),
                                      self.tr("Questions"), self.tr("Skill tasks")])  # fmt: skip
        self.banks = make_table(self.banks_model, stretch=1)
        self.banks.setAccessibleName(self.tr("Question banks"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, view in ((self.tr("Standards"), self.standards), (self.tr("Question banks"), self.banks)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            heading = QLabel(f"<b>{title}</b>")
            box_layout.addWidget(heading)
            box_layout.addWidget(view, 1)
            splitter.addWidget(box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._loaded = False

    def refresh(self) -> None:
        if self._loaded:  # bundled data: it does not change while the app runs
            return
        catalog = self.backend.catalog
        standards = sorted(catalog.standards.values(), key=lambda s: s.code)
        rows = []
        official, supplied = self.tr("official"), self.tr("supplied by the exam owner")
        for std in standards:
            minutes = "；".join(
                f"{labels.part_name(p.value)} {std.min_minutes[p]}" for p in Part if p in std.min_minutes
            )
            rows.append([std.code, std.name, std.edition, "、".join(lv.name.split("/")[0] for lv in std.levels),
                         "、".join(st.name for st in std.subtypes) or "—", minutes,
                         official if std.official_weights else supplied])  # fmt: skip
        self.standards_model.set_rows(rows, [s.code for s in standards])
        bank_set = attempt(self, lambda: catalog.banks)  # read on first use; a bad bank is reported
        if bank_set is None:
            return
        infos = sorted(bank_set.banks, key=lambda b: (b.standard, b.bank))
        self.banks_model.set_rows([[b.bank, b.title, b.standard, b.version, str(b.item_count), str(b.task_count)]
                                   for b in infos], [b.bank for b in infos])  # fmt: skip
        self.summary.setText(self.tr("{standards} standards, {banks} banks: {items} questions and {tasks} skill tasks.")
                             .format(standards=len(standards), banks=len(infos),
                                     items=sum(b.item_count for b in infos),
                                     tasks=sum(b.task_count for b in infos)))  # fmt: skip
        self._loaded = True
