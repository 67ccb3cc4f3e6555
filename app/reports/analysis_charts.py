"""The item analysis's charts as PNG images, drawn by matplotlib's Agg renderer.

No pyplot and no Qt backend: a Figure with an Agg canvas per chart, so charts can be drawn off the
GUI thread, the PDF and the screen share them, and the bundle needs none of Qt's add-on modules.
Texts come from the caller (`ChartText`): Chinese for the PDF, the screen's translations on screen.
"""

from __future__ import annotations

import io
import itertools
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app import paths

# matplotlib keeps a cache of the system's fonts: in ExamDesk's data folder, the only place it writes
# (the command line and the desktop program point it at their --data folder before this import)
os.environ.setdefault("MPLCONFIGDIR", str(paths.data_dir() / "matplotlib"))

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from app.domain.item_analysis import EASY_ABOVE, HARD_BELOW, Analysis
from app.reports.fonts import CANDIDATES

# fonts for the charts (drawn as images, so any outline format will do): the screen's Noto Sans CJK
# (a regular weight, which matplotlib asks for), else the PDF's TrueType fonts
CHART_FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    *CANDIDATES,
)
BAR = "#3b6ea5"
FLAGGED = "#a61b1b"
ZONE = "#f6dede"
LINE = "#555555"


@dataclass(frozen=True)
class ChartText:
    histogram_title: str
    score_axis: str
    candidates_axis: str
    pass_mark: str  # with {mark}
    scatter_title: str
    difficulty_axis: str
    discrimination_axis: str
    flagged: str
    not_flagged: str
    not_computed: str  # shown instead of the scatter when no item has a D
    areas_title: str
    percent_axis: str


CHINESE = ChartText(
    histogram_title="成绩分布", score_axis="总分", candidates_axis="人数", pass_mark="合格线 {mark}",
    scatter_title="难度与区分度", difficulty_axis="难度 p（得分率）", discrimination_axis="区分度 D",
    flagged="需复查", not_flagged="正常", not_computed="作答人数少于 10 的试题不计算区分度",
    areas_title="各职业功能平均得分率", percent_axis="平均得分率（%）",
)  # fmt: skip


@cache
def _font_family() -> list[str]:
    """A CJK font registered with matplotlib (first one found), before matplotlib's own."""
    from matplotlib import font_manager

    for path, _index in CHART_FONTS:
        if path and Path(path).is_file():
            try:
                font_manager.fontManager.addfont(path)
                name = font_manager.FontProperties(fname=path).get_name()
            except Exception:  # a font matplotlib cannot read: try the next one
                continue
            return [name, "DejaVu Sans"]
    return ["DejaVu Sans"]


def _figure(width: float, height: float) -> Figure:
    matplotlib.rcParams["font.family"] = _font_family()
    matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts may lack U+2212
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure, dpi: int) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=dpi)
    return out.getvalue()


def histogram_png(analysis: Analysis, text: ChartText = CHINESE, *, size: tuple[float, float] = (4.2, 2.8),
                  dpi: int = 200) -> bytes:  # fmt: skip
    s = analysis.summary
    figure = _figure(*size)
    ax = figure.add_subplot()
    edges = s.histogram_edges
    widths = [b - a for a, b in itertools.pairwise(edges)]
    ax.bar(edges[:-1], s.histogram_counts, width=widths, align="edge", color=BAR, edgecolor="white", linewidth=0.6)
    ax.axvline(s.pass_mark, color=FLAGGED, linestyle="--", linewidth=1.2)
    top = max(s.histogram_counts or (0,)) or 1
    ax.text(s.pass_mark, top * 1.02, " " + text.pass_mark.format(mark=f"{s.pass_mark:g}"), color=FLAGGED,
            fontsize=8, va="bottom")  # fmt: skip
    ax.set_xlim(edges[0], edges[-1])
    ax.set_ylim(0, top * 1.18)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(text.histogram_title, fontsize=10)
    ax.set_xlabel(text.score_axis, fontsize=8)
    ax.set_ylabel(text.candidates_axis, fontsize=8)
    ax.tick_params(labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(figure, dpi)


def scatter_png(analysis: Analysis, text: ChartText = CHINESE, *, size: tuple[float, float] = (4.2, 3.2),
                dpi: int = 200, label_flagged: int = 12) -> bytes:  # fmt: skip
    """Difficulty (x) against discrimination (y); the zones that raise a flag shaded; the flagged
    items in red, the first `label_flagged` of them named."""
    figure = _figure(*size)
    ax = figure.add_subplot()
    ax.axvspan(0, HARD_BELOW, color=ZONE, linewidth=0)
    ax.axvspan(EASY_ABOVE, 1.02, color=ZONE, linewidth=0)
    ax.axhspan(-1, 0, color=ZONE, linewidth=0)
    ax.axhline(0, color=LINE, linewidth=0.6)
    shown = [i for i in analysis.items if i.p is not None and i.d is not None]
    ok = [i for i in shown if not i.flags]
    bad = [i for i in shown if i.flags]
    ax.scatter([i.p for i in ok], [i.d for i in ok], s=14, color=BAR, alpha=0.75, label=text.not_flagged)
    ax.scatter([i.p for i in bad], [i.d for i in bad], s=18, color=FLAGGED, marker="D", label=text.flagged)
    for stats in bad[:label_flagged]:
        ax.annotate(stats.item.id, (stats.p, stats.d), fontsize=5.5, xytext=(3, 2), textcoords="offset points")
    if not shown:
        ax.text(0.5, 0.35, text.not_computed, ha="center", va="center", fontsize=8, color=LINE)
    else:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)  # beside, never on a point
    ax.set_xlim(-0.02, 1.02)
    lowest = min([i.d for i in shown] + [-0.2])
    ax.set_ylim(max(-1.0, lowest - 0.05), 1.02)
    ax.set_title(text.scatter_title, fontsize=10)
    ax.set_xlabel(text.difficulty_axis, fontsize=8)
    ax.set_ylabel(text.discrimination_axis, fontsize=8)
    ax.tick_params(labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(figure, dpi)


def areas_png(analysis: Analysis, text: ChartText = CHINESE, *, size: tuple[float, float] = (4.2, 2.8),
              dpi: int = 200) -> bytes:  # fmt: skip
    """Mean percentage per weight-table area, as horizontal bars (the first area on top), with the
    pass mark's share of the paper as a line."""
    areas = [a for a in analysis.areas if a.mean_percent is not None]
    figure = _figure(*size)
    ax = figure.add_subplot()
    names = [a.area for a in areas][::-1]
    values = [a.mean_percent or 0.0 for a in areas][::-1]
    bars = ax.barh(names, values, color=BAR, height=0.6)
    ax.bar_label(bars, labels=[f"{v:.0f}" for v in values], fontsize=7, padding=2)
    s = analysis.summary
    if s.max_score:
        ax.axvline(100 * s.pass_mark / s.max_score, color=FLAGGED, linestyle="--", linewidth=1.0)
    ax.set_xlim(0, 105)
    ax.set_title(text.areas_title, fontsize=10)
    ax.set_xlabel(text.percent_axis, fontsize=8)
    ax.tick_params(labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(figure, dpi)
