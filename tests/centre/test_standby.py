"""A PostgreSQL centre with a synchronous standby (app/centre/standby.py, docs/centre.md "The standby").

Each test starts two PostgreSQL clusters of its own on loopback, a primary and a standby made with
`init_standby` (what `examdesk centre standby init` runs), a centre service over the primary and
station processes saving through their journals. One kills the primary's PC (PostgreSQL and the
centre service, SIGKILL) and promotes the standby; the other kills the standby and lets the admin
carry on without it, then re-attaches it.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.centre import standby
from app.cli import main
from app.store import seals
from tests.centre.harness import CentreRun, StationRun, free_port
from tests.centre.pg_cluster import PgCluster, cluster_root
from tests.store_fixtures import CANDIDATES, PASSPHRASE, build_world

pytestmark = [pytest.mark.centre, pytest.mark.postgres, pytest.mark.slow]

NAME = "examdesk_standby"
_WAIT = threading.Event()  # never set: a timed wait that works under libfaketime


def _need_postgres() -> None:
    try:
        standby.pg_tool("pg_basebackup")
        standby.pg_tool("initdb")
    except standby.StandbyError as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))  # CI must run the failover; never skip it silently there
        pytest.skip(str(exc))


@dataclass
class Pair:
    root: Path
    primary: PgCluster
    standby: PgCluster
    centre: CentreRun
    world: Any
    standby_service_port: int
    stations: list[StationRun] = field(default_factory=list)

    def station(self, name: str) -> StationRun:
        self.centre.enrol(name, self.root / "pcs" / name)
        self.stations.append(StationRun(self.root / "pcs" / name))
        return self.stations[-1]


@pytest.fixture
def pair() -> Iterator[Pair]:
    _need_postgres()
    root = cluster_root()
    primary = standby_cluster = centre = None
    try:
        primary = PgCluster.primary(root)
        admin = standby.connect(primary.url)
        admin.execute("CREATE DATABASE examdesk")
        admin.close()
        world = build_world(primary.db_url("examdesk"))
        world.db.close()
        assert standby.prepare_primary(primary.url, "127.0.0.1")  # initdb's defaults: nothing or little to do
        standby_port = free_port()
        standby.init_standby(f"127.0.0.1:{primary.port}", root / "standby", port=standby_port, name=NAME)
        standby_cluster = PgCluster(root / "standby", standby_port)
        attached = standby.attach(primary.url, NAME)
        assert attached.synchronous and not attached.held  # a commit now waits for the standby
        (root / "pcs").mkdir()
        service_port = free_port()
        centre = CentreRun(world, root / "centre-data", standby_port=service_port)
        centre.start()
        made = Pair(root, primary, standby_cluster, centre, world, service_port)
        yield made
        for s in made.stations:
            s.close()
    finally:
        if centre is not None:
            centre.stop()
        for cluster in (standby_cluster, primary):
            if cluster is not None:
                cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


def _seat_candidates(pair: Pair, proctor: StationRun, seats: dict[str, StationRun]) -> None:
    session_id = pair.world.session_id
    assert proctor.ask("sign_in", username="proctor1", password="proctor-pass-1") == "proctor"
    rows = {r["ticket"]: r for r in proctor.call("proctor.session_overview", session_id=session_id)}
    for ticket, seat in seats.items():
        proctor.call("proctor.check_in", candidate_id=rows[ticket]["candidate_id"], station=seat_name(seat))
    proctor.call("proctor.start_session", session_id=session_id, early_ok=True)
    for ticket, seat in seats.items():
        assert seat.ask("flow_log_in", ticket=ticket, id_number=CANDIDATES[ticket][1]) == "answering"


def seat_name(seat: StationRun) -> str:
    return seat.name  # type: ignore[attr-defined]


class Saver:
    """A candidate answering without pause in a thread of their own: every step, and which the centre
    acknowledged (with its seq) and which stayed in the station's journal."""

    def __init__(self, seat: StationRun):
        self.seat, self.steps, self.acked = seat, [], []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        while not self._stop.is_set():
            n = len(self.steps)
            slot, value = n % 5, "ABC"[(n // 5) % 3]
            seq = self.seat.ask("flow_answer", slot=slot, value=value)
            self.steps.append((slot, value))
            if seq is not None:
                self.acked.append(seq)
            else:
                self._stop.wait(0.05)  # kept on the PC: a candidate does not answer a hundred times a second

    def start(self) -> Saver:
        """Answering on (a station process takes one command at a time: nobody else uses `seat` meanwhile)."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(120)
            assert not self._thread.is_alive(), "a save never returned"

    def answers_after(self, seq: int) -> dict[str, str]:
        """The paper after the first `seq` steps (a candidate's steps are numbered 1, 2, ...)."""
        paper: dict[str, str] = {}
        for slot, value in self.steps[:seq]:
            paper[str(slot)] = value
        return paper


def _enough(saver: Saver, acked: int) -> None:
    for _ in range(1200):
        if len(saver.acked) >= acked:
            return
        _WAIT.wait(0.05)
    raise AssertionError(f"only {len(saver.acked)} saves acknowledged")


def _journaled(saver: Saver, more: int) -> None:
    """`more` further steps, made while no centre answers (kept in the station's journal)."""
    target = len(saver.steps) + more
    for _ in range(1200):
        if len(saver.steps) >= target:
            return
        _WAIT.wait(0.05)
    raise AssertionError("the station stopped answering while the centre was away")


def test_the_primary_pc_dies_the_standby_is_promoted_and_no_acknowledged_answer_is_lost(pair):
    proctor, seats = _stations(pair, "R101-P", {"T001": "R101-01", "T002": "R101-02"})
    _seat_candidates(pair, proctor, seats)
    savers = {ticket: Saver(seat).start() for ticket, seat in seats.items()}
    for saver in savers.values():
        _enough(saver, 8)

    pair.centre.kill()  # the primary's PC dies: its centre service and its PostgreSQL, mid-save
    pair.primary.kill()
    for saver in savers.values():
        _journaled(saver, 3)  # the candidates answer on, into their stations' journals
        saver.stop()
        assert len(saver.acked) < len(saver.steps)
    last_acked = {ticket: max(saver.acked) for ticket, saver in savers.items()}

    promoted = standby.promote(pair.standby.url)  # what 'examdesk centre promote' does
    assert not promoted.in_recovery and not promoted.synchronous
    standby_centre = pair.centre.on_standby(pair.standby.db_url("examdesk"), pair.standby_service_port)
    standby_centre.start()
    held_seq: dict[str, int] = {}
    try:
        for ticket, seat in seats.items():
            # before the stations replay anything: the promoted standby holds every acknowledged answer
            held = seat.ask("flow_view")
            assert held["seq"] >= last_acked[ticket], ticket
            assert held["answers"] == savers[ticket].answers_after(held["seq"]), ticket
            held_seq[ticket] = held["seq"]
        waiting = {ticket: len(saver.steps) - len(saver.acked) for ticket, saver in savers.items()}
        for ticket, seat in seats.items():
            # another PC's clock: each exam stopped at its last checkpoint (a new clock epoch, as after a
            # reboot); what the journals hold is kept on the PCs, not refused, until the exam runs again.
            # Only a step that was committed but whose reply was lost (in flight at the kill) is
            # acknowledged now, with its first acknowledgement
            in_flight = held_seq[ticket] - last_acked[ticket]
            assert seat.ask("flow_sync") == in_flight <= 1
            waiting[ticket] -= in_flight
            assert seat.ask("flow_status") == {"at_centre": False, "waiting": waiting[ticket]}
        proctor.call("proctor.resume", session_id=pair.world.session_id, attempt_id=None,
                     reason="the centre server failed; the standby took over")  # fmt: skip
        for ticket, seat in seats.items():  # the station's timer: what waits in its journal goes to the standby
            assert seat.ask("flow_sync") == waiting[ticket]  # each step acknowledged (a repeat: its first ack)
            assert seat.ask("flow_status") == {"at_centre": True, "waiting": 0}
        for saver in savers.values():
            saver.start()
            _enough(saver, len(saver.acked) + 5)  # saves are acknowledged again, by the new primary
            saver.stop()
        for ticket, seat in seats.items():
            seat.ask("flow_sync")
            assert seat.ask("flow_status") == {"at_centre": True, "waiting": 0}
            view = seat.ask("flow_view")
            assert view["seq"] == len(savers[ticket].steps)  # each step once, none lost, none twice
            assert view["answers"] == savers[ticket].answers_after(len(savers[ticket].steps))
        overview = proctor.call("proctor.session_overview", session_id=pair.world.session_id)
        rows = {r["ticket"]: r for r in overview if r["ticket"] in seats}
        assert all(r["answered"] == 5 and 0 < r["remaining"] < 5400 for r in rows.values()), rows
    finally:
        for saver in savers.values():
            saver._stop.set()
        standby_centre.stop()


def _stations(pair: Pair, proctor_name: str, seats: dict[str, str]) -> tuple[StationRun, dict[str, StationRun]]:
    proctor = pair.station(proctor_name)
    made = {}
    for ticket, name in seats.items():
        made[ticket] = pair.station(name)
        made[ticket].name = name  # type: ignore[attr-defined]
    return proctor, made


def _carried_on(seat: StationRun, held: Saver, before: int) -> None:
    """After the carry-on action: the held save completes (acknowledged, or kept on the PC if it
    timed out first), the journal goes to the centre, every step is there once, and saves go on."""
    held.stop()
    for _ in range(100):  # the station's timer; the centre service sees the change within its 2 s poll
        seat.ask("flow_sync")
        if seat.ask("flow_status") == {"at_centre": True, "waiting": 0}:
            break
        _WAIT.wait(0.2)
    assert seat.ask("flow_status") == {"at_centre": True, "waiting": 0}
    assert seat.ask("flow_view")["seq"] == before + len(held.steps)
    assert seat.ask("flow_answer", slot=3, value="C") == before + len(held.steps) + 1


def _a_new_connection_opens(pair: Pair) -> None:
    """A connection the centre's pool opens while commits are held gets ready at once: setting up
    its change tracking (a TEMP table) must not wait for the dead standby, or reads and the carry-on
    action hang as soon as the held commits have taken the pooled connections."""
    import psycopg

    raw = psycopg.connect(standby.libpq_conninfo(pair.primary.db_url("examdesk")))  # not autocommit, as the pool's
    ready = threading.Event()

    def track() -> None:
        seals.install_postgres_tracking(raw)
        ready.set()

    threading.Thread(target=track, daemon=True).start()
    try:
        assert ready.wait(10), "a new connection's set-up waits for the dead standby"
    finally:
        if ready.is_set():
            raw.close()


def _state(client: StationRun, interface: str = "admin") -> str:
    return client.call(f"{interface}.standby")["state"]


def test_a_dead_standby_is_seen_within_seconds_and_the_admin_lets_saves_go_on_then_re_attaches_it(
    pair, monkeypatch, capsys
):
    with pytest.raises(standby.StandbyError, match="not a standby"):
        standby.promote(pair.primary.url)  # 'examdesk centre promote' on the wrong PC changes nothing
    with pytest.raises(standby.StandbyError, match="no standby named nobody is streaming"):
        standby.attach(pair.primary.url, "nobody")  # commits would wait forever for it
    assert standby.state(pair.primary.url).synchronous_names == f"ANY 1 ({NAME})"  # unchanged
    proctor, seats = _stations(pair, "R101-P", {"T001": "R101-01"})
    admin = pair.station("ADMIN-PC")
    assert admin.ask("sign_in", username="admin", password="admin-pass-1") == "admin"
    _seat_candidates(pair, proctor, seats)
    seat = seats["T001"]
    assert seat.ask("flow_answer", slot=0, value="B") == 1
    for _ in range(100):
        if _state(admin) == "ok":
            break
        _WAIT.wait(0.1)
    assert _state(admin) == "ok" and _state(proctor, "proctor") == "ok"

    pair.standby.kill()  # the standby's PC dies
    held = Saver(seat).start()  # the candidate answers on: the commit waits for the dead standby
    seen = None
    for tenth in range(150):
        if _state(admin) == "lost":
            seen = tenth / 10
            break
        _WAIT.wait(0.1)
    assert seen is not None and seen < 10, "the dead standby was not noticed within 10 s"
    assert _state(proctor, "proctor") == "lost"  # the proctors are told too
    assert held.acked == []  # the save is held: it is not acknowledged while the standby is away
    _a_new_connection_opens(pair)
    health = httpx.get(f"{pair.centre.address}/health", verify=False, timeout=5).json()
    assert health["standby"] == "lost"  # for the technician's monitoring: answered without the store
    # further steps are turned away at once (503), before they take a worker thread and a connection to
    # wait for the standby too; the station keeps them in its journal
    turned_away = httpx.post(f"{pair.centre.address}/api/candidate/save_answer", json={}, verify=False, timeout=5)
    assert turned_away.status_code == 503 and turned_away.json()["error"]["code"] == "saves_held"

    status = admin.call("admin.detach_standby")  # the carry-on action
    assert status["state"] == "off"
    _carried_on(seat, held, before=1)
    with standby.connect(pair.primary.db_url("examdesk")) as db:
        actions = [r[0] for r in db.execute("SELECT action FROM audit_entries ORDER BY seq").fetchall()]
    assert "centre.standby_detach" in actions

    pair.standby.start()  # the standby PC is back (or a new one: 'examdesk centre standby init')
    for _ in range(300):
        if any(r.name == NAME and r.state == "streaming" for r in standby.state(pair.primary.url).replicas):
            break
        _WAIT.wait(0.1)
    assert admin.call("admin.attach_standby", name=NAME)["state"] == "ok"
    view = seat.ask("flow_view")
    assert seat.ask("flow_answer", slot=4, value="B") == view["seq"] + 1  # saved, on both machines again
    with standby.connect(pair.primary.db_url("examdesk")) as db:
        actions = [r[0] for r in db.execute("SELECT action FROM audit_entries ORDER BY seq").fetchall()]
    assert actions.index("centre.standby_attach") > actions.index("centre.standby_detach")

    # again, with the command line on the centre server: what works when no screen can get through
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-pass-1")
    store = pair.primary.db_url("examdesk")
    pair.standby.kill()
    held = Saver(seat).start()
    for _ in range(150):
        if _state(admin) == "lost":
            break
        _WAIT.wait(0.1)
    assert main(["centre", "standby", "status", "--db", store]) == 1  # exit 1: commits are held
    assert "HELD" in capsys.readouterr().out
    assert main(["centre", "standby", "detach", "--db", store]) == 0
    _carried_on(seat, held, before=view["seq"] + 1)
    assert main(["centre", "standby", "status", "--db", store]) == 0
    with standby.connect(store) as db:
        actions = [r[0] for r in db.execute("SELECT action FROM audit_entries ORDER BY seq").fetchall()]
    assert actions.count("centre.standby_detach") == 2
