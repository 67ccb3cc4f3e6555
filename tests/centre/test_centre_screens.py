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


def test_the_admin_gives_a_code_on_screen_that_enrols_a_pc_and_can_revoke_it(centre, qtbot, monkeypatch):
    from app.centre import tls
    from app.station.enrolment import enrol
    from app.ui.admin.stations_tab import StationsTab
    from app.ui.widgets.errors import Ask

    admin = pc(centre, "ADMIN-2").client()
    admin.sign_in("admin", "admin-pass-1")
    tab = StationsTab(admin)
    qtbot.addWidget(tab)
    tab.station.setText("R103-05")
    tab.code_button.click()
    shown = tab.code.text()
    assert tls.split_code(shown)[1] == tls.fingerprint(centre.ca_pem)  # the CA this admin PC trusts
    root = centre.folder_root  # type: ignore[attr-defined]
    config = enrol(centre.address, shown, "R103-05", root / "R103-05")  # typed at the PC: the CA's fingerprint fits
    assert config.client().public.centre().code == "C01"
    tab.refresh()
    names = [tab.model.rows[n][0] for n in range(len(tab.model.rows))]
    tab.table.selectRow(names.index("R103-05"))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *a, **k: True))
    tab.revoke_button.click()
    assert [s.revoked for s in admin.admin.stations() if s.name == "R103-05"] == [True]
