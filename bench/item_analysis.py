"""Benchmark: the item analysis of 10,000 candidates x 100 items (issue 22).

A synthetic session answered under a Rasch model: 30 判断题 (1 point), 50 单项选择题 and 20 多项选择题
(2 points, four options), 2% of answers omitted, wrong choices spread over the distractors.
Measures `analyse` (every figure: p, D, corrected item-total correlation, omitted rate, option
shares in the 27% groups, flags, histogram, pass rate, KR-20/alpha, SEM, area means) on the full
matrix, and on a sparse one where every candidate had a paper of 60 of the 100 items (papers drawn
per ticket, as ExamDesk's are). Baseline, in the same run and interleaved: `numpy.corrcoef` of the
same matrix's item columns (the 100 x 100 item correlations). Target: under one second.

    .venv/bin/python bench/item_analysis.py [--quick] [--candidates 10000] [--items 100] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

# One BLAS thread: on this 2-core machine a multi-threaded OpenBLAS makes corrcoef swing between
# about 12 ms and 550 ms from run to run, which makes the ratio meaningless. The analysis itself is
# elementwise work and barely uses BLAS. Set the variable yourself to measure otherwise.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402

from app.domain.item_analysis import ItemSpec, ResponseMatrix, analyse  # noqa: E402

AREAS = ("职业道德", "基础知识", "学情分析", "学习支持", "服务评价")


def synthetic(candidates: int, items: int, *, per_paper: int | None, seed: int = 7) -> ResponseMatrix:
    rng = np.random.default_rng(seed)
    n_tf, n_multi = items * 3 // 10, items // 5
    kinds = ["truefalse"] * n_tf + ["single"] * (items - n_tf - n_multi) + ["multiple"] * n_multi
    specs = []
    for j, kind in enumerate(kinds):
        options = () if kind == "truefalse" else ("A", "B", "C", "D")
        keyed = frozenset() if kind == "truefalse" else frozenset({"B"} if kind == "single" else {"A", "C"})
        specs.append(ItemSpec(f"SYN-{j:04d}", AREAS[j % len(AREAS)], kind, 1.0 if kind == "truefalse" else 2.0,
                              options, keyed, f"syn@1/SYN-{j:04d}#0"))  # fmt: skip
    ability = rng.normal(size=candidates)
    difficulty = rng.normal(scale=1.2, size=items)
    right = rng.random((candidates, items)) < 1 / (1 + np.exp(difficulty[None, :] - ability[:, None]))
    omitted = rng.random((candidates, items)) < 0.02
    right &= ~omitted
    maxima = np.array([s.max_score for s in specs])
    scores = right * maxima[None, :]
    if per_paper is not None:  # each candidate's paper: the same share of every area and type cell
        present = np.zeros((candidates, items), dtype=bool)
        cells: dict[tuple[str, str], list[int]] = {}
        for j, s in enumerate(specs):
            cells.setdefault((s.area, s.type), []).append(j)
        for cols in cells.values():
            take = max(1, round(len(cols) * per_paper / items))
            picks = np.argsort(rng.random((candidates, len(cols))), axis=1)[:, :take]
            present[np.arange(candidates)[:, None], np.array(cols)[picks]] = True
        scores = np.where(present, scores, np.nan)
    chosen = {}
    for j, s in enumerate(specs):
        if not s.options:
            continue
        pick = np.zeros((candidates, 4), dtype=bool)
        wrong = ~right[:, j] & ~omitted[:, j]
        if s.type == "single":
            pick[right[:, j], 1] = True
            distractor = rng.choice([0, 2, 3], size=candidates, p=[0.5, 0.35, 0.15])
            pick[np.flatnonzero(wrong), distractor[wrong]] = True
        else:
            pick[right[:, j], 0] = pick[right[:, j], 2] = True
            pick[wrong, 0] = True
            pick[np.flatnonzero(wrong), rng.choice([1, 3], size=candidates)[wrong]] = True
        chosen[j] = pick
    return ResponseMatrix(specs, scores, omitted, chosen)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--candidates", type=int, default=None, help="default 10,000 (quick 2,000)")
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds of each (the median is printed)")
    args = parser.parse_args()
    candidates = args.candidates or (2_000 if args.quick else 10_000)

    full = synthetic(candidates, args.items, per_paper=None)
    sparse = synthetic(candidates, args.items, per_paper=args.items * 6 // 10)
    dense = np.nan_to_num(full.scores)
    analyse(full, pass_mark=60)  # warm-up: first-call costs are not the steady state
    np.corrcoef(dense, rowvar=False)
    timings: dict[str, list[float]] = {"full": [], "sparse": [], "corrcoef": []}
    result = sparse_result = None
    for _ in range(args.rounds):  # interleaved: the machine's noise falls on all three alike
        t0 = time.perf_counter()
        result = analyse(full, pass_mark=60)
        timings["full"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        np.corrcoef(dense, rowvar=False)
        timings["corrcoef"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        sparse_result = analyse(sparse, pass_mark=60)
        timings["sparse"].append(time.perf_counter() - t0)
    assert result is not None and sparse_result is not None
    med = {k: statistics.median(v) for k, v in timings.items()}

    s = result.summary
    print(f"matrix: {candidates:,} candidates x {args.items} items; median of {args.rounds} rounds each; "
          f"BLAS threads {os.environ['OPENBLAS_NUM_THREADS']}")
    print(f"analyse (full papers):   {med['full'] * 1000:8.1f} ms  "
          f"(KR-20 {s.reliability:.3f}, mean {s.mean:.1f}, SD {s.sd:.1f}, "
          f"{sum(1 for i in result.items if i.flags)} items flagged)")  # fmt: skip
    ss = sparse_result.summary
    print(f"analyse (60-item papers): {med['sparse'] * 1000:7.1f} ms  "
          f"({ss.reliability_kind} by position {ss.reliability:.3f}, {ss.items_per_paper:.0f} items per paper)")
    print(f"numpy.corrcoef of the item columns: {med['corrcoef'] * 1000:8.1f} ms")
    print(f"ratio (analyse / corrcoef): full {med['full'] / med['corrcoef']:.2f}, "
          f"sparse {med['sparse'] / med['corrcoef']:.2f}")
    print(f"target: {candidates:,} x {args.items} under 1 s -> {'met' if med['full'] < 1.0 else 'NOT met'} "
          f"({med['full'] / 1.0:.2f} of the budget; sparse {med['sparse'] / 1.0:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
