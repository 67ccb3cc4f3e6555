"""The staffing screen's duties (issues 13 and 24): an examiner's skill tasks, and the review panel's chair."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.admin.staffing_box import TaskChoice
from tests.ui.test_admin import admin, choose, home, schedule, user_id  # noqa: F401 - fixtures

SHOTS = os.environ.get("EXAMDESK_SHOTS")  # a folder to keep the screenshots in, to look at them


def shoot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def pick(combo, assignment) -> None:
    """Choose (user id, duty) in the assigned-staff list."""
    found = [i for i in range(combo.count()) if tuple(combo.itemData(i)) == assignment]
    assert found, assignment
    combo.setCurrentIndex(found[0])


def test_an_examiners_tasks_are_chosen_on_the_staffing_screen(qtbot, home, admin, answers, monkeypatch):  # noqa: F811
    session_id = schedule(admin, "S-TASKS", part="skill")
    examiners = [user_id(admin, f"examiner{n}") for n in (1, 2, 3)]
    for user in examiners:
        admin.admin.assign_staff(session_id, user, "examiner")
    tasks = [task for task, _area, _title in admin.admin.session_skill_tasks(session_id)]
    home.resize(1366, 768)
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    box = home.sessions.staffing
    assert box.tasks_button.isVisibleTo(box)
    pick(box.remove_choice, (examiners[0], "examiner"))
    assert box.tasks_button.isEnabled()
    offered = {}

    def ask(parent, who, level_tasks, chosen):
        offered.update(who=who, tasks=[t for t, _a, _t in level_tasks], chosen=set(chosen))
        return [tasks[0]]

    monkeypatch.setattr(TaskChoice, "ask", ask)
    qtbot.mouseClick(box.tasks_button, Qt.MouseButton.LeftButton)
    assert answers["errors"] == []
    assert offered == {"who": "考评员一", "tasks": tasks, "chosen": set()}
    assert admin.admin.examiner_tasks(session_id) == [(examiners[0], tasks[0])]  # recorded by the service
    assert f"考评员一 (tasks {tasks[0]})" in box.assigned.text()
    # examiner 1 no longer scores the other tasks: each of them has two examiners, an even panel
    assert any(f"Skill task {tasks[1]}: 2 examiners score it" in text for text in box.finding_texts()), \
        box.finding_texts()
    shoot(home, "staffing-tasks")
    # a proctor or a chief has no tasks to choose
    admin.admin.assign_staff(session_id, user_id(admin, "chief"), "chief")
    box.show_session(box.info, box.users)
    pick(box.remove_choice, (user_id(admin, "chief"), "chief"))
    assert not box.tasks_button.isEnabled()


def test_the_review_panels_chair_is_assigned_and_removed_on_the_staffing_screen(qtbot, home, admin,  # noqa: F811
                                                                                answers):  # fmt: skip
    session_id = schedule(admin, "R-CHAIR", part="review", level="2")
    for n in (1, 2, 3):
        admin.admin.assign_staff(session_id, user_id(admin, f"examiner{n}"), "review")
    home.resize(1366, 768)
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    box = home.sessions.staffing
    assert any("has no chair" in text for text in box.finding_texts()), box.finding_texts()
    choose(box.duty, "chief")
    assert box.duty.currentText() == "Review panel chair"
    chief = user_id(admin, "chief")
    choose(box.user, chief)
    qtbot.mouseClick(box.assign_button, Qt.MouseButton.LeftButton)
    assert answers["errors"] == []
    assert (chief, "chief") in admin.admin.session_staff(session_id)
    assert not any("chair" in text for text in box.finding_texts())
    assert "Review panel chair: 主考评员" in box.assigned.text()
    shoot(home, "staffing-chair")
    pick(box.remove_choice, (chief, "chief"))
    answers["confirm"].append(True)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert (chief, "chief") not in admin.admin.session_staff(session_id)
    assert any("has no chair" in text for text in box.finding_texts()), box.finding_texts()


def test_the_examiner_screen_lists_only_the_examiners_own_tasks(qtbot, admin, signed_in):  # noqa: F811
    from app.ui.examiner.home import ExaminerHome
    from tests.ui.test_admin import session_by_code

    skill = session_by_code(admin, "DEMO-S5").id
    examiner = signed_in("examiner1")
    screen = ExaminerHome(examiner)
    qtbot.addWidget(screen)
    before = {item.title for item in screen.scoring.all_items}
    assert len(before) > 1  # every task of the session, while no tasks are assigned
    task_id, _area, title = next(t for t in admin.admin.session_skill_tasks(skill) if t[2] in before)
    admin.admin.assign_examiner_tasks(skill, user_id(admin, "examiner1"), [task_id])
    screen.reload()
    assert screen.scoring.all_items and {item.title for item in screen.scoring.all_items} == {title}
    others = signed_in("examiner2").examiner.worklist(skill)  # the others keep all (the written tab lists these)
    assert {item.title for item in others if item.mode == "written"} == before
