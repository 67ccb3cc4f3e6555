"""The results summary shown after a session is closed (ProctorApi.session_results)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.api.types import ResultRow
from app.ui.proctor.tables import cell, readonly_table
from app.ui.widgets.labels import attempt_status_label, missing_part_label, part_label, result_label

PART_ORDER = ("theory", "skill", "review")


class ResultsDialog(QDialog):
    def __init__(self, session_code: str, rows: list[ResultRow], parent: QWidget | None = None,
                 own_part: str | None = None):  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Results of session {code}").format(code=session_code))
        parts = [p for p in PART_ORDER if p == own_part or any(p in row.parts for row in rows)]
        outcome = Counter(row.result for row in rows)
        status = Counter(row.status for row in rows)
        self.summary = QLabel(
            self.tr("{count} candidates: {submitted} submitted, {terminated} terminated, {absent} absent. "
                    "Results: {passed} passed, {failed} failed, {pending} pending (parts still to be scored "
                    "or sat).").format(
                count=len(rows), submitted=status["submitted"], terminated=status["terminated"],
                absent=status["absent"], passed=outcome["合格"], failed=outcome["不合格"], pending=outcome["待定"],
            )
        )  # fmt: skip
        self.summary.setWordWrap(True)
        headers = [self.tr("Ticket no."), self.tr("Name"), self.tr("Status")]
        headers += [part_label(p) for p in parts] + [self.tr("Result")]
        self.table = readonly_table(len(headers), stretch=1)
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(headers)
        for n, row in enumerate(rows):
            cells = [row.ticket, row.name, attempt_status_label(row.status)]
            for p in parts:
                cells.append(str(row.parts[p].get("score", "")) if p in row.parts
                             else missing_part_label(row.status, p, own_part))  # fmt: skip
            cells.append(result_label(row.result))
            for column, text in enumerate(cells):
                item = cell(text)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(n, column, item)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        self.resize(760, 520)
