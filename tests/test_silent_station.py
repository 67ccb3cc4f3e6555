"""A candidate station that falls silent within one boot of the centre: its time keeps running (a
pulled cable gains nothing), and the proctor sees the silence and how long it has lasted
(docs/centre.md, "A station that falls silent")."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt

from app.api.types import CandidateRow
from app.services.exam import ExamService
from app.store.clock import FakeMachineClock
from app.ui.proctor.grid_model import SILENT_AFTER, CandidateGridModel, Column
from tests.store_fixtures import CANDIDATES, seated_login, shared_catalog


def _row(world, exam=None):
    exam = exam or world.exam
    return {r.ticket: r for r in exam.session_overview(world.proctor, world.session_id)}["T001"]


def test_a_silent_stations_time_runs_on_and_the_console_says_since_when(world):
    machine = FakeMachineClock(1000.0, boot="one boot")
    w = world.reopen(machine=machine)
    world.db = w.db
    w.exam.start_session(w.proctor, w.session_id)
    login = seated_login(w.exam, w.proctor, "T001", CANDIDATES["T001"][1], "PC-01")
    console = ExamService(w.db, shared_catalog())  # the proctor's process: its overview cache is warm from here
    assert _row(w, console).heard is None  # not heard from yet
    machine.advance(20)
    w.exam.save_answer(login.actor, login.attempt_id, 0, 0, "B", uuid.uuid4().hex)
    machine.advance(15)
    w.exam.heartbeat(login.actor, login.attempt_id, step_id=uuid.uuid4().hex, station_mono=5.0)
    machine.advance(5)
    row = _row(w, console)
    assert row.heard == pytest.approx(5) and row.since_save == pytest.approx(20)  # the heartbeat is newer
    machine.advance(600)  # the cable is pulled: nothing for ten minutes
    row = _row(w, console)
    assert row.state == "answering" and row.heard == pytest.approx(605)
    assert row.remaining == pytest.approx(5400 - 640)  # the clock did not stop at the last heartbeat
    cold = ExamService(w.db, shared_catalog())  # a console opened only now reads the same
    assert _row(w, cold).heard == pytest.approx(605)


def _grid_row(heard, state="answering"):
    return CandidateRow(1, "T001", "张三", 1, "PC-07", state, 3, 60, 0, 3000.0, 30.0, 0, 0.0, heard)


def test_the_grid_marks_a_silent_station_with_how_long(qtbot):
    model = CandidateGridModel()
    model.update_rows([_grid_row(SILENT_AFTER - 1)])
    at = model.index(0, Column.STATION)
    assert model.data(at) == "PC-07" and model.data(at, Qt.ItemDataRole.BackgroundRole) is None
    changed = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.column(), last.column())))
    model.update_rows([_grid_row(125.4)])
    assert model.data(at) == "PC-07 · silent 2:05"
    assert model.data(at, Qt.ItemDataRole.BackgroundRole) is not None
    assert "2:05" in model.data(at, Qt.ItemDataRole.ToolTipRole)
    assert changed and changed[-1][0] <= Column.STATION <= changed[-1][1]
    model.update_rows([_grid_row(125.4, state="paused")])  # paused: the proctor has acted
    assert model.data(at) == "PC-07"
