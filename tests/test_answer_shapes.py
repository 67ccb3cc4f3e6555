"""Answers are checked against their item's type when saved; grading never fails on a stored answer."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.answers import MAX_TEXT_BYTES, answer_problem
from app.domain.items import Item, ItemType
from app.domain.scoring import score_objective

LABELS = ("A", "B", "C", "D")


@pytest.mark.parametrize(
    ("kind", "answer"),
    [
        ("single", "B"), ("multiple", ["A", "C"]), ("multiple", []), ("truefalse", False),
        ("fill", "答案"), ("fill", ["一", "二"]), ("short", "我的回答"), ("case", "x" * MAX_TEXT_BYTES),
        ("task", "操作记录"), ("single", None), ("multiple", None),
    ],
)  # fmt: skip
def test_answers_the_screen_sends_are_accepted(kind, answer):
    assert answer_problem(kind, LABELS, "第一空____，第二空____。", answer) is None


@pytest.mark.parametrize(
    ("kind", "answer", "problem"),
    [
        ("single", "E", "one of the options A, B, C, D"),
        ("single", {"value": "A"}, "one of the options"),
        ("single", 5, "one of the options"),
        ("multiple", [[1], [2]], "a list of the options"),
        ("multiple", ["A", "A"], "each option once"),
        ("multiple", "A", "a list of the options"),
        ("truefalse", "true", "true or false"),
        ("truefalse", 1, "true or false"),
        ("fill", ["一", "二", "三"], "2 blank(s), the answer has 3"),
        ("fill", [1], "the text of each blank"),
        ("short", ["text"], "a written answer is text"),
        ("short", "长" * (MAX_TEXT_BYTES // 3 + 1), "longer than 64 KiB"),
        ("task", {"steps": []}, "a written answer is text"),
        ("essay", "x", "unknown type"),
    ],
)
def test_odd_answers_are_refused_with_the_rule(kind, answer, problem):
    found = answer_problem(kind, LABELS, "第一空____，第二空____。", answer)
    assert found is not None and problem in found


def _item(kind: ItemType, key) -> Item:  # type: ignore[no-untyped-def]
    return Item(id="Q1", type=kind, area="a", code="1", levels=(), difficulty=2, points=Decimal(2),
                stem="填____", options=(("A", "甲"), ("B", "乙"), ("C", "丙")), key=key)  # fmt: skip


@pytest.mark.parametrize("response", [[[1], [2]], {"a": 1}, 5, [None], {"A": True}, 3.5, [["A"]]])
@pytest.mark.parametrize(("kind", "key"), [(ItemType.SINGLE, "A"), (ItemType.MULTIPLE, ("A", "B")),
                                           (ItemType.TRUEFALSE, True), (ItemType.FILL, (("答",),))])  # fmt: skip
def test_grading_never_fails_on_a_stored_odd_answer(kind, key, response):
    assert score_objective(_item(kind, key), response) == Decimal(0)


ODD_ANSWERS = [[[1], [2]], {"value": "A"}, 5, "E", ["A", "A"], "x" * (MAX_TEXT_BYTES + 1), [None], True]


def test_a_session_with_every_odd_answer_refused_still_closes(tmp_path):
    """Odd answers are refused at save with the question and the rule; the session then closes and grades."""
    from app.services.base import ServiceError
    from tests.store_fixtures import CANDIDATES, build_world, fresh_url, seated_login

    world = build_world(fresh_url("sqlite", tmp_path))
    world.exam.start_session(world.proctor, world.session_id)
    _name, number = CANDIDATES["T001"]
    login = seated_login(world.exam, world.proctor, "T001", number, "PC-01")
    view = world.exam.attempt_view(login.actor, login.attempt_id)
    kinds = [item.get("type") for item in view.items]
    refused = []
    for slot in range(len(kinds)):
        for answer in ODD_ANSWERS:
            try:
                world.exam.save_answer(login.actor, login.attempt_id, view.last_seq, slot, answer)
            except ServiceError as exc:
                refused.append(str(exc))
            else:
                view = world.exam.attempt_view(login.actor, login.attempt_id)
    assert refused and all(message.startswith("question ") for message in refused)
    seq = world.exam.save_answer(login.actor, login.attempt_id, view.last_seq, 0, "B").seq
    assert seq == view.last_seq + 1
    world.exam.submit(login.actor, login.attempt_id)
    world.exam.close_session(world.proctor, world.session_id)  # grading reads every stored step
    world.db.close()
