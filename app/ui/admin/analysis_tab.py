"""Item analysis (试卷质量分析) of a closed theory session: the figures, the charts, every item with its
flags, and the PDF report and CSV to save. The analysis and the charts are made off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.api.client import Client
from app.domain.item_analysis import (
    EASY_ABOVE,
    HARD_BELOW,
    MINIMUM_FOR_DISCRIMINATION,
    UNSTABLE_BELOW,
    Caveat,
    Flag,
    ItemStats,
    SessionAnalysis,
)
from app.domain.item_versions import CALIBRATION_MINIMUM
from app.ui.admin.common import WARNING, Background, Files, RowsModel, SessionPicker, make_table
from app.ui.widgets.errors import Ask, show_error

CHART_SIZE = (4.3, 2.7)  # inches at 100 dpi: three charts side by side at 1366 pixels
CHART_DPI = 100


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


class AnalysisTab(QWidget):
    """`analysed(result)` fires when a session's analysis is shown; `saved(path)` when a file is written;
    `kept(count)` when the session's item statistics were kept for paper assembly."""

    analysed = Signal(object)
    saved = Signal(object)
    kept = Signal(object)

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.result: SessionAnalysis | None = None
        self.work = Background(self)
        self.work.done.connect(self._on_analysed)
        self.work.failed.connect(self._on_failed)
        self.saving = Background(self)
        self.saving.done.connect(self._on_saved)
        self.saving.failed.connect(self._on_failed)
        self.keeping = Background(self)
        self.keeping.done.connect(self._on_kept)
        self.keeping.failed.connect(self._on_failed)

        self.session = SessionPicker(client)
        self.session.currentIndexChanged.connect(self.analyse)
        session_label = QLabel(self.tr("&Session:"))
        session_label.setBuddy(self.session)
        self.pdf_button = QPushButton(self.tr("Save &PDF report…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button = QPushButton(self.tr("Save &CSV…"))
        self.csv_button.clicked.connect(self.save_csv)
        self.keep_button = QPushButton(self.tr("&Keep for assembly"))
        self.keep_button.setToolTip(self.tr(
            "Keep each item's figures from this session in the store: papers prepared later use the observed "
            "difficulty of items that at least {n} candidates have answered."
        ).format(n=CALIBRATION_MINIMUM))  # fmt: skip
        self.keep_button.clicked.connect(self.keep)
        top = QHBoxLayout()
        top.addWidget(session_label)
        top.addWidget(self.session, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.keep_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caveats = QLabel()
        self.caveats.setWordWrap(True)
        self.caveats.setStyleSheet(f"color: {WARNING.name()};")
        self.histogram, self.scatter, self.areas = QLabel(), QLabel(), QLabel()
        charts = QHBoxLayout()
        for label, name in ((self.histogram, self.tr("Score histogram")),
                            (self.scatter, self.tr("Difficulty and discrimination")),
                            (self.areas, self.tr("Mean percentage per area"))):  # fmt: skip
            label.setAccessibleName(name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            label.setMinimumHeight(int(CHART_SIZE[1] * CHART_DPI))
            charts.addWidget(label, 1)

        self.model = RowsModel([
            self.tr("Item"), self.tr("Type"), self.tr("Area"), self.tr("Candidates"), self.tr("Difficulty p"),
            self.tr("Discrimination D"), self.tr("Item-total r"), self.tr("Omitted"),
            self.tr("Options: all (upper/lower)"), self.tr("Flags"),
        ])  # fmt: skip
        self.table = make_table(self.model, stretch=8)
        self.table.setAccessibleName(self.tr("Items"))
        self.message = QLabel()
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.caveats)
        layout.addLayout(charts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._show_nothing(self.tr("Choose a closed theory session."))

    def refresh(self) -> None:
        self.session.refresh()

    # -- analysing -------------------------------------------------------------------------------

    def analyse(self) -> None:
        info = self.session.info()
        if info is None:
            self._show_nothing(self.tr("Choose a closed theory session."))
            return
        if info.part != "theory" or info.state not in ("closed", "archived"):
            self._show_nothing(self.tr("Item analysis is made for a theory session once it is closed; "
                                       "{code} is not one.").format(code=info.code))  # fmt: skip
            return
        if self.work.busy:
            return
        self._show_nothing(self.tr("Analysing {code}…").format(code=info.code))
        client, session_id, text = self.client, info.id, self._chart_text()

        def work(_progress: Any) -> tuple[SessionAnalysis, tuple[bytes, bytes, bytes]]:
            from app.reports import analysis_charts as charts  # matplotlib: loaded when first needed

            result = client.admin.session_analysis(session_id)
            a, words = result.analysis, charts.ChartText(**text)
            return result, (charts.histogram_png(a, words, size=CHART_SIZE, dpi=CHART_DPI),
                            charts.scatter_png(a, words, size=CHART_SIZE, dpi=CHART_DPI, label_flagged=8),
                            charts.areas_png(a, words, size=CHART_SIZE, dpi=CHART_DPI))  # fmt: skip

        self.work.start(work)

    def _chart_text(self) -> dict[str, str]:
        """The charts' texts in the interface language (made into a ChartText off the GUI thread,
        where matplotlib is loaded)."""
        return dict(
            histogram_title=self.tr("Score histogram"), score_axis=self.tr("Total score"),
            candidates_axis=self.tr("Candidates"), pass_mark=self.tr("pass mark {mark}"),
            scatter_title=self.tr("Difficulty and discrimination"), difficulty_axis=self.tr("Difficulty p"),
            discrimination_axis=self.tr("Discrimination D"), flagged=self.tr("flagged"), not_flagged=self.tr("fine"),
            not_computed=self.tr("D is not computed for items fewer than {n} candidates had").format(
                n=MINIMUM_FOR_DISCRIMINATION),
            areas_title=self.tr("Mean percentage per area"), percent_axis=self.tr("Mean percentage"),
        )  # fmt: skip

    def _show_nothing(self, message: str) -> None:
        self.result = None
        self.summary.setText(message)
        self.caveats.clear()
        for label in (self.histogram, self.scatter, self.areas):
            label.clear()
        self.model.set_rows([])
        self.pdf_button.setEnabled(False)
        self.csv_button.setEnabled(False)
        self.keep_button.setEnabled(False)

    @Slot(object)
    def _on_analysed(self, payload: object) -> None:
        result, pngs = payload  # type: ignore[misc]
        info = self.session.info()
        if info is None or info.code != result.session:  # another session was chosen meanwhile
            self.analyse()
            return
        self.result = result
        s = result.analysis.summary
        if s.reliability is None:
            reliability = self.tr("not computed")
        else:
            value = f"{s.reliability:.3f}"
            reliability = (self.tr("KR-20 {value}") if s.reliability_kind == "KR-20"
                           else self.tr("Cronbach's alpha {value}")).format(value=value)  # fmt: skip
            if s.reliability_by_position:
                reliability = self.tr("{reliability} (by position: papers drawn per ticket)").format(
                    reliability=reliability)  # fmt: skip
        self.summary.setText(self.tr(
            "{count} candidates, {items} items ({per_paper} per paper). Mean {mean} of {top}, SD {sd}; "
            "pass rate {rate} at {mark}. Reliability {reliability}, SEM {sem}. {flagged} items flagged."
        ).format(count=s.candidates, items=s.items, per_paper=f"{s.items_per_paper:.0f}", mean=_num(s.mean),
                 top=f"{s.max_score:g}", sd=_num(s.sd), rate=_percent(s.pass_rate), mark=result.pass_mark,
                 reliability=reliability, sem=_num(s.sem),
                 flagged=sum(1 for i in result.analysis.items if i.flags)))  # fmt: skip
        self.caveats.setText("\n".join(self.caveat_texts(result)))
        for label, png in zip((self.histogram, self.scatter, self.areas), pngs, strict=True):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label.setPixmap(pixmap)
        items = sorted(result.analysis.items, key=lambda i: not i.flags)  # the items to revise first
        self.model.set_rows(
            [[i.item.id, self.type_name(i.item.type), i.item.area, f"{i.n}*" if i.unstable else str(i.n),
              _num(i.p), _num(i.d), _num(i.r), _percent(i.omitted), self._options(i),
              ", ".join(self.flag_name(f) for f in i.flags)] for i in items],
            [i.item.version for i in items],
            [WARNING if i.flags else None for i in items],
            [[i.item.version, None, None, self.tr("* fewer than {n}: unstable").format(n=UNSTABLE_BELOW)
              if i.unstable else None, None, None, None, None, self._options(i, "\n"), None] for i in items],
        )  # fmt: skip
        self.pdf_button.setEnabled(True)
        self.csv_button.setEnabled(True)
        self.keep_button.setEnabled(True)
        self.analysed.emit(result)

    def caveat_texts(self, result: SessionAnalysis) -> list[str]:
        s = result.analysis.summary
        texts = []
        if Caveat.UNSTABLE in s.caveats:
            texts.append(self.tr("Fewer than {n} candidates ({count}): these figures are unstable; do not revise "
                                 "items on them alone.").format(n=UNSTABLE_BELOW, count=s.candidates))  # fmt: skip
        if Caveat.TOO_FEW in s.caveats:
            texts.append(self.tr("Fewer than {n} candidates: no discrimination, item-total correlation, "
                                 "reliability or flags.").format(n=MINIMUM_FOR_DISCRIMINATION))  # fmt: skip
        if Caveat.SPARSE_ITEMS in s.caveats:
            texts.append(self.tr("Papers are drawn per ticket, so each item had its own candidates: figures of an "
                                 "item fewer than {n} had (marked *) are unstable, under {m} not computed.").format(
                n=UNSTABLE_BELOW, m=MINIMUM_FOR_DISCRIMINATION))  # fmt: skip
        if Caveat.PAPERS_NOT_PARALLEL in s.caveats:
            texts.append(self.tr("The papers differ in their mix of item types: no reliability."))
        if result.excluded:
            texts.append(self.tr("Left out: {papers}.").format(papers=", ".join(
                self.tr("{count} {why}").format(count=n, why=self.excluded_name(why))
                for why, n in sorted(result.excluded.items()))))  # fmt: skip
        return texts

    def _options(self, stats: ItemStats, separator: str = "  ") -> str:
        parts = []
        for o in stats.options:
            groups = "" if o.upper is None or o.lower is None else f" ({o.upper * 100:.0f}/{o.lower * 100:.0f})"
            parts.append(f"{o.label}{'*' if o.keyed else ''} {o.share * 100:.0f}%{groups}")
        return separator.join(parts) or "—"

    def type_name(self, kind: str) -> str:
        names = {"single": self.tr("single choice"), "multiple": self.tr("multiple choice"),
                 "truefalse": self.tr("true/false"), "fill": self.tr("fill in"), "short": self.tr("short answer"),
                 "case": self.tr("case study")}  # fmt: skip
        return names.get(kind, kind)

    def flag_name(self, flag: Flag) -> str:
        names = {Flag.NEGATIVE_D: self.tr("negative D"),
                 Flag.TOO_EASY: self.tr("too easy (p > {limit})").format(limit=f"{EASY_ABOVE:g}"),
                 Flag.TOO_HARD: self.tr("too hard (p < {limit})").format(limit=f"{HARD_BELOW:g}"),
                 Flag.UNUSED_DISTRACTOR: self.tr("a distractor nobody chose")}  # fmt: skip
        return names.get(flag, flag.value)

    def excluded_name(self, why: str) -> str:
        names = {"terminated": self.tr("terminated"), "absent": self.tr("absent"), "open": self.tr("not submitted"),
                 "not_finalized": self.tr("waiting for examiners")}  # fmt: skip
        return names.get(why, why)

    # -- saving ----------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        result = self.result
        if result is None or self.saving.busy:
            return
        path = Files.save_path(self, self.tr("Save item analysis report"), f"{result.session}-analysis.pdf",
                               self.tr("PDF files (*.pdf)"))  # fmt: skip
        if path is None:
            return

        def work(_progress: Any) -> Path:
            from app.reports.analysis_report import render_pdf

            path.write_bytes(render_pdf(result))
            return path

        self._saving(path)
        self.saving.start(work)

    def save_csv(self) -> None:
        result = self.result
        if result is None or self.saving.busy:
            return
        path = Files.save_path(self, self.tr("Save items as CSV"), f"{result.session}-items.csv",
                               self.tr("CSV files (*.csv)"))  # fmt: skip
        if path is None:
            return

        def work(_progress: Any) -> Path:
            from app.reports.analysis_report import items_csv

            path.write_bytes(items_csv(result))
            return path

        self._saving(path)
        self.saving.start(work)

    def keep(self) -> None:
        """Keep the shown session's item statistics (the admin's action; audited by the service)."""
        info = self.session.info()
        if self.result is None or info is None or self.keeping.busy:
            return
        client, session_id = self.client, info.id
        self.keep_button.setEnabled(False)
        self.message.setText(self.tr("Keeping the figures of {code}…").format(code=info.code))
        self.keeping.start(lambda _progress: client.admin.record_item_statistics(session_id))

    @Slot(object)
    def _on_kept(self, count: object) -> None:
        self.keep_button.setEnabled(self.result is not None)
        self.message.setText(self.tr("Kept the figures of {count} items for paper assembly.").format(count=count))
        self.kept.emit(count)

    def _saving(self, path: Path) -> None:
        self.pdf_button.setEnabled(False)
        self.csv_button.setEnabled(False)
        self.message.setText(self.tr("Writing {file}…").format(file=path.name))

    @Slot(object)
    def _on_saved(self, path: object) -> None:
        self.pdf_button.setEnabled(self.result is not None)
        self.csv_button.setEnabled(self.result is not None)
        self.message.setText(self.tr("Saved {file}.").format(file=str(path)))
        self.saved.emit(path)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self.pdf_button.setEnabled(self.result is not None)
        self.csv_button.setEnabled(self.result is not None)
        self.keep_button.setEnabled(self.result is not None)
        if isinstance(exc, OSError):  # the folder or the disk, not a bug
            self.message.setText(self.tr("Not saved."))
            Ask.error(self, self.tr("Not saved"), self.tr("Cannot write {file}: {error}").format(
                file=str(exc.filename or ""), error=exc.strerror or str(exc)))  # fmt: skip
            return
        if self.result is None:
            self.summary.setText(self.tr("The analysis could not be made."))
        show_error(self, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))
