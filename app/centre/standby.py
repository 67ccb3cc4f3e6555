"""A PostgreSQL centre's synchronous standby: setting it up, promoting it, and living without it.

The centre store's PostgreSQL (the primary) streams its WAL to a hot standby on a second PC, and
with `synchronous_standby_names = 'ANY 1 (NAME)'` a commit returns only once the standby has it:
an answer the centre acknowledged is on two machines. Three things follow, all handled here:

- the standby must connect under the application name NAME (`pg_basebackup -d application_name=`),
  or it is not synchronous and every commit waits forever;
- a promoted standby keeps the copied `synchronous_standby_names` and its commits would wait for a
  standby of its own that does not exist, so promotion clears it;
- when the standby dies, every commit on the primary waits. `StandbyWatch` polls
  `pg_stat_replication` and says so within seconds; `detach` lets commits go on without a standby
  (a commit that was waiting is already durable on the primary and completes then).

The store's database role needs `pg_monitor` (to read pg_stat_replication) and, to detach, attach
and promote from the centre service, the right to `ALTER SYSTEM` those settings and call
`pg_reload_conf()`/`pg_promote()` (a superuser has them; docs/centre.md gives the grants).
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import shutil
import subprocess
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.errors import UserFacingError
from app.processes import run_bounded

log = logging.getLogger(__name__)

DEFAULT_NAME = "examdesk_standby"
DEFAULT_PORT = 5432
POLL_SECONDS = 2.0  # a dead standby is seen within two polls
HELD_SECONDS = 3  # a commit waiting this long for the standby means the standby is not answering
SENDER_TIMEOUT = "10s"  # the primary drops a standby that went silent (a dead PC sends no FIN)
CONNECT_SECONDS = 3
PG_LIB = Path("/usr/lib/postgresql")  # Debian's and Ubuntu's PostgreSQL programs, one folder per version
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class StandbyError(UserFacingError):
    code = "standby"


@dataclass(frozen=True)
class Replica:
    """One row of the primary's pg_stat_replication."""

    name: str  # application_name
    state: str  # streaming, catchup, ...
    sync_state: str  # sync, quorum, potential, async


@dataclass(frozen=True)
class ReplicationState:
    in_recovery: bool  # this server is itself a standby
    synchronous_names: str  # synchronous_standby_names as set; '' = commits wait for no standby
    replicas: tuple[Replica, ...]
    held_commits: int = 0  # commits that have waited for the standby more than HELD_SECONDS

    @property
    def synchronous(self) -> bool:
        return bool(self.synchronous_names.strip())

    @property
    def held(self) -> bool:
        """Commits wait for a standby and none is streaming synchronously: they wait forever."""
        streaming = any(r.state == "streaming" and r.sync_state in ("sync", "quorum") for r in self.replicas)
        return self.synchronous and (not streaming or self.held_commits > 0)


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise StandbyError("standby name {name}: use 1 to 63 lower-case letters, digits and '_'", name=name)
    return name


