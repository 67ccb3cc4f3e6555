"""Item analysis (issue 22): hand-worked examples, a published KR-20 example, scipy's point-biserial."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import pointbiserialr

from app.domain.item_analysis import (
    Caveat,
    Flag,
    ItemSpec,
    ResponseMatrix,
    analyse,
)
from app.domain.item_versions import content_digest, item_version_key

# Wuensch, "The Kuder-Richardson 20" (East Carolina University, StatHelp/KR20.txt): ten students,
# a ten-item quiz scored 0/1. Published: p = .7 .7 .6 .7 .6 .8 .7 .7 .5 .6, sum of pq = 2.18,
# variance of the totals 5.84, so KR-20 = 10/9 x (1 - 2.18/5.84) = .696.
WUENSCH = np.array([
    [1, 1, 1, 1, 1, 1, 0, 1, 1, 0],  # A  8
    [1, 0, 1, 1, 0, 1, 1, 1, 0, 1],  # B  7
    [1, 1, 1, 1, 0, 1, 1, 0, 0, 1],  # C  7
    [0, 0, 1, 0, 0, 0, 1, 0, 0, 0],  # D  2
    [0, 0, 0, 0, 0, 1, 0, 0, 1, 0],  # E  2
    [1, 1, 1, 0, 1, 1, 1, 1, 1, 1],  # F  9
    [1, 1, 0, 1, 1, 1, 0, 1, 1, 1],  # G  8
    [1, 1, 1, 1, 1, 1, 1, 1, 0, 1],  # H  9
    [0, 1, 0, 1, 1, 1, 1, 1, 0, 1],  # I  7
    [1, 1, 0, 1, 1, 0, 1, 1, 1, 0],  # J  7
], dtype=float)  # fmt: skip


def tf_items(k: int, area: str = "甲") -> list[ItemSpec]:
    return [ItemSpec(f"I{j + 1}", area, "truefalse", 1.0) for j in range(k)]


def dense(scores: np.ndarray, items: list[ItemSpec] | None = None) -> ResponseMatrix:
    items = items or tf_items(scores.shape[1])
    return ResponseMatrix(items, scores.astype(float), np.zeros(scores.shape, dtype=bool))


def test_the_published_kr20_example():
    result = analyse(dense(WUENSCH), pass_mark=6)
    s = result.summary
    assert [round(i.p, 2) for i in result.items] == [0.7, 0.7, 0.6, 0.7, 0.6, 0.8, 0.7, 0.7, 0.5, 0.6]
    assert sum(i.p * (1 - i.p) for i in result.items) == pytest.approx(2.18)
    assert s.sd**2 == pytest.approx(5.84)
    assert s.reliability_kind == "KR-20"
    assert s.reliability == pytest.approx(10 / 9 * (1 - 2.18 / 5.84))
    assert round(s.reliability, 3) == 0.696
    assert s.sem == pytest.approx(np.sqrt(5.84) * np.sqrt(1 - s.reliability))
    assert s.mean == pytest.approx(6.6)
    assert s.pass_rate == pytest.approx(0.8)  # 8 of 10 have 6 or more
    assert s.caveats == (Caveat.UNSTABLE,)  # 10 candidates: computed, but unstable


def test_upper_and_lower_groups_worked_by_hand():
    """27% of 10 is 3 per group. By total, lowest first, ties in row order: D(2) E(2) B(7) C I J
    (7) A G(8) F H(9): the lower group is D, E, B; the upper group G, F, H."""
    items = analyse(dense(WUENSCH), pass_mark=6).items
    # item 1: lower D0 E0 B1 = 1/3, upper G1 F1 H1 = 1
    assert items[0].d == pytest.approx(2 / 3)
    # item 3: lower D1 E0 B1 = 2/3, upper G0 F1 H1 = 2/3
    assert items[2].d == pytest.approx(0)
    # item 9: lower D0 E1 B0 = 1/3, upper G1 F1 H0 = 2/3
    assert items[8].d == pytest.approx(1 / 3)


def test_the_corrected_item_total_correlation_is_scipys_point_biserial():
    rng = np.random.default_rng(5)
    ability = rng.normal(size=200)
    scores = (rng.random((200, 12)) < 1 / (1 + np.exp(-(ability[:, None] - rng.normal(size=12))))).astype(float)
    result = analyse(dense(scores), pass_mark=6)
    totals = scores.sum(axis=1)
    for j, stats in enumerate(result.items):
        expected = pointbiserialr(scores[:, j], totals - scores[:, j]).statistic
        assert stats.r == pytest.approx(expected, abs=1e-12)


def test_with_papers_that_differ_each_item_counts_the_candidates_who_had_it():
    rng = np.random.default_rng(9)
    scores = (rng.random((300, 8)) < 0.6).astype(float)
    scores[:, 1] = (scores[:, 0] + scores[:, 2] + scores[:, 3] >= 2).astype(float)  # a correlated item
    scores[rng.random((300, 8)) < 0.3] = np.nan  # each paper holds about 70% of the items
    result = analyse(dense(scores), pass_mark=4)
    totals = np.nansum(scores, axis=1)
    for j, stats in enumerate(result.items):
        had = ~np.isnan(scores[:, j])
        assert stats.n == had.sum()
        assert stats.p == pytest.approx(scores[had, j].mean())
        expected = pointbiserialr(scores[had, j], totals[had] - scores[had, j]).statistic
        assert stats.r == pytest.approx(expected, abs=1e-12)


def test_cronbachs_alpha_for_partial_credit_worked_by_hand():
    """Three items out of 2 points; the four rows repeated three times (population variances do
    not change): item variances .6875 + .5 + .25 = 1.4375, total variance 3.1875,
    alpha = 3/2 x (1 - 1.4375/3.1875) = .8235."""
    rows = np.array([[2, 1, 0], [1, 1, 1], [2, 2, 1], [0, 0, 0]] * 3, dtype=float)
    items = [ItemSpec(f"F{j}", "甲", "fill", 2.0) for j in range(3)]
    s = analyse(dense(rows, items), pass_mark=3).summary
    assert s.reliability_kind == "alpha"  # scores of 1 out of 2: not dichotomous
    assert s.reliability == pytest.approx(1.5 * (1 - 1.4375 / 3.1875))
    assert s.sd**2 == pytest.approx(3.1875)


def test_dichotomous_items_of_two_points_still_give_kr20():
    s = analyse(dense(WUENSCH * 2, [ItemSpec(f"S{j}", "甲", "single", 2.0) for j in range(10)]), pass_mark=12).summary
    assert s.reliability_kind == "KR-20"
    assert s.reliability == pytest.approx(10 / 9 * (1 - 2.18 / 5.84))


def test_difficulty_omissions_and_option_shares_worked_by_hand():
    """One single-choice item (key B), ten candidates; a 判断题 makes the totals.
    Rows by total: the 判断题 gives candidates 6..9 one more point."""
    item = ItemSpec("Q1", "甲", "single", 2.0, ("A", "B", "C", "D"), frozenset({"B"}))
    other = ItemSpec("Q2", "甲", "truefalse", 1.0)
    responses = ["A", "A", None, "C", "B", "A", "B", "B", "B", "B"]
    rows = [{"Q1": (2.0 if r == "B" else 0.0, r), "Q2": (1.0 if i >= 6 else 0.0, i >= 6)}
            for i, r in enumerate(responses)]
    result = analyse(ResponseMatrix.from_rows([item, other], rows), pass_mark=2)
    q1 = result.items[0]
    assert q1.p == pytest.approx(0.5)  # 5 of 10 right
    assert q1.omitted == pytest.approx(0.1)
    shares = {o.label: (o.share, o.upper, o.lower) for o in q1.options}
    # totals: 0 0 0 0 2 0 3 3 3 3 -> lower group rows 0, 1, 2 (A, A, omitted); upper rows 7, 8, 9 (B, B, B)
    assert shares["A"] == (pytest.approx(0.3), 0.0, pytest.approx(2 / 3))
    assert shares["B"] == (pytest.approx(0.5), 1.0, 0.0)
    assert shares["C"] == (pytest.approx(0.1), 0.0, 0.0)
    assert shares["D"] == (0.0, 0.0, 0.0)
    assert q1.d == pytest.approx(1.0)
    assert Flag.UNUSED_DISTRACTOR in q1.flags  # nobody chose D
    assert [o.keyed for o in q1.options] == [False, True, False, False]


def test_flags():
    rng = np.random.default_rng(3)
    n = 60
    ability = np.sort(rng.normal(size=n))
    good = (ability > 0).astype(float)  # the stronger half right
    reversed_ = (ability < 0).astype(float)  # the weaker half right: D < 0
    easy = np.ones(n)
    easy[0] = 0  # p = 59/60 > .95
    hard = np.zeros(n)
    hard[-5:] = 1  # p = 5/60 < .20
    scores = np.column_stack([good, good, good, reversed_, easy, hard])
    flags = {i.item.id: set(i.flags) for i in analyse(dense(scores), pass_mark=3).items}
    assert flags["I1"] == set()
    assert flags["I4"] == {Flag.NEGATIVE_D}
    assert flags["I5"] == {Flag.TOO_EASY}
    assert flags["I6"] == {Flag.TOO_HARD}


def test_at_thirty_candidates_and_more_there_is_no_warning():
    rng = np.random.default_rng(1)
    s = analyse(dense((rng.random((30, 5)) < 0.5).astype(float)), pass_mark=3).summary
    assert s.caveats == ()
    assert s.reliability is not None


def test_under_ten_candidates_neither_d_nor_reliability_is_computed():
    result = analyse(dense(WUENSCH[:9]), pass_mark=6)
    assert result.summary.caveats == (Caveat.UNSTABLE, Caveat.TOO_FEW)
    assert result.summary.reliability is None and result.summary.sem is None
    assert all(i.d is None and i.r is None for i in result.items)
    assert all(o.upper is None for i in result.items for o in i.options)
    assert all(i.flags == () for i in result.items)
    everyone_right = np.column_stack([WUENSCH[:, :3], np.ones(10)])
    assert analyse(dense(everyone_right[:9]), pass_mark=2).items[3].flags == ()  # p = 1 on 9 papers: no flag
    assert analyse(dense(everyone_right), pass_mark=2).items[3].flags == (Flag.TOO_EASY,)  # on 10 it is
    assert result.items[0].p == pytest.approx(6 / 9)  # p, the mean and the histogram still are
    assert result.summary.mean == pytest.approx(WUENSCH[:9].sum() / 9)
    assert sum(result.summary.histogram_counts) == 9


def test_an_item_on_fewer_than_ten_papers_has_no_d_even_in_a_large_session():
    rng = np.random.default_rng(2)
    scores = (rng.random((40, 3)) < 0.5).astype(float)
    scores[9:, 2] = np.nan  # the third item was on 9 papers only
    result = analyse(dense(scores), pass_mark=2)
    assert result.items[2].n == 9 and result.items[2].d is None and result.items[2].r is None
    assert result.items[0].d is not None
    assert Caveat.SPARSE_ITEMS in result.summary.caveats


def test_randomly_parallel_papers_give_reliability_by_position():
    """Two items of each cell per paper, drawn from four: alpha over the positions."""
    rng = np.random.default_rng(4)
    n = 50
    items = [ItemSpec(f"T{j}", "甲", "truefalse", 1.0) for j in range(4)] + [
        ItemSpec(f"S{j}", "乙", "single", 2.0) for j in range(4)]  # fmt: skip
    ability = rng.normal(size=n)
    full = (rng.random((n, 8)) < 1 / (1 + np.exp(-ability[:, None]))) * np.array([1.0] * 4 + [2.0] * 4)
    scores = np.full((n, 8), np.nan)
    positions = np.zeros((n, 4))
    for i in range(n):
        tf = np.sort(rng.choice(4, 2, replace=False))
        sc = np.sort(rng.choice(4, 2, replace=False)) + 4
        scores[i, tf], scores[i, sc] = full[i, tf], full[i, sc]
        positions[i] = np.concatenate([full[i, tf], full[i, sc]])
    s = analyse(dense(scores, items), pass_mark=3).summary
    expected = 4 / 3 * (1 - positions.var(axis=0).sum() / positions.sum(axis=1).var())
    assert s.reliability_by_position
    assert s.reliability == pytest.approx(expected)
    assert s.reliability_kind == "KR-20"
    assert s.items_per_paper == 4

    scores[0, 0] = 1.0  # one paper with an extra 判断题: papers no longer parallel
    s = analyse(dense(scores, items), pass_mark=3).summary
    assert s.reliability is None and Caveat.PAPERS_NOT_PARALLEL in s.caveats


def test_area_means_and_histogram():
    items = [ItemSpec("A1", "甲", "truefalse", 1.0), ItemSpec("A2", "甲", "truefalse", 1.0),
             ItemSpec("B1", "乙", "single", 2.0)]  # fmt: skip
    scores = np.array([[1, 1, 2], [1, 0, 0], [0, 0, 2], [1, 1, 0]], dtype=float)
    result = analyse(dense(scores, items), pass_mark=2)
    areas = {a.area: a for a in result.areas}
    assert areas["甲"].mean_percent == pytest.approx(62.5)  # (2 + 1 + 0 + 2) / 8
    assert areas["乙"].mean_percent == pytest.approx(50)
    assert areas["甲"].max_score == 2 and areas["乙"].max_score == 2
    s = result.summary
    assert s.max_score == 4 and s.histogram_edges[0] == 0 and s.histogram_edges[-1] == 4
    assert sum(s.histogram_counts) == 4 and s.histogram_counts[-1] == 1  # the perfect score in the last bin
    assert s.pass_rate == pytest.approx(0.75)  # totals 4, 1, 2, 2 against a pass mark of 2


def test_content_digest_ignores_option_order_and_names_the_version():
    a = content_digest("single", "题干", ["甲", "乙", "丙"], ["乙"])
    assert a == content_digest("single", "题干", ["丙", "甲", "乙"], ["乙"])
    assert a != content_digest("single", "题干", ["甲", "乙", "丙"], ["丙"])
    assert a != content_digest("single", "题干。", ["甲", "乙", "丙"], ["乙"])
    assert item_version_key("ols-l5", "3", "OLS-1", a) == f"ols-l5@3/OLS-1#{a[:12]}"
    assert item_version_key("", "", "OLS-1", a).startswith("?@?/OLS-1#")
