"""Item analysis (classical test theory) of a session's papers, from a response matrix.

A response matrix has one row per candidate and one column per item. Each candidate may have had
a different paper (papers are drawn per admission ticket), so a cell can be empty: the item was not
on that candidate's paper. Every per-item figure is taken over the candidates who had the item.

Per item: difficulty p (mean score / maximum), discrimination D (p in the upper 27% of those
candidates by total score minus p in the lower 27%), the corrected item-total correlation (the item
against the total without the item; the point-biserial for items scored 0 or full), the omitted
rate, and for choice items the share choosing each option overall and in the upper and lower groups.
Per session: mean, SD, histogram, pass rate, KR-20 (every item scored 0 or full) or Cronbach's
alpha, and the standard error of measurement; per weight-table area the mean percentage.

Pure numpy, vectorised over candidates and items (bench/item_analysis.py: 10,000 x 100).
Variances are population variances (divided by n) throughout, as in Kuder and Richardson's pq.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, SupportsFloat

import numpy as np

GROUP_SHARE = 0.27  # Kelley's upper and lower groups
EASY_ABOVE = 0.95  # p above this: too easy
HARD_BELOW = 0.20  # p below this: too hard
UNSTABLE_BELOW = 30  # fewer candidates: every figure is shown with a warning that it is unstable
MINIMUM_FOR_DISCRIMINATION = 10  # fewer: no D, item-total correlation, KR-20/alpha or flags
HISTOGRAM_BINS = 20


class Flag(StrEnum):
    """Why an item deserves a look."""

    NEGATIVE_D = "negative_d"  # D < 0: stronger candidates did worse on it than weaker ones
    TOO_EASY = "too_easy"  # p > 0.95
    TOO_HARD = "too_hard"  # p < 0.20
    UNUSED_DISTRACTOR = "unused_distractor"  # a wrong option nobody chose


class Caveat(StrEnum):
    """What a reader of the session's figures must know."""

    UNSTABLE = "unstable"  # fewer than 30 candidates
    TOO_FEW = "too_few"  # fewer than 10: no D, no item-total correlation, no KR-20/alpha
    SPARSE_ITEMS = "sparse_items"  # some items were on fewer than 30 candidates' papers
    PAPERS_NOT_PARALLEL = "papers_not_parallel"  # papers differ in their item-type mix: no KR-20/alpha


@dataclass(frozen=True)
class ItemSpec:
    """One item as the analysis sees it."""

    id: str
    area: str
    type: str  # single | multiple | truefalse | fill | short | case
    max_score: float
    options: tuple[str, ...] = ()  # a choice item's option labels, in the item's own (bank) order
    keyed: frozenset[str] = frozenset()  # the right options
    version: str = ""  # the item version key (see app.domain.item_versions.item_version_key)
    option_texts: tuple[str, ...] = ()  # the options' texts, as `options`

    @property
    def is_choice(self) -> bool:
        return self.type in ("single", "multiple") and bool(self.options)


@dataclass
class ResponseMatrix:
    """Candidates x items. `scores` is NaN where the item was not on the candidate's paper."""

    items: Sequence[ItemSpec]
    scores: np.ndarray  # float, (candidates, items)
    omitted: np.ndarray  # bool, (candidates, items): on the paper and not answered
    chosen: Mapping[int, np.ndarray] = field(default_factory=dict)  # column -> bool (candidates, options)

    @property
    def candidates(self) -> int:
        return int(self.scores.shape[0])

    @classmethod
    def from_rows(
        cls, items: Sequence[ItemSpec], rows: Iterable[Mapping[str, tuple[SupportsFloat, Any]]]
    ) -> ResponseMatrix:
        """From one mapping per candidate: column key -> (score, response). The column key is the
        item's version key, or its id where it has none. A response is None when the item was left
        unanswered; for a choice item it is the option label chosen or the labels chosen (in the
        item's own labels). Items a candidate did not have are simply absent."""
        column = {column_key(it): j for j, it in enumerate(items)}
        rows = list(rows)
        scores = np.full((len(rows), len(items)), np.nan)
        omitted = np.zeros((len(rows), len(items)), dtype=bool)
        chosen = {j: np.zeros((len(rows), len(it.options)), dtype=bool) for j, it in enumerate(items) if it.is_choice}
        for i, row in enumerate(rows):
            for item_id, (score, response) in row.items():
                j = column[item_id]
                scores[i, j] = float(score)
                if not answered(response):
                    omitted[i, j] = True
                elif j in chosen:
                    labels = [response] if isinstance(response, str) else list(response)
                    for label in labels:
                        if label in items[j].options:
                            chosen[j][i, items[j].options.index(label)] = True
        return cls(items, scores, omitted, chosen)