def libpq_conninfo(url: str) -> str:
    """A libpq connection string of the store's SQLAlchemy URL (postgresql+psycopg://...)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise StandbyError("{url}: a standby is for a PostgreSQL store; a SQLite centre copies its store "
                           "instead (--copy-to)", url=parsed.render_as_string(hide_password=True))  # fmt: skip
    parts = {"host": parsed.host, "port": parsed.port, "user": parsed.username, "password": parsed.password,
             "dbname": parsed.database}  # fmt: skip
    return " ".join(f"{k}={_quote(str(v))}" for k, v in parts.items() if v)


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def connect(url: str) -> Any:
    """An autocommit connection: reading the replication state and ALTER SYSTEM never wait for a standby."""
    import psycopg

    info = libpq_conninfo(url)
    try:
        return psycopg.connect(info, autocommit=True, connect_timeout=CONNECT_SECONDS)
    except psycopg.OperationalError as exc:
        raise StandbyError("the PostgreSQL server at {server} cannot be reached: {reason}",
                           server=_server_of(url), reason=_first_line(exc)) from None  # fmt: skip


def _server_of(url: str) -> str:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}:{parsed.port or DEFAULT_PORT}"


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def read_state(connection: Any) -> ReplicationState:
    in_recovery = bool(connection.execute("SELECT pg_is_in_recovery()").fetchone()[0])
    names = str(connection.execute("SHOW synchronous_standby_names").fetchone()[0] or "")
    rows = connection.execute("SELECT application_name, state, sync_state FROM pg_stat_replication").fetchall()
    # a standby PC that died without closing its connection still shows as streaming until the
    # sender's timeout; the commits waiting for it show at once
    held = connection.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep' "
                              f"AND now() - query_start > interval '{HELD_SECONDS} seconds'").fetchone()[0]  # fmt: skip
    replicas = tuple(Replica(str(a), str(s or ""), str(y or "")) for a, s, y in rows)
    return ReplicationState(in_recovery, names, replicas, int(held))


def state(url: str) -> ReplicationState:
    with connect(url) as connection:
        return read_state(connection)


def _set_synchronous(connection: Any, names: str) -> None:
    connection.execute(f"ALTER SYSTEM SET synchronous_standby_names = {_literal(names)}")
    connection.execute("SELECT pg_reload_conf()")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def detach(url: str) -> ReplicationState:
    """Commits on the server at `url` no longer wait for a standby (those waiting now complete)."""
    with connect(url) as connection:
        _set_synchronous(connection, "")
        return _settled(connection, lambda s: not s.synchronous)


def attach(url: str, name: str = DEFAULT_NAME) -> ReplicationState:
    """Commits on the primary at `url` wait for the standby `name` again: refused unless that standby
    is streaming now (otherwise every commit would wait from this moment)."""
    check_name(name)
    with connect(url) as connection:
        found = read_state(connection)
        if found.in_recovery:
            raise StandbyError("the server at {server} is a standby itself: attach on the primary",
                               server=_server_of(url))  # fmt: skip
        if not any(r.name == name and r.state == "streaming" for r in found.replicas):
            streaming = ", ".join(f"{r.name} ({r.state})" for r in found.replicas) or "none"
            raise StandbyError("no standby named {name} is streaming from {server} (streaming: {streaming}): "
                               "start it first ('examdesk centre standby init')", name=name,
                               server=_server_of(url), streaming=streaming)  # fmt: skip
        _set_synchronous(connection, f"ANY 1 ({name})")
        return _settled(connection, lambda s: s.synchronous and not s.held)


def promote(url: str) -> ReplicationState:
    """Make the standby at `url` the primary: its commits wait for no standby (it has none), then
    pg_promote(). Refused when it is a primary already."""
    with connect(url) as connection:
        if not read_state(connection).in_recovery:
            raise StandbyError("the server at {server} is not a standby (it is a primary already)",
                               server=_server_of(url))  # fmt: skip
        _set_synchronous(connection, "")  # before: its first commit as a primary must not wait
        promoted = connection.execute("SELECT pg_promote(true, 60)").fetchone()[0]
        if not promoted:
            raise StandbyError("the standby at {server} did not finish promotion within 60 s",
                               server=_server_of(url))  # fmt: skip
        _set_synchronous(connection, "")  # the copied setting may have come back with the reload
        return _settled(connection, lambda s: not s.in_recovery and not s.synchronous)


def _settled(connection: Any, done: Any, seconds: float = 10.0) -> ReplicationState:
    """The state once `done(state)` holds (a reload reaches the server's processes in moments)."""
    waited = threading.Event()
    found = read_state(connection)
    for _ in range(int(seconds / 0.1)):
        if done(found):
            return found
        waited.wait(0.1)
        found = read_state(connection)
    return found


# -- the primary's settings and the standby's data folder ---------------------------------------


def prepare_primary(url: str, standby_host: str) -> list[str]:
    """What the primary needs to feed a standby at `standby_host`: WAL for a replica, senders, and a
    pg_hba.conf line for its replication connection. Returns what was done and what is left to do.
    Commits do not yet wait for the standby: `attach` does that, once the standby streams."""
    done: list[str] = []
    with connect(url) as connection:
        if read_state(connection).in_recovery:
            raise StandbyError("the server at {server} is a standby: prepare the primary", server=_server_of(url))
        restart = False
        if str(connection.execute("SHOW wal_level").fetchone()[0]) not in ("replica", "logical"):
            connection.execute("ALTER SYSTEM SET wal_level = 'replica'")
            done.append("set wal_level = replica")
            restart = True
        if int(connection.execute("SHOW max_wal_senders").fetchone()[0]) < 2:
            connection.execute("ALTER SYSTEM SET max_wal_senders = 5")
            done.append("set max_wal_senders = 5")
            restart = True
        sender_timeout = _seconds(str(connection.execute("SHOW wal_sender_timeout").fetchone()[0]))
        if sender_timeout == 0 or sender_timeout > 10:  # 0: never
            connection.execute(f"ALTER SYSTEM SET wal_sender_timeout = '{SENDER_TIMEOUT}'")
            connection.execute("SELECT pg_reload_conf()")
            done.append(f"set wal_sender_timeout = {SENDER_TIMEOUT}")
        user = str(connection.execute("SELECT current_user").fetchone()[0])
        hba_file = str(connection.execute("SHOW hba_file").fetchone()[0])
        rules = connection.execute("SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database) "
                                   "AND error IS NULL").fetchone()[0]  # fmt: skip
        if not rules:
            line = f"host replication {user} {_cidr(standby_host)} scram-sha-256"
            try:
                with open(hba_file, "a", encoding="utf-8") as hba:
                    hba.write(f"\n# ExamDesk: the centre's standby\n{line}\n")
                connection.execute("SELECT pg_reload_conf()")
                done.append(f"added to {hba_file}: {line}")
            except OSError:
                done.append(f"TO DO: add to {hba_file} and reload PostgreSQL: {line}")
        if restart:
            done.append("TO DO: restart PostgreSQL on this server (wal_level and max_wal_senders need it)")
    return done or ["nothing to change: the primary can feed a standby"]


def _seconds(setting: str) -> float:
    """Seconds of a PostgreSQL duration as SHOW prints it ("1min", "10s", "500ms", "0")."""
    match = re.match(r"^(\d+)\s*(ms|s|min|h|d)?$", setting.strip())
    if not match:
        return 0.0
    scale = {"ms": 0.001, "s": 1, "min": 60, "h": 3600, "d": 86400}[match.group(2) or "ms"]
    return int(match.group(1)) * scale


def _cidr(host: str) -> str:
    import ipaddress

    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host  # a host name: pg_hba.conf accepts it
    return f"{address}/{32 if address.version == 4 else 128}"


def pg_tool(name: str) -> str:
    """The path of a PostgreSQL program (on PATH, or in Debian's /usr/lib/postgresql/N/bin)."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(PG_LIB.glob("*/bin"), key=lambda p: _version_key(p.parent.name))
    for folder in reversed(versions):
        if (folder / name).is_file():
            return str(folder / name)
    raise StandbyError("the PostgreSQL program {tool} is not installed on this PC: install PostgreSQL (the same "
                       "major version as the primary's) first", tool=name)  # fmt: skip


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)) or (0,)


def _run_tool(argv: list[str], *, timeout: float | None = None) -> str:
    """Run a PostgreSQL program; as root, as the OS user postgres (the server refuses to run as root,
    and its data folder must belong to the user that runs it)."""
    command = argv
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(argv)]
    try:
        done = run_bounded(command, timeout)
    except subprocess.TimeoutExpired:
        raise StandbyError("{tool} did not finish within {seconds} s", tool=Path(argv[0]).name,
                           seconds=int(timeout or 0)) from None  # fmt: skip
    if done.returncode != 0:
        reason = done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}"
        raise StandbyError("{tool} failed: {reason}", tool=Path(argv[0]).name, reason=reason)
    return done.stdout


def init_standby(primary: str, data_dir: Path, *, port: int = DEFAULT_PORT, name: str = DEFAULT_NAME,
                 user: str = "postgres", start: bool = True, listen: str = "*") -> list[str]:  # fmt: skip
    """Make `data_dir` a hot standby of the PostgreSQL primary at `primary` (HOST:PORT) that connects
    as `name` (the name the primary's synchronous_standby_names will carry), serving on `port`;
    start it unless `start` is false. The primary must have been prepared (`prepare_primary`)."""
    check_name(name)
    host, _, primary_port = primary.rpartition(":")
    if not host or not primary_port.isdigit():
        raise StandbyError("--primary {primary}: give HOST:PORT of the primary's PostgreSQL", primary=primary)
    if data_dir.exists() and any(data_dir.iterdir()):
        raise StandbyError("{folder} is not empty: give a new folder for the standby's data", folder=str(data_dir))
    basebackup, pg_ctl = pg_tool("pg_basebackup"), pg_tool("pg_ctl")
    data_dir.mkdir(parents=True, exist_ok=True)
    data_dir.chmod(0o700)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        shutil.chown(data_dir, "postgres", "postgres")
    _run_tool([basebackup, "-h", host.strip("[]"), "-p", primary_port, "-U", user, "-D", str(data_dir), "-R",
               "-X", "stream", "-c", "fast", "-d", f"application_name={name}"], timeout=3600)  # fmt: skip
    done = [f"copied the primary {primary} into {data_dir} (streaming as {name})"]
    # as the standby's own settings: its port, and no waiting for a standby of its own once promoted
    settings = f"port = {port}\nlisten_addresses = '{listen}'\nhot_standby = on\nsynchronous_standby_names = ''\n"
    extra = data_dir / "examdesk-standby.conf"
    _write_as_owner(extra, settings, data_dir)
    conf = data_dir / "postgresql.conf"
    include = "include_if_exists = 'examdesk-standby.conf'\n"
    existing = conf.read_text(encoding="utf-8") if conf.exists() else ""
    if include not in existing:
        _write_as_owner(conf, existing + "\n# ExamDesk: this PC is the centre's standby\n" + include, data_dir)
    _strip_auto_conf(data_dir / "postgresql.auto.conf")
    if start:
        _run_tool([pg_ctl, "-D", str(data_dir), "-l", str(data_dir / "standby.log"), "-w", "-t", "120", "start"],
                  timeout=180)  # fmt: skip
        done.append(f"started the standby on port {port} (log: {data_dir / 'standby.log'})")
    return done


def _write_as_owner(path: Path, text: str, owner_of: Path) -> None:
    path.write_text(text, encoding="utf-8")
    stat = owner_of.stat()
    if hasattr(os, "chown") and hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chown(path, stat.st_uid, stat.st_gid)


def _strip_auto_conf(path: Path) -> None:
    """The primary's ALTER SYSTEM synchronous_standby_names came along in the copy: it would make the
    promoted standby wait for a standby of its own. primary_conninfo (written by -R) stays."""
    if not path.exists():
        return
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith("synchronous_standby_names")]
    if kept != lines:
        _write_as_owner(path, "".join(kept), path.parent)


# -- watching the standby from the centre service -----------------------------------------------


@dataclass(frozen=True)
class WatchReport:
    state: str  # "off" (commits wait for no standby), "ok", "lost" (commits are held), "unknown"
    synchronous_names: str
    since: str  # ISO 8601 UTC: when this state began
    detail: str  # the replicas seen, or why the state could not be read


class StandbyWatch:
    """Polls the primary's replication state every `seconds` in a thread of its own (its own
    autocommit connection: reading pg_stat_replication never waits for the standby)."""

    def __init__(self, url: str, seconds: float = POLL_SECONDS):
        self.url, self.seconds = url, seconds
        self._stop = threading.Event()
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="examdesk-standby-watch", daemon=True)
        self.report = WatchReport("unknown", "", _now(), "not read yet")

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        connection = None
        while not self._stop.is_set():
            try:
                if connection is None or connection.closed:
                    connection = connect(self.url)
                self._record(read_state(connection))
            except Exception as exc:  # the server itself is away, or a right is missing: said on the screens
                self._set("unknown", "", _first_line(exc))
                if connection is not None:
                    connection.close()
                connection = None
            self._stop.wait(self.seconds)
        if connection is not None:
            connection.close()

    def _record(self, found: ReplicationState) -> None:
        replicas = ", ".join(f"{r.name} {r.state}/{r.sync_state}" for r in found.replicas) or "no standby connected"
        if found.held_commits:
            replicas += f"; {found.held_commits} commit(s) waiting for it"
        if not found.synchronous:
            self._set("off", "", replicas)
        elif found.held:
            self._set("lost", found.synchronous_names, replicas)
        else:
            self._set("ok", found.synchronous_names, replicas)

    def _set(self, state: str, names: str, detail: str) -> None:
        with self._changed:
            previous = self.report
            since = previous.since if previous.state == state else _now()
            if previous.state != state:
                (log.error if state == "lost" else log.warning)("the centre's standby: %s -> %s (%s)",
                                                                 previous.state, state, detail)  # fmt: skip
            self.report = WatchReport(state, names, since, detail)
            self._changed.notify_all()

    def poll_now(self) -> WatchReport:
        """Read the state at once (after detach or attach), without waiting for the next poll."""
        try:
            self._record(state(self.url))
        except Exception as exc:
            self._set("unknown", "", _first_line(exc))
        return self.report

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
