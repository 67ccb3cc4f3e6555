"""Staffing ratios and minimum durations from the standards' section 1.9."""

from __future__ import annotations

import pytest

from app import paths
from app.banks.standard_file import read_standards
from app.domain.staffing import check_session, cite, examiners_needed, proctors_needed
from app.domain.standards import Part


@pytest.fixture(scope="module")
def standards():
    return read_standards(paths.standards_dir())


@pytest.mark.parametrize(("candidates", "needed"), [(0, 2), (10, 2), (30, 2), (31, 3), (45, 3), (46, 4)])
def test_proctors_one_per_fifteen_and_two_per_room(standards, candidates, needed):
    assert proctors_needed(standards["4-07-03-01"].staffing, candidates) == needed


def test_theory_room_finding_reads_like_the_rule(standards):
    std = standards["4-07-03-01"]
    findings = check_session(std, std.level(4), Part.THEORY, candidates=31, minutes=90, proctors=2)
    assert [str(f) for f in findings] == [
        "4-07-03-01 1.9.3: a theory room has at least 2 proctors and 1 per 15 candidates: 31 candidates need 3, "
        "this session has 2"
    ]
    assert check_session(std, std.level(4), Part.THEORY, candidates=31, minutes=90, proctors=3) == []


def test_career_guidance_skill_needs_one_examiner_per_two_candidates_odd(standards):
    staffing = standards["4-07-03-01"].staffing
    assert examiners_needed(staffing, 4) == 3
    assert examiners_needed(staffing, 7) == 5  # ceil(7/2) = 4, rounded up to odd
    assert examiners_needed(staffing, 30) == 15
    std = standards["4-07-03-01"]
    findings = check_session(std, std.level(3), Part.SKILL, candidates=7, minutes=90, examiners=4)
    assert [f.rule for f in findings] == ["examiners"] and findings[0].required == 5


def test_even_examiner_count_is_refused_even_when_enough(standards):
    std = standards["4-07-03-01"]
    findings = check_session(std, std.level(3), Part.SKILL, candidates=2, minutes=90, examiners=4)
    assert [f.rule for f in findings] == ["examiners_odd"]


def test_review_panel_and_durations(standards):
    vg = standards["4-07-03-01"]
    assert [f.rule for f in check_session(vg, vg.level(2), Part.REVIEW, candidates=5, minutes=29, examiners=3)] == [
        "duration"
    ]
    # 综合评审时间不少于 30 min, per candidate: five candidates take at least 150 minutes
    assert [f.required for f in check_session(vg, vg.level(2), Part.REVIEW, candidates=5, minutes=30,
                                              examiners=3)] == [150]  # fmt: skip
    assert check_session(vg, vg.level(2), Part.REVIEW, candidates=5, minutes=150, examiners=3) == []
    assert check_session(vg, vg.level(2), Part.REVIEW, candidates=0, minutes=30, examiners=3) == []
    assert [f.rule for f in check_session(vg, vg.level(2), Part.REVIEW, candidates=5, minutes=150, examiners=4)] == [
        "review_odd"
    ]
    assert [f.rule for f in check_session(vg, vg.level(4), Part.REVIEW, candidates=5, minutes=30, examiners=3)] == [
        "review_not_required"
    ]
    finding = check_session(vg, vg.level(4), Part.THEORY, candidates=10, minutes=60, proctors=2)[0]
    assert str(finding) == "4-07-03-01 1.9.4: the theory part lasts at least 90 minutes, this session has 60"


def test_surveillance_relaxes_the_proctor_ratio_only_where_the_standard_allows(standards):
    vg, olss = standards["4-07-03-01"], standards["4-13-99-02"]
    assert vg.staffing.surveillance_relaxes_ratio and not olss.staffing.surveillance_relaxes_ratio
    assert check_session(vg, vg.level(4), Part.THEORY, candidates=40, minutes=90, proctors=2, surveilled=True) == []
    assert [f.required for f in check_session(vg, vg.level(4), Part.THEORY, candidates=40, minutes=90, proctors=1,
                                              surveilled=True)] == [2]  # fmt: skip
    assert [f.required for f in check_session(olss, olss.level(5), Part.THEORY, candidates=40, minutes=90,
                                              proctors=2, surveilled=True)] == [3]  # fmt: skip


def test_a_standard_that_borrows_its_rules_cites_where_they_come_from(standards):
    x, olss = standards["570002"], standards["4-13-99-02"]
    assert cite(x, "1.9.4", "min_minutes", x.level("初级"), Part.THEORY) == "570002 (4-13-99-02 (2022) 1.9)"
    assert cite(olss, "1.9.3", "staffing", olss.level(5), Part.THEORY) == "4-13-99-02 1.9.3"
