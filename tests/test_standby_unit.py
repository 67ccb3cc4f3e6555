"""A centre's standby without PostgreSQL running: the messages a technician gets, what the watch
concludes from the replication state, and what the admin's and the proctor's screens show
(tests/centre/test_standby.py runs the real thing on two clusters)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.api.client import Client, InProcess
from app.api.errors import ApiError
from app.api.server import Server
from app.centre import standby
from app.centre.standby import Replica, ReplicationState, StandbyWatch, WatchReport
from app.cli import main
from app.services.backend import Backend
from tests.centre.harness import free_port
from tests.store_fixtures import build_world, fresh_url, shared_catalog

STREAMING = Replica("examdesk_standby", "streaming", "quorum")


def test_missing_postgresql_programs_are_named(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(standby, "PG_LIB", tmp_path / "none")
    with pytest.raises(standby.StandbyError, match="the PostgreSQL program pg_basebackup is not installed"):
        standby.init_standby("127.0.0.1:5432", tmp_path / "standby")
    assert not (tmp_path / "standby").exists()  # nothing made before the tools were found


def test_an_unreachable_server_is_named_with_the_reason(capsys):
    port = free_port()  # nothing listens there
    with pytest.raises(standby.StandbyError, match=f"the PostgreSQL server at 127.0.0.1:{port} cannot be reached"):
        standby.state(f"postgresql+psycopg://postgres@127.0.0.1:{port}/examdesk")
    assert main(["centre", "standby", "status", "--db", f"postgresql+psycopg://postgres@127.0.0.1:{port}/x"]) == 1
    assert f"127.0.0.1:{port} cannot be reached" in capsys.readouterr().err


def test_an_unreachable_primary_fails_the_copy_with_pg_basebackups_reason(tmp_path):
    try:
        standby.pg_tool("pg_basebackup")
    except standby.StandbyError:
        pytest.skip("PostgreSQL's programs are not installed here")
    with pytest.raises(standby.StandbyError, match=r"pg_basebackup failed: .*127\.0\.0\.1"):
        standby.init_standby(f"127.0.0.1:{free_port()}", tmp_path / "standby")


def test_wrong_arguments_are_refused_before_anything_runs(tmp_path, capsys):
    with pytest.raises(standby.StandbyError, match="a standby is for a PostgreSQL store"):
        standby.state("sqlite:///examdesk.db")
    with pytest.raises(standby.StandbyError, match="give HOST:PORT"):
        standby.init_standby("examdesk-server", tmp_path / "standby")
    with pytest.raises(standby.StandbyError, match="standby name Standby-1"):
        standby.init_standby("10.0.0.2:5432", tmp_path / "standby", name="Standby-1")
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "PG_VERSION").write_text("15")
    with pytest.raises(standby.StandbyError, match="is not empty"):
        standby.init_standby("10.0.0.2:5432", tmp_path / "used")


def test_the_copied_synchronous_setting_is_dropped_from_the_standby(tmp_path):
    auto = tmp_path / "postgresql.auto.conf"
    auto.write_text("primary_conninfo = 'host=10.0.0.2 application_name=examdesk_standby'\n"
                    "synchronous_standby_names = 'ANY 1 (examdesk_standby)'\n")  # fmt: skip
    standby._strip_auto_conf(auto)
    assert auto.read_text() == "primary_conninfo = 'host=10.0.0.2 application_name=examdesk_standby'\n"


@pytest.mark.parametrize(("setting", "seconds"), [("1min", 60), ("10s", 10), ("500ms", 0.5), ("0", 0), ("2h", 7200)])
def test_durations_as_postgresql_shows_them(setting, seconds):
    assert standby._seconds(setting) == seconds


def test_the_watch_says_lost_when_commits_wait_for_a_standby_that_is_not_there():
    watch = StandbyWatch("postgresql+psycopg://postgres@127.0.0.1:1/x")
    watch._record(ReplicationState(False, "ANY 1 (examdesk_standby)", (STREAMING,)))
    assert watch.report.state == "ok"
    watch._record(ReplicationState(False, "ANY 1 (examdesk_standby)", ()))
    lost = watch.report
    assert lost.state == "lost" and lost.detail == "no standby connected"
    watch._record(ReplicationState(False, "ANY 1 (examdesk_standby)", ()))
    assert watch.report.since == lost.since  # still the same loss
    # a dead PC's connection can look alive until the sender's timeout: the waiting commits give it away
    watch._record(ReplicationState(False, "ANY 1 (examdesk_standby)", (STREAMING,), held_commits=4))
    assert watch.report.state == "lost" and "4 commit(s) waiting" in watch.report.detail
    watch._record(ReplicationState(False, "", ()))
    assert watch.report.state == "off"
    watch._record(ReplicationState(False, "ANY 1 (examdesk_standby)", (Replica("walreceiver", "streaming", "async"),)))
    assert watch.report.state == "lost"  # connected under another name: not synchronous, commits wait


class FakeWatch:
    def __init__(self, state: str):
        self.report = WatchReport(state, "ANY 1 (examdesk_standby)", "2026-03-14T01:30:00+00:00",
                                  "no standby connected")  # fmt: skip

    def poll_now(self) -> WatchReport:
        return self.report


@pytest.fixture
def centre(tmp_path):
    world = build_world(fresh_url("sqlite", tmp_path))
    server = Server(Backend.over(world.db, shared_catalog(), sweep=False))
    admin, proctor = Client(InProcess(server), "ADMIN"), Client(InProcess(server), "R101-P")
    admin.sign_in("admin", "admin-pass-1")
    proctor.sign_in("proctor1", "proctor-pass-1")
    yield server, admin, proctor, world
    world.db.close()


def test_a_sqlite_centre_has_no_standby_to_detach(centre):
    server, admin, proctor, _world = centre
    assert admin.admin.standby() is None and proctor.proctor.standby() is None
    with pytest.raises(ApiError) as refused:
        admin.admin.detach_standby()
    assert refused.value.code == "refused" and "a SQLite centre has no standby" in str(refused.value)
    server.standby_watch = FakeWatch("lost")  # type: ignore[assignment]
    with pytest.raises(ApiError) as refused:
        proctor.admin.detach_standby()  # type: ignore[attr-defined]
    assert refused.value.code == "permission_denied"


def test_the_admin_and_the_proctor_see_a_lost_standby(centre, qtbot):
    from app.ui.admin.stations_tab import StationsTab
    from app.ui.proctor import ProctorConsole

    server, admin, proctor, world = centre
    tab = StationsTab(admin)
    qtbot.addWidget(tab)
    assert tab.standby_status.text() == "" and not tab.standby_timer.isActive()  # no standby: nothing said
    server.standby_watch = FakeWatch("lost")  # type: ignore[assignment]
    assert proctor.proctor.standby().state == "lost"  # type: ignore[union-attr]
    tab.refresh()
    assert "NOT ANSWERING" in tab.standby_status.text() and tab.standby_timer.isActive()
    assert tab.detach_button.isVisibleTo(tab)
    console = ProctorConsole(proctor, world.session_id)
    qtbot.addWidget(console)
    assert console.standby_banner.isVisibleTo(console)
    server.standby_watch = FakeWatch("ok")  # type: ignore[assignment]
    console.refresh()
    tab.refresh()
    assert not console.standby_banner.isVisibleTo(console)
    assert "in step" in tab.standby_status.text() and not tab.detach_button.isVisibleTo(tab)


class SettableWatch:
    def __init__(self) -> None:
        self.report = WatchReport("off", "", "2026-03-14T01:30:00+00:00", "no standby connected")

    def set(self, state: str, names: str = "", detail: str = "no standby connected") -> None:
        self.report = WatchReport(state, names, "2026-03-14T01:30:00+00:00", detail)

    def poll_now(self) -> WatchReport:
        return self.report


def test_the_admin_re_attaches_the_standby_from_the_stations_tab(centre, qtbot, monkeypatch):
    """'Re-attach the standby': offered once commits wait for no standby, with the standby's name
    filled in; a standby that does not stream is refused in the service's words, nothing changed."""
    import contextlib

    from app.services.standby import StandbyService
    from app.store.models import AuditEntry
    from app.ui.admin.stations_tab import StationsTab
    from app.ui.widgets.errors import Ask

    server, admin, _proctor, world = centre
    shown: dict[str, list[str]] = {"errors": [], "questions": []}
    monkeypatch.setattr(Ask, "error", staticmethod(lambda parent, title, text: shown["errors"].append(text)))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda parent, title, text: not shown["questions"].append(text)))
    watch = server.standby_watch = SettableWatch()  # type: ignore[assignment]
    tab = StationsTab(admin)
    qtbot.addWidget(tab)
    assert tab.attach_box.isVisibleTo(tab) and tab.attach_button.isEnabled()
    assert tab.attach_name.text() == standby.DEFAULT_NAME  # nothing known yet: the name `standby init` gives
    watch.set("lost", "ANY 1 (pc2_standby)")
    tab.refresh()
    assert tab.attach_name.text() == "pc2_standby" and not tab.attach_button.isEnabled()  # lost: go on first
    watch.set("off")  # the admin went on without it
    tab.refresh()
    assert tab.attach_button.isEnabled() and tab.attach_name.text() == "pc2_standby"  # the one commits waited for
    tab.attach_button.click()  # this centre is on SQLite: refused as the service says it
    assert len(shown["errors"]) == 1 and "a SQLite centre has no standby" in shown["errors"][0]

    # the same on a PostgreSQL centre, its server stood in for
    replicas: list[Replica] = []
    settings: list[str] = []
    url = "postgresql+psycopg://postgres@10.0.0.2:5432/examdesk"
    monkeypatch.setattr(StandbyService, "_url", lambda self: url)
    monkeypatch.setattr(standby, "connect", lambda url: contextlib.nullcontext(object()))
    monkeypatch.setattr(standby, "read_state", lambda c: ReplicationState(False, "", tuple(replicas)))
    monkeypatch.setattr(standby, "_set_synchronous", lambda c, names: settings.append(names))
    in_step = "pc2_standby streaming/quorum"
    monkeypatch.setattr(standby, "_settled", lambda c, done: watch.set("ok", settings[-1], in_step))
    replicas.append(Replica("pc2_standby", "streaming", "async"))
    watch.set("off", "", "pc2_standby streaming/async")
    tab.attach_name.setText("standby_9")  # the admin's own name is kept over what the tab offers
    tab.refresh()
    assert tab.attach_name.text() == "standby_9"
    tab.attach_button.click()
    assert len(shown["errors"]) == 2
    assert "no standby named standby_9 is streaming from 10.0.0.2:5432" in shown["errors"][1]
    assert settings == [] and "none attached" in tab.standby_status.text()
    tab.attach_name.setText("pc2_standby")
    tab.attach_button.click()
    assert settings == ["ANY 1 (pc2_standby)"] and len(shown["errors"]) == 2
    assert "in step" in tab.standby_status.text() and not tab.attach_button.isEnabled()
    assert "pc2_standby" in shown["questions"][-1]
    with world.db.reader() as s:
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.action.like("centre.standby%")))]
    assert actions == ["centre.standby_attach"]
