"""Examiners read what the candidate saved, without learning who the candidate is."""

from __future__ import annotations

import pytest

from app.services.base import PermissionDenied


def test_examiners_read_answers_and_others_cannot(backend, staff):
    examiner = staff("examiner1")
    skill = next(s.id for s in backend.exam.sessions(examiner) if s.code == "DEMO-S5")
    item = backend.scoring.worklist(examiner, skill)[0]
    answer = backend.scoring.answer_for(examiner, item.attempt_id, item.slot)
    assert answer.startswith("一、情况分析")
    with pytest.raises(PermissionDenied):
        backend.scoring.answer_for(staff("proctor1"), item.attempt_id, item.slot)
