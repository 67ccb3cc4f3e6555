"""Per-task examiner duties (issue 13): an examiner assigned to some skill tasks of a session reads
and scores only those; each task's examiners form its panel (at least 3, odd), which the start and
the finalize check; the chief sees every task."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.base import Conflict, PermissionDenied, ServiceError
from app.services.exam import StandardRuleRefused
from tests.test_session_rules import people, proctor, schedule, staff


def _divided(world, per_task=(3, 3)):
    """A skill session whose one candidate's paper has two of the level's tasks, with three
    examiners on each task (or as `per_task` says) and a chief; the paper submitted."""
    sid = schedule(world, part="skill", minutes=105)
    people(world, sid, 1)
    tasks = [task for task, _area, _title in world.scoring.session_skill_tasks(world.admin, sid)][:2]
    crews = [staff(world, sid, "examiner", count) for count in per_task]
    [boss] = staff(world, sid, "chief", 1)
    for task, crew in zip(tasks, crews, strict=True):
        for examiner in crew:
            world.scoring.assign_examiner_tasks(world.admin, sid, examiner.id, [task])
    [row] = world.exam.roster(world.admin, sid)
    entries = [{"slot": n, "id": task, "type": "task", "area": "学情分析", "points": "50", "stem": f"任务{n}\n说明",
                "minutes": 50, "rubric": [["p", "10"]], "key": None} for n, task in enumerate(tasks)]  # fmt: skip
    attempt = world.exam.prepare_attempt(world.admin, row.candidate_id, {"seed": "k", "items": entries}, 6300)
    return sid, attempt, tasks, crews, boss


def _submit(world, sid, attempt):
    world.exam.start_session(proctor(world, sid), sid)
    world.exam.submit(proctor(world, sid), attempt, reason="ended for the test")


def test_an_examiner_reads_and_scores_only_the_tasks_assigned_to_them(world):
    sid, attempt, tasks, (first, second), boss = _divided(world)
    _submit(world, sid, attempt)
    scoring = world.scoring
    assert [w.slot for w in scoring.worklist(first[0], sid)] == [0]
    assert [w.slot for w in scoring.worklist(second[0], sid)] == [1]
    assert [w.slot for w in scoring.worklist(boss, sid)] == [0, 1]  # the chief arbitrates every task
    with pytest.raises(PermissionDenied, match=f"skill task {tasks[1]} is not among the tasks assigned to you"):
        scoring.score_task(first[0], attempt, 1, {0: Decimal(5)})
    with pytest.raises(PermissionDenied, match=f"skill task {tasks[1]}"):
        scoring.answer_for(first[0], attempt, 1)
    assert scoring.answer_for(first[0], attempt, 0) is None  # their own task: read, nothing was saved


def test_each_task_is_finalized_with_its_own_examiners(world):
    sid, attempt, _tasks, crews, boss = _divided(world)
    _submit(world, sid, attempt)
    for slot, crew in enumerate(crews):
        for examiner in crew:
            world.scoring.score_task(examiner, attempt, slot, {0: Decimal(8)})
    # six examiners in all, three per task: no task waits for the other task's examiners
    assert world.scoring.finalize(boss, attempt) == Decimal(80)


def test_a_task_with_an_even_or_too_small_panel_does_not_start(world):
    sid, _attempt, tasks, _crews, _boss = _divided(world, per_task=(3, 2))
    with pytest.raises(StandardRuleRefused, match=f"skill task {tasks[1]} is scored by 2 examiner\\(s\\); each task "
                                                  "needs at least 3, an odd number"):  # fmt: skip
        world.exam.start_session(proctor(world, sid), sid)


def test_assigning_tasks_is_the_admins_checks_the_task_and_stops_once_the_examiner_has_scored(world):
    sid, attempt, tasks, (first, _second), _boss = _divided(world)
    with pytest.raises(PermissionDenied):
        world.scoring.assign_examiner_tasks(first[0], sid, first[0].id, tasks)
    with pytest.raises(ServiceError, match="no skill task NOPE for session X"):
        world.scoring.assign_examiner_tasks(world.admin, sid, first[0].id, ["NOPE"])
    assert (first[0].id, tasks[0]) in world.scoring.examiner_tasks(world.admin, sid)
    _submit(world, sid, attempt)
    world.scoring.score_task(first[0], attempt, 0, {0: Decimal(8)})
    with pytest.raises(Conflict, match="has already scored in this session: the tasks stay"):
        world.scoring.assign_examiner_tasks(world.admin, sid, first[0].id, tasks)


def test_an_examiner_without_tasks_scores_every_task_and_only_a_skill_session_divides_tasks(world):
    sid, attempt, tasks, (first, _second), _boss = _divided(world, per_task=(3, 2))
    world.scoring.assign_examiner_tasks(world.admin, sid, first[0].id, [])  # back to every task: 3 on each
    assert all(user != first[0].id for user, _task in world.scoring.examiner_tasks(world.admin, sid))
    _submit(world, sid, attempt)
    assert [w.slot for w in world.scoring.worklist(first[0], sid)] == [0, 1]
    theory = schedule(world, "T")
    [examiner] = staff(world, theory, "examiner", 1)
    with pytest.raises(Conflict, match="is not a skill assessment"):
        world.scoring.assign_examiner_tasks(world.admin, theory, examiner.id, tasks[:1])
