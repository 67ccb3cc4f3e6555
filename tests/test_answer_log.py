"""The answer log is read in one place: `derive` folds it, `answer_log.read_logs` reads it from the store."""

from __future__ import annotations

import pytest

from app.domain.attempt_state import Step, StepKind, derive
from app.services.answer_log import read_for_grading, read_log, read_logs
from app.store.models import AttemptStep
from app.store.types import RowBound, step_row
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


def test_a_submit_records_the_answer_sheet_that_grading_reads_instead_of_the_log(world, monkeypatch):
    import app.services.answer_log as answer_log

    world.exam.start_session(world.proctor, world.session_id)
    login = seated_login(world.exam, world.proctor, "T001", CANDIDATES["T001"][1], "PC-01")
    attempt = world.attempts["T001"]
    seq = world.exam.save_answer(login.actor, attempt, 0, 0, "A").seq
    seq = world.exam.save_answer(login.actor, attempt, seq, 1, "C").seq
    seq = world.exam.save_answer(login.actor, attempt, seq, 0, "B").seq  # changed its mind
    seq = world.exam.save_answer(login.actor, attempt, seq, 1, None).seq  # cleared
    seq = world.exam.save_answer(login.actor, attempt, seq, 3, "C").seq
    world.exam.submit(login.actor, attempt)
    with world.db.reader() as s:
        whole = read_log(s, attempt)
    assert whole.sheet == whole.answers == {0: "B", 3: "C"}
    monkeypatch.setattr(answer_log, "answer_value", refused("an answer step was read one by one"))
    with world.db.reader() as s:
        graded = read_for_grading(s, [attempt])[attempt]
    assert (graded.answers, graded.ended, graded.last_seq, graded.graded) == (whole.answers, "candidate", 6, False)


def test_grading_reads_the_whole_log_where_the_sheet_is_missing_or_something_follows_the_submit(world):
    world.exam.start_session(world.proctor, world.session_id)
    logins = {ticket: seated_login(world.exam, world.proctor, ticket, CANDIDATES[ticket][1], f"PC-0{n}")
              for n, ticket in enumerate(("T001", "T002"), 1)}  # fmt: skip
    no_sheet, followed = world.attempts["T001"], world.attempts["T002"]
    for ticket, attempt in (("T001", no_sheet), ("T002", followed)):
        world.exam.save_answer(logins[ticket].actor, attempt, 0, 0, "A")
    world.exam.terminate(world.proctor, no_sheet, "考试中使用手机")  # its submit records no sheet
    world.exam.submit(logins["T002"].actor, followed)
    with world.db.transaction() as s:  # a step after the submit (the log is append-only)
        s.add(AttemptStep(attempt_id=followed, seq=3, kind="answer", slot=0,
                          data=RowBound({"value": "B"}, step_row(followed, 3)), actor="test",
                          epoch=world.db.epoch, mono=world.db.mono(), wall=world.db.wall_now()))  # fmt: skip
    with world.db.reader() as s:
        whole = read_logs(s, [no_sheet, followed])
        graded = read_for_grading(s, [no_sheet, followed])
    assert graded[no_sheet].sheet is None and graded[no_sheet].answers == whole[no_sheet].answers == {0: "A"}
    assert graded[no_sheet].ended == "terminated"
    assert graded[followed].sheet == {0: "A"}  # the sheet says A; the log's last answer, after it, says B
    assert graded[followed].answers == whole[followed].answers == {0: "B"}
    assert (graded[followed].last_seq, graded[no_sheet].last_seq) == (3, 2)


def refused(why):
    def fail(*_args, **_kwargs):
        raise AssertionError(why)

    return fail
