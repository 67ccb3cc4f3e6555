"""The answer log is read in one place: `derive` folds it, `answer_log.read_logs` reads it from the store."""

from __future__ import annotations

import pytest

from app.domain.attempt_state import Step, StepKind, derive
from app.services.answer_log import read_log, read_logs
from tests.store_fixtures import CANDIDATES, seated_login


def test_the_fold_keeps_last_answers_flags_and_the_first_submit():
    steps = [
        Step(1, "answer", 0, "A"), Step(2, "answer", 1, ["A", "C"]), Step(3, "clear", 1, None),
        Step(4, StepKind.FLAG, 2, None), Step(5, "focus", None, None), Step(6, "answer", 0, "B"),
        Step(7, "submit", None, {"reason": "time"}), Step(8, "submit", None, {"reason": "candidate"}),
        Step(9, "grade", None, {"score": "2"}),
    ]  # fmt: skip
    state = derive(steps)
    assert (state.answers, state.flagged, state.focus_losses, state.last_seq) == ({0: "B"}, {2}, 1, 9)
    assert (state.submitted, state.ended, state.began, state.graded) == (True, "time", True, True)
    assert derive([Step(1, "submit", None, None)]).ended == "submitted"  # a submit that gives no reason
    empty = derive([])
    assert (empty.began, empty.ended, empty.graded) == (False, None, False)


def test_a_whole_log_has_no_gap_a_partial_one_may():
    with pytest.raises(ValueError, match="gap"):
        derive([Step(1, "answer", 0, "A"), Step(3, "submit", None, {"reason": "candidate"})])
    partial = derive([Step(1, "answer", 0, "A"), Step(3, "submit", None, {"reason": "candidate"})], whole=False)
    assert (partial.began, partial.ended) == (True, "candidate")


def test_the_store_reads_whole_and_partial_logs_alike(world):
    world.exam.start_session(world.proctor, world.session_id)
    login = seated_login(world.exam, world.proctor, "T001", CANDIDATES["T001"][1], "PC-01")
    attempt = world.attempts["T001"]
    seq = world.exam.save_answer(login.actor, attempt, 0, 0, "A").seq
    seq = world.exam.save_answer(login.actor, attempt, seq, 1, "C").seq
    seq = world.exam.save_answer(login.actor, attempt, seq, 1, None).seq
    seq = world.exam.set_flag(login.actor, attempt, seq, 2, True).seq
    world.exam.submit(login.actor, attempt)
    other = seated_login(world.exam, world.proctor, "T002", CANDIDATES["T002"][1], "PC-02")
    begun = world.attempts["T002"]
    world.exam.save_answer(other.actor, begun, 0, 3, "B")
    never = 10**6  # no step at all
    with world.db.reader() as s:
        whole = read_log(s, attempt)
        assert (whole.answers, whole.flagged, whole.ended, whole.last_seq) == ({0: "A"}, {2}, "candidate", 5)
        partial = read_logs(s, [attempt, begun, never], kinds=(StepKind.SUBMIT,))
    assert (partial[attempt].began, partial[attempt].ended, partial[attempt].answers) == (True, "candidate", {})
    assert (partial[begun].began, partial[begun].ended, partial[begun].answers) == (True, None, {})
    assert (partial[never].began, partial[never].ended) == (False, None)  # no step: the empty log
    assert world.exam.attempt_view(login.actor, attempt).answers == {0: "A"}
