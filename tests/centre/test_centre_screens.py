"""The same screens in centre mode: the proctor console over HTTPS follows the centre's event stream."""

from __future__ import annotations

import pytest

from app.ui.proctor import ProctorConsole
from tests.centre.conftest import pc
from tests.store_fixtures import CANDIDATES

pytestmark = pytest.mark.centre


def test_the_proctor_console_over_https_shows_a_save_without_waiting_for_its_timer(centre, qtbot):
    proctor = pc(centre, "R102-P").client()
    proctor.sign_in("proctor2", "proctor-pass-2")
    session_id = centre.session_id  # type: ignore[attr-defined]
    rows = {row.ticket: row for row in proctor.proctor.session_overview(session_id)}
    proctor.proctor.check_in(rows["T002"].candidate_id, "R102-02")
    proctor.proctor.start_session(session_id, early_ok=True)
    console = ProctorConsole(proctor, session_id)
    qtbot.addWidget(console)
    console.timer.stop()  # only the event stream may bring the change
    assert console.live is not None
    seat = pc(centre, "R102-02").client()
    login = seat.candidate_sign_in("T002", CANDIDATES["T002"][1])
    seat.candidate.accept_rules()
    view = seat.candidate.attempt_view(login.attempt_id)

    def answered() -> int:
        row = console.model.row_of(rows["T002"].candidate_id)
        assert row is not None
        return console.model.row_at(row).answered

    before = answered()
    seat.candidate.save_answer(login.attempt_id, view.last_seq, 0, "B")
    qtbot.waitUntil(lambda: answered() == before + 1, timeout=5000)
    console.close()