def column_key(item: ItemSpec) -> str:
    """What tells the matrix's columns apart: the item version, else the item id."""
    return item.version or item.id


def answered(response: Any) -> bool:
    """Whether a response counts as an answer: not None, not empty, not only blank text."""
    if response is None:
        return False
    if isinstance(response, bool):
        return True
    if isinstance(response, str):
        return bool(response.strip())
    if isinstance(response, Iterable):
        return any(answered(r) for r in response)
    return True


@dataclass(frozen=True)
class OptionStats:
    label: str
    keyed: bool
    share: float  # of the candidates who had the item
    upper: float | None  # share in the upper 27% group (None: groups not formed, under 10 candidates)
    lower: float | None


@dataclass(frozen=True)
class ItemStats:
    item: ItemSpec
    n: int  # candidates who had the item
    p: float | None  # mean score / maximum
    d: float | None  # upper-group p minus lower-group p
    r: float | None  # corrected item-total correlation (point-biserial for 0/full items)
    omitted: float | None  # share of those candidates who left it unanswered
    options: tuple[OptionStats, ...]
    flags: tuple[Flag, ...]

    @property
    def unstable(self) -> bool:
        return self.n < UNSTABLE_BELOW


@dataclass(frozen=True)
class AreaStats:
    area: str
    items: int  # distinct items of the area in the session's papers
    max_score: float  # points per paper (the mean over candidates: the weight, for exact papers)
    mean_percent: float | None


@dataclass(frozen=True)
class Summary:
    candidates: int
    items: int  # distinct items over all papers
    items_per_paper: float
    max_score: float
    mean: float | None
    sd: float | None  # population SD
    minimum: float | None
    maximum: float | None
    pass_mark: float
    pass_rate: float | None
    histogram_edges: tuple[float, ...]
    histogram_counts: tuple[int, ...]
    reliability: float | None
    reliability_kind: str | None  # "KR-20" | "alpha"
    reliability_by_position: bool  # papers differ: items taken as positions within area and type
    sem: float | None  # standard error of measurement: SD x sqrt(1 - reliability)
    caveats: tuple[Caveat, ...]


@dataclass(frozen=True)
class Analysis:
    summary: Summary
    items: tuple[ItemStats, ...]
    areas: tuple[AreaStats, ...]
    totals: tuple[float, ...]  # each candidate's total, in the matrix's row order


@dataclass(frozen=True)
class SessionAnalysis:
    """One session's analysis with what the screen, the PDF and the CSV print around it."""

    session: str  # code
    room: str
    standard: str  # code
    standard_title: str  # "4-13-99-02 在线学习服务师" (with the 工种 where there is one)
    subtype: str | None
    level: str
    level_name: str
    scheduled_start: str
    pass_mark: int
    area_weights: dict[str, int]  # the level's theory weight table (empty: the standard is not loaded)
    analysis: Analysis
    excluded: dict[str, int] = field(default_factory=dict)  # why papers were left out -> how many
    centre: str = ""  # the centre's name
    analysed_on: str = ""  # ISO date, by the store's clock


def _none_if_nan(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)


