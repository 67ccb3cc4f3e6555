"""PostgreSQL clusters of a test's own on loopback (a primary, a standby), started and killed by the test.

As root (CI's containers) the servers run as the OS user postgres, as scripts/postgres.sh does; the
folders live under /tmp so that user can reach them."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

import psutil

from app.centre.standby import StandbyError, _run_tool, pg_tool
from tests.centre.harness import free_port

_WAIT = threading.Event()  # never set: a timed wait that works under libfaketime


def as_postgres_owner(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


class PgCluster:
    def __init__(self, data: Path, port: int):
        self.data, self.port = data, port

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def db_url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    @classmethod
    def primary(cls, root: Path) -> PgCluster:
        """A fresh primary: initdb's defaults already stream WAL to a replica (wal_level replica,
        max_wal_senders 10, a trusted replication line for loopback in pg_hba.conf)."""
        cluster = cls(root / "primary", free_port())
        _run_tool([pg_tool("initdb"), "-D", str(cluster.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                   "--locale=C.UTF-8"], timeout=120)  # fmt: skip
        (cluster.data / "conf.d.conf").write_text(f"port = {cluster.port}\nlisten_addresses = '127.0.0.1'\n"
                                                  f"unix_socket_directories = '{root}'\nfsync = off\n")  # fmt: skip
        with (cluster.data / "postgresql.conf").open("a") as conf:
            conf.write("include = 'conf.d.conf'\n")
        cluster.start()
        return cluster

    @property
    def log(self) -> Path:
        return self.data.parent / f"{self.data.name}.log"

    def start(self) -> None:
        try:
            _run_tool([pg_tool("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start"],
                      timeout=90)  # fmt: skip
        except StandbyError as exc:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else "(no log)"
            raise AssertionError(f"{exc}\n{self.log}:\n{tail}") from None

    def pids(self) -> list[int]:
        """The postmaster and every server process under it."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
        return [postmaster, *map(int, children)]

    def kill(self) -> None:
        """SIGKILL to the postmaster and all its processes at once: the PC died. Returns once they are
        gone (a server started again in the folder must not find one of them still holding it)."""
        processes = []
        for pid in self.pids():
            with contextlib.suppress(psutil.NoSuchProcess):
                processes.append(psutil.Process(pid))
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.send_signal(signal.SIGKILL)
        for _ in range(300):  # a zombie holds nothing (init may be slow to reap it in a container)
            alive = [p for p in processes if _running(p)]
            if not alive:
                # as after a power cut, but without the reboot that would free its PID: a later
                # process holding that PID must not look like this server to the next start
                (self.data / "postmaster.pid").unlink(missing_ok=True)
                for name in (f".s.PGSQL.{self.port}.lock", f".s.PGSQL.{self.port}"):  # its socket's, likewise
                    (self.data.parent / name).unlink(missing_ok=True)
                return
            _WAIT.wait(0.1)
        raise AssertionError(f"still running after SIGKILL: {alive}")

    def stop(self) -> None:
        with contextlib.suppress(Exception):  # already dead (killed by the test)
            _run_tool([pg_tool("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"], timeout=60)


def _running(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def cluster_root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="examdesk-standby-"))
    root.chmod(0o755)
    as_postgres_owner(root)
    return root
