"""Opening a store: engine settings for SQLite and PostgreSQL, unlocking, migrations.

SQLite (the embedded default) runs in WAL mode with synchronous=FULL, so a commit is on disk
when it returns; write transactions start with BEGIN IMMEDIATE so two writers never deadlock
upgrading a read lock. On PostgreSQL, write transactions take one advisory lock, which keeps the
audit chain strictly sequential.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.security.envelope import DEFAULT_KDF, FieldCipher, KdfParams, WrappedKey, new_data_key, rewrap, unwrap
from app.store import migrate
from app.store.clock import MachineClock, SystemClock, SystemMachineClock, WallClock, stamp
from app.store.models import ClockEpoch, KeyRecord, StoreMeta
from app.store.types import CIPHER_ATTR

_PG_WRITE_LOCK = 7_401_001
READ_ONLY = "examdesk_read_only"


def wall_now() -> str:
    """Wall-clock time for people reading records, from the system clock; services use their
    store's `Database.wall_now`, whose clock a test can replace."""
    return stamp(SystemClock())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class StoreNotInitialised(Exception):
    pass


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            # Let SQLAlchemy's "begin" below issue BEGIN itself (pysqlite's own is deferred).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA temp_store=MEMORY")  # no temp files that could hold data
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection) -> None:  # type: ignore[no-untyped-def]
            read_only = connection.get_execution_options().get(READ_ONLY)
            connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    engine = create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "begin")
    def _serialise(connection) -> None:  # type: ignore[no-untyped-def]
        if not connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")

    return engine


def _record_of(row: KeyRecord) -> WrappedKey:
    return WrappedKey(row.key_id, row.salt, KdfParams(**row.kdf), row.wrapped)


class Database:
    """An unlocked store: an engine whose dialect carries the data-key cipher, a wall clock for
    labels and calendar questions, and the machine clock's epoch that measures exam time."""

    def __init__(self, engine: Engine, cipher: FieldCipher, epoch: int, clock: WallClock | None = None,
                 machine: MachineClock | None = None):  # fmt: skip
        self.engine = engine
        self.clock: WallClock = clock or SystemClock()
        self.machine: MachineClock = machine or SystemMachineClock()
        self.cipher = cipher
        self.epoch = epoch
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
        self._raw: Any = None

    @staticmethod
    def create(url: str, passphrase: str, *, kdf: KdfParams = DEFAULT_KDF, clock: WallClock | None = None,
               machine: MachineClock | None = None) -> Database:  # fmt: skip
        engine = make_engine(url)
        with engine.begin() as connection:
            migrate.upgrade(connection)
        record, cipher = new_data_key(passphrase, kdf)
        setattr(engine.dialect, CIPHER_ATTR, cipher)
        with Session(engine) as session, session.begin():
            if session.scalar(select(KeyRecord).where(KeyRecord.purpose == "data")) is not None:
                raise FileExistsError("this store already has a data key: open it instead")
            session.add(
                KeyRecord(
                    purpose="data", key_id=record.key_id, salt=record.salt, kdf=record.kdf.as_dict(),
                    wrapped=record.wrapped, created_wall=stamp(clock or SystemClock()), active=True,
                )
            )  # fmt: skip
            session.add(StoreMeta(key="created", value=stamp(clock or SystemClock())))
        return Database._with_epoch(engine, cipher, clock, machine)

    @staticmethod
    def open(url: str, passphrase: str, *, clock: WallClock | None = None,
             machine: MachineClock | None = None) -> Database:  # fmt: skip
        engine = make_engine(url)
        with engine.begin() as connection:
            migrate.upgrade(connection)
        with Session(engine) as session:
            row = session.scalar(select(KeyRecord).where(KeyRecord.purpose == "data", KeyRecord.active))
        if row is None:
            engine.dispose()
            raise StoreNotInitialised("this store has not been set up yet")
        try:
            cipher = unwrap(_record_of(row), passphrase)
        except Exception:
            engine.dispose()
            raise
        setattr(engine.dialect, CIPHER_ATTR, cipher)
        return Database._with_epoch(engine, cipher, clock, machine)

    @staticmethod
    def _with_epoch(engine: Engine, cipher: FieldCipher, clock: WallClock | None,
                    machine: MachineClock | None) -> Database:  # fmt: skip
        """Join this machine's current boot epoch, creating it if this is the boot's first process.
        The write transaction serialises two processes starting together (BEGIN IMMEDIATE, or the
        advisory lock), so the look-up and insert cannot both create it."""
        clock, machine = clock or SystemClock(), machine or SystemMachineClock()
        host, boot = socket.gethostname(), machine.boot()
        with Session(engine) as session, session.begin():
            epoch = session.scalar(select(ClockEpoch.id).where(ClockEpoch.host == host, ClockEpoch.boot_id == boot))
            if epoch is None:
                row = ClockEpoch(started_wall=stamp(clock), host=host, boot_id=boot)
                session.add(row)
                session.flush()
                epoch = row.id
        return Database(engine, cipher, epoch, clock, machine)

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key; nothing else is re-encrypted. A wrong `old` changes nothing."""
        with self._sessions() as session, session.begin():
            row = session.scalar(select(KeyRecord).where(KeyRecord.purpose == "data", KeyRecord.active))
            assert row is not None
            record = rewrap(_record_of(row), old, new)
            row.salt, row.wrapped, row.kdf = record.salt, record.wrapped, record.kdf.as_dict()

    def wall_now(self) -> str:
        """Wall-clock time for people reading records; never used to measure exam time."""
        return stamp(self.clock)

    def mono(self) -> float:
        """Seconds on the machine clock of this epoch: every process of this boot reads them alike."""
        return self.machine.now()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def reader(self) -> Session:
        """A session for reading only: it takes no write lock."""
        return self._readers()

    def integrity_problems(self) -> list[str]:
        if self.engine.dialect.name != "sqlite":
            return []
        with self.engine.connect() as connection:
            rows = [r[0] for r in connection.execute(text("PRAGMA integrity_check"))]
        return [] if rows == ["ok"] else rows

    def sqlite_connection(self):  # -> sqlite3.Connection
        """A dedicated sqlite3 connection (pragmas set, autocommit mode) for the answer-save path,
        where SQLAlchemy's per-statement cost is most of a save. None on other databases."""
        if self.engine.dialect.name != "sqlite":
            return None
        if self._raw is None:
            self._raw = self.engine.raw_connection()
        return self._raw.driver_connection

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None
        self.engine.dispose()


def default_store_path(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(data_dir, 0o700)
    return data_dir / "examdesk.db"