def _groups(totals: np.ndarray, present: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Upper and lower 27% groups per item among the candidates who had it, by total score.

    Ties are broken by row order (stable), so the groups are exactly round(0.27 n) each.
    Returns (upper, lower) as bool (candidates, items) and the group size per item."""
    n_item = present.sum(axis=0)
    size = np.maximum(1, np.floor(n_item * GROUP_SHARE + 0.5)).astype(np.int64)
    order = np.argsort(totals, kind="stable")
    ranked = present[order]
    rank = np.cumsum(ranked, axis=0)  # 1-based rank among the item's candidates, lowest first
    lower_ranked = ranked & (rank <= size)
    upper_ranked = ranked & (rank > (n_item - size))
    upper = np.empty_like(present)
    lower = np.empty_like(present)
    upper[order] = upper_ranked
    lower[order] = lower_ranked
    return upper, lower, size


def _item_rest_correlation(x: np.ndarray, w: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Pearson correlation per column of x (zero where absent; w the presence weights) with the
    total minus the item, over the rows present. NaN where either side does not vary."""
    t = totals - totals.mean()  # correlation does not change with a shift; this keeps sums small
    n = w.sum(axis=0)
    sx = x.sum(axis=0)
    sxx = (x * x).sum(axis=0)
    xt = x.T @ t
    st = w.T @ t
    stt = w.T @ (t * t)
    sy = st - sx  # y = t - x over the rows present
    syy = stt - 2 * xt + sxx
    sxy = xt - sxx
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = n * sxy - sx * sy
        vx = n * sxx - sx * sx
        vy = n * syy - sy * sy
        r = cov / np.sqrt(vx * vy)
    r[(vx <= 1e-12 * np.maximum(1, n * sxx)) | (vy <= 1e-12 * np.maximum(1, n * syy))] = np.nan
    return r


def _reliability(x: np.ndarray, present: np.ndarray, items: Sequence[ItemSpec]) -> tuple[
        float | None, str | None, bool, bool]:  # fmt: skip
    """(coefficient, "KR-20" | "alpha", by position, papers parallel).

    When everyone had the same items: Cronbach's alpha over them (KR-20 when every score is 0 or
    the item's maximum: the same number). When papers differ but each holds the same number of items
    of each area, type and points (exact assembly from one blueprint), items are taken as positions
    within those cells, each position's items drawn at random (randomly parallel forms)."""
    n = x.shape[0]
    by_position = not bool(present.all())
    if by_position:
        cells: dict[tuple[str, str, float], list[int]] = {}
        for j, it in enumerate(items):
            cells.setdefault((it.area, it.type, it.max_score), []).append(j)
        blocks, block_maxima = [], []
        for (_area, _type, most), cols in cells.items():
            sub = present[:, cols]
            counts = sub.sum(axis=1)
            if counts.min() != counts.max():
                return None, None, True, False
            if counts[0]:  # each row's items of the cell, in column order: the cell's positions
                blocks.append(x[:, cols][sub].reshape(n, int(counts[0])))
                block_maxima.append(np.full(int(counts[0]), most))
        m = np.hstack(blocks) if blocks else np.zeros((n, 0))
        maxima = np.concatenate(block_maxima) if blocks else np.zeros(0)
    else:
        m = x
        maxima = np.array([it.max_score for it in items])
    k = m.shape[1]
    if k < 2:
        return None, None, by_position, True
    total_var = m.sum(axis=1).var()
    if total_var <= 0:
        return None, None, by_position, True
    alpha = k / (k - 1) * (1 - m.var(axis=0).sum() / total_var)
    dichotomous = bool(np.all((m == 0) | np.isclose(m, maxima[None, :])))
    return float(alpha), ("KR-20" if dichotomous else "alpha"), by_position, True


def stated(totals: np.ndarray) -> np.ndarray:
    """Totals as results state them: rounded half-up to 0.01 (the small nudge absorbs float error)."""
    return np.floor(totals * 100 + 0.5 + 1e-9) / 100


def analyse(matrix: ResponseMatrix, *, pass_mark: float) -> Analysis:
    """Every figure of the item analysis for one session's papers."""
    items = list(matrix.items)
    scores = np.asarray(matrix.scores, dtype=float)
    present = ~np.isnan(scores)
    x = np.where(present, scores, 0.0)
    w = present.astype(float)
    n_cand = scores.shape[0]
    maxima = np.array([it.max_score for it in items], dtype=float)
    totals = x.sum(axis=1)
    paper_max = (w * maxima).sum(axis=1)
    n_item = present.sum(axis=0)
    computable = n_item >= MINIMUM_FOR_DISCRIMINATION

    with np.errstate(invalid="ignore", divide="ignore"):
        p = x.sum(axis=0) / (n_item * maxima)
        omitted = (matrix.omitted & present).sum(axis=0) / n_item
    upper, lower, size = _groups(totals, present) if n_cand else (present, present, np.zeros(len(items), int))
    with np.errstate(invalid="ignore", divide="ignore"):
        p_upper = (x * upper).sum(axis=0) / (size * maxima)
        p_lower = (x * lower).sum(axis=0) / (size * maxima)
    d = np.where(computable, p_upper - p_lower, np.nan)
    r = np.where(computable, _item_rest_correlation(x, w, totals), np.nan) if n_cand else np.full(len(items), np.nan)

    stats = []
    for j, it in enumerate(items):
        options: list[OptionStats] = []
        unused = False
        chosen = matrix.chosen.get(j)
        if it.is_choice and chosen is not None and n_item[j]:
            picked = chosen & present[:, j : j + 1]
            overall = picked.sum(axis=0) / n_item[j]
            up = (picked & upper[:, j : j + 1]).sum(axis=0) / size[j] if computable[j] else None
            low = (picked & lower[:, j : j + 1]).sum(axis=0) / size[j] if computable[j] else None
            for o, label in enumerate(it.options):
                keyed = label in it.keyed
                options.append(OptionStats(label, keyed, float(overall[o]),
                                           None if up is None else float(up[o]),
                                           None if low is None else float(low[o])))  # fmt: skip
                unused = unused or (not keyed and overall[o] == 0)
        flags = []
        dj, pj = _none_if_nan(d[j]), _none_if_nan(p[j])
        if computable[j]:  # on fewer papers a flag would be noise: one candidate makes p 0 or 1
            if dj is not None and dj < 0:
                flags.append(Flag.NEGATIVE_D)
            if pj is not None and pj > EASY_ABOVE:
                flags.append(Flag.TOO_EASY)
            if pj is not None and pj < HARD_BELOW:
                flags.append(Flag.TOO_HARD)
            if unused:
                flags.append(Flag.UNUSED_DISTRACTOR)
        stats.append(ItemStats(it, int(n_item[j]), pj, dj, _none_if_nan(r[j]),
                               _none_if_nan(omitted[j]), tuple(options), tuple(flags)))  # fmt: skip

    areas = []
    for area in dict.fromkeys(it.area for it in items):
        cols = [j for j, it in enumerate(items) if it.area == area]
        earned = x[:, cols].sum(axis=1)
        most = (w[:, cols] * maxima[cols]).sum(axis=1)
        had = most > 0
        percent = float((earned[had] / most[had]).mean() * 100) if had.any() else None
        areas.append(AreaStats(area, len(cols), float(most[had].mean()) if had.any() else 0.0, percent))

    caveats = []
    if n_cand < UNSTABLE_BELOW:
        caveats.append(Caveat.UNSTABLE)
    if n_cand < MINIMUM_FOR_DISCRIMINATION:
        caveats.append(Caveat.TOO_FEW)
    if n_cand >= UNSTABLE_BELOW and len(items) and int(n_item.min()) < UNSTABLE_BELOW:
        caveats.append(Caveat.SPARSE_ITEMS)
    reliability, kind, by_position = None, None, False
    if n_cand >= MINIMUM_FOR_DISCRIMINATION:
        reliability, kind, by_position, parallel = _reliability(x, present, items)
        if not parallel:
            caveats.append(Caveat.PAPERS_NOT_PARALLEL)
    sd = float(totals.std()) if n_cand else None
    sem = sd * math.sqrt(1 - reliability) if sd is not None and reliability is not None and reliability <= 1 else None
    top = float(paper_max.max()) if n_cand else float(maxima.sum())
    edges = np.linspace(0.0, top, HISTOGRAM_BINS + 1) if top > 0 else np.array([0.0, 1.0])
    counts, _ = np.histogram(np.clip(totals, edges[0], edges[-1]), bins=edges)
    summary = Summary(
        candidates=n_cand, items=len(items), items_per_paper=float(w.sum(axis=1).mean()) if n_cand else 0.0,
        max_score=top, mean=float(totals.mean()) if n_cand else None, sd=sd,
        minimum=float(totals.min()) if n_cand else None, maximum=float(totals.max()) if n_cand else None,
        pass_mark=float(pass_mark),
        pass_rate=float((stated(totals) >= pass_mark).mean()) if n_cand else None,
        histogram_edges=tuple(float(e) for e in edges), histogram_counts=tuple(int(c) for c in counts),
        reliability=reliability, reliability_kind=kind, reliability_by_position=by_position, sem=sem,
        caveats=tuple(caveats),
    )  # fmt: skip
    return Analysis(summary, tuple(stats), tuple(areas), tuple(float(t) for t in totals))
