"""Opening a store: engine settings for SQLite and PostgreSQL, unlocking, migrations.

SQLite (the embedded default) runs in WAL mode with synchronous=FULL, so a commit is on disk
when it returns; write transactions start with BEGIN IMMEDIATE so two writers never deadlock
upgrading a read lock. On PostgreSQL, write transactions take one advisory lock, which keeps the
audit chain strictly sequential. Every write transaction of the services takes the store's write
lock first (app/store/write_lock.py): writers are served in turn, and woken as soon as it is
theirs. No connection is shared between threads: each transaction checks one out of the pool.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from app.security.envelope import DEFAULT_KDF, FieldCipher, KdfParams, WrappedKey, new_data_key, rewrap, unwrap
from app.store import audit, migrate, seals, write_lock
from app.store.clock import MachineClock, SystemClock, SystemMachineClock, WallClock, stamp
from app.store.models import AuditEntry, ClockEpoch, KeyRecord, StoreMeta
from app.store.types import CIPHER_ATTR

_PG_WRITE_LOCK = 7_401_001
READ_ONLY = "examdesk_read_only"
BUSY_TIMEOUT = 30.0  # seconds a writer waits for its turn before giving up
# Connections kept open for reuse. The centre service runs each call on one of anyio's 40 worker
# threads, and a call holds a read connection and then a write one: with SQLAlchemy's default (5 kept,
# more opened and closed again) the centre under load opened a connection for most calls, and an
# ExamDesk connection costs ~10 ms to open (the seal-tracking triggers, app/store/seals.py).
# PostgreSQL opens a server process per connection; its default max_connections is 100.
SQLITE_POOL = {"pool_size": 48, "max_overflow": 48}
POSTGRES_POOL = {"pool_size": 24, "max_overflow": 16}


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
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT}, **SQLITE_POOL)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
            # Let SQLAlchemy's "begin" below issue BEGIN itself (pysqlite's own is deferred).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA temp_store=MEMORY")  # no temp files that could hold data
            cursor.close()
            seals.install_sqlite_tracking(dbapi_connection)

        @event.listens_for(engine, "commit")
        def _seal(connection: Connection) -> None:
            _seal_before_commit(connection)

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            read_only = connection.get_execution_options().get(READ_ONLY)
            connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    engine = create_engine(url, pool_pre_ping=True, **POSTGRES_POOL)

    @event.listens_for(engine, "connect")
    def _track(dbapi_connection: object, _record: ConnectionPoolEntry) -> None:
        seals.install_postgres_tracking(dbapi_connection)

    @event.listens_for(engine, "commit")
    def _seal_pg(connection: Connection) -> None:
        _seal_before_commit(connection)

    @event.listens_for(engine, "begin")
    def _serialise(connection: Connection) -> None:
        if not connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")

    return engine


_SEALED_BEFORE = select(AuditEntry.seq).where(AuditEntry.action.in_(("store.sealed", "store.created"))).limit(1)


def _seal_before_commit(connection: Connection) -> None:
    """Every commit of an unlocked store seals the rows its transaction changed (app/store/seals.py).
    Before the unlock (migrations) nothing is sealed: the first unlock after revision 0018 seals all."""
    cipher = getattr(connection.dialect, CIPHER_ATTR, None)
    if cipher is not None and not connection.get_execution_options().get(READ_ONLY):
        seals.seal_pending(connection, cipher)


def _record_of(row: KeyRecord) -> WrappedKey:
    return WrappedKey(row.key_id, row.salt, KdfParams(**row.kdf), row.wrapped)


# only the columns unwrapping needs, so a key_records table of an older revision reads alike
_DATA_KEY = select(KeyRecord.key_id, KeyRecord.salt, KeyRecord.kdf, KeyRecord.wrapped).where(
    KeyRecord.purpose == "data", KeyRecord.active
)


def _upgrade_sealed(engine: Engine, passphrase: str, clock: WallClock) -> bool:
    """Bring the store to the newest revision; returns whether a migration ran.

    A migration that changes existing rows (a new column, a default filled in) changes what their
    seals cover, so a sealed store is upgraded in one transaction that first unlocks it (a wrong
    passphrase changes nothing) and checks every row against its seal, refusing a store that fails
    (`StoreTampered`: an edit made before the upgrade must not be sealed over), then migrates, then
    writes the audit entry `store.resealed` and seals every row afresh, bound to that entry's head."""
    with engine.begin() as connection:
        before = migrate.current_revision(connection)
        if before is None or before == migrate.HEAD or not seals.has_seals(connection):
            return migrate.upgrade(connection)  # nothing sealed yet: sealed at the first unlock
        migrate.refuse_unknown(before)  # before the passphrase is tried, as for an unsealed store
        found = connection.execute(_DATA_KEY).first()
        if found is None:
            raise StoreNotInitialised("this store has not been set up yet")
        key_id, salt, kdf, wrapped = found
        cipher = unwrap(WrappedKey(key_id, salt, KdfParams(**kdf), wrapped), passphrase)
        report = seals.verify_seals(connection, cipher, full=True)
        if not report.intact:
            raise seals.StoreTampered(report)
        if not migrate.upgrade(connection):
            return False
        audit.append(connection, cipher, wall=stamp(clock), actor="system:0", action="store.resealed",
                     target="store", data={"from": before, "to": migrate.HEAD})  # fmt: skip
        seals.seal_everything(connection, cipher)
        return True


@dataclass(frozen=True)
class StoreHandle:
    """What a process of its own on this machine needs to work on an unlocked store (an export,
    app/api/apart.py): the store's address, its data-key cipher, the clock epoch and the clocks.
    Handed to a child process over its pipe (pickled), never written anywhere."""

    url: str
    cipher: FieldCipher
    epoch: int
    clock: WallClock
    machine: MachineClock

    def open(self) -> Database:
        """The store unlocked in this process, checked and upgraded already by the one that handed it."""
        engine = make_engine(self.url)
        setattr(engine.dialect, CIPHER_ATTR, self.cipher)
        return Database(engine, self.cipher, self.epoch, self.clock, self.machine)


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
        self._read_engine = engine.execution_options(**{READ_ONLY: True})
        self._readers = sessionmaker(self._read_engine, expire_on_commit=False)
        self._lock_key, lock_file = _lock_of(engine)
        self.write_lock = write_lock.for_store(self._lock_key, lock_file, BUSY_TIMEOUT)
        self._closed = False

    @staticmethod
    def create(url: str, passphrase: str, *, kdf: KdfParams = DEFAULT_KDF, clock: WallClock | None = None,
               machine: MachineClock | None = None) -> Database:  # fmt: skip
        _create_private(url)
        engine = make_engine(url)
        with engine.begin() as connection:
            migrate.upgrade(connection)
        engine.dispose()  # connections made from now on track changes to the tables just created
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
            # on the chain from the start: a store with this entry is never sealed afresh (see open)
            if inspect(session.connection()).has_table(seals.SEALS):
                audit.append(session, cipher, wall=stamp(clock or SystemClock()), actor="system:0",
                             action="store.created", target="store", data={"key_id": record.key_id})  # fmt: skip
        return Database._with_epoch(engine, cipher, clock, machine)

    @staticmethod
    def open(url: str, passphrase: str, *, clock: WallClock | None = None,
             machine: MachineClock | None = None, check: bool = True) -> Database:  # fmt: skip
        """Unlock a store. An existing store is brought to the newest revision first (a sealed one
        only after its passphrase and every seal were checked, and resealed after: `_upgrade_sealed`);
        one from before revision 0018 has every row sealed now (audited). `check`: verify the seals (every
        table but the bulky ones, which are counted) and refuse a store that fails with
        `StoreTampered`; `store verify` passes False and checks everything itself."""
        engine = make_engine(url)
        try:
            upgraded = _upgrade_sealed(engine, passphrase, clock or SystemClock())
        except Exception:
            engine.dispose()
            raise
        if upgraded:
            engine.dispose()  # connections made from now on track changes to the tables of the new revision
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
        if engine.dialect.name != "sqlite":
            with engine.begin() as connection:  # triggers for tables that later revisions added
                seals.install_postgres_triggers(connection)
        db = Database._with_epoch(engine, cipher, clock, machine)
        try:
            db._seal_if_never_sealed()
            if check:
                report = db.verify_seals(full=False)
                if not report.intact:
                    raise seals.StoreTampered(report)
        except BaseException:
            db.close()
            raise
        return db

    def _seal_if_never_sealed(self) -> None:
        """A store made before revision 0018 has its rows sealed once, at its first unlock after
        the upgrade, under the passphrase, with one audit entry (`store.sealed`)."""
        with self.read_connection() as connection, connection.begin():  # the usual case takes no write lock
            if seals.has_seals(connection):
                return
        with self.write() as connection:
            if seals.has_seals(connection) or connection.execute(_SEALED_BEFORE).first() is not None:
                return  # sealed once already: a record of all seals gone missing is tampering, never resealed
            with Session(bind=connection) as session:
                if not audit.verify(session, self.cipher).intact:
                    return  # nothing is sealed over a broken chain: `store verify` reports it
            count = seals.seal_everything(connection, self.cipher)
            audit.append(connection, self.cipher, wall=self.wall_now(), actor="system:0", action="store.sealed",
                         target="store", data={"rows": count})  # fmt: skip

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

    def change_passphrase(self, old: str, new: str, *, actor: str = "system:0") -> None:
        """Re-wrap the data key; nothing else is re-encrypted. A wrong `old` changes nothing. One
        audit entry (`store.passphrase_changed`, naming who), in the same transaction."""
        with self.transaction() as session:
            row = session.scalar(select(KeyRecord).where(KeyRecord.purpose == "data", KeyRecord.active))
            assert row is not None
            record = rewrap(_record_of(row), old, new)
            row.salt, row.wrapped, row.kdf = record.salt, record.wrapped, record.kdf.as_dict()
            audit.append(session, self.cipher, wall=self.wall_now(), actor=actor, action="store.passphrase_changed",
                         target="store", data={"key_id": record.key_id})  # fmt: skip

    def handle(self) -> StoreHandle:
        """This store for a child process (the same machine and boot, so the same epoch)."""
        return StoreHandle(self.engine.url.render_as_string(hide_password=False), self.cipher, self.epoch,
                           self.clock, self.machine)  # fmt: skip

    def verify_seals(self, *, full: bool = True) -> seals.SealReport:
        """Every row against its seal (app/store/seals.py); names the first bad row."""
        with self.read_connection() as connection, connection.begin():  # one snapshot
            return seals.verify_seals(connection, self.cipher, full=full)

    def wall_now(self) -> str:
        """Wall-clock time for people reading records; never used to measure exam time."""
        return stamp(self.clock)

    def mono(self) -> float:
        """Seconds on the machine clock of this epoch: every process of this boot reads them alike."""
        return self.machine.now()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """An ORM session in one write transaction, under the store's write lock."""
        with self.write_lock.held(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A Core connection in one write transaction, under the store's write lock."""
        with self.write_lock.held(), self.engine.begin() as connection:
            yield connection

    @contextmanager
    def write_connection(self) -> Iterator[Connection | sqlite3.Connection]:
        """A write transaction under the store's write lock for the hot path (answer saves), where
        SQLAlchemy's per-statement cost is most of the work: on SQLite a sqlite3 connection of its
        own, checked out of the pool (autocommit mode, pragmas set), in BEGIN IMMEDIATE; committed
        when the block ends, rolled back if it raises, then returned to the pool. On other
        databases a Core connection, as `write`."""
        if self.engine.dialect.name != "sqlite":
            with self.write() as connection:
                yield connection
            return
        with self.write_lock.held():
            pooled = self.engine.raw_connection()
            try:
                raw = pooled.driver_connection
                assert raw is not None  # None only once a connection is invalidated; this one was just checked out
                raw.execute("BEGIN IMMEDIATE")
                try:
                    yield raw
                except BaseException:
                    raw.rollback()  # a no-op where SQLite has rolled back already
                    raise
                seals.seal_pending(raw, self.cipher)
                raw.execute("COMMIT")
            finally:
                pooled.close()  # back to the pool, which rolls back whatever a failed COMMIT left

    def reader(self) -> Session:
        """A session for reading only: it takes no write lock."""
        return self._readers()

    def read_connection(self) -> Connection:
        """A Core connection for reading only (`with db.read_connection() as c:`): a plain BEGIN on
        SQLite, never BEGIN IMMEDIATE, so a read on every call (the caller's token) waits for no writer."""
        return self._read_engine.connect()

    def integrity_problems(self) -> list[str]:
        if self.engine.dialect.name != "sqlite":
            return []
        with self.engine.connect() as connection:
            rows = [r[0] for r in connection.execute(text("PRAGMA integrity_check"))]
        return [] if rows == ["ok"] else rows

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        self.engine.dispose()
        if not self._closed:
            self._closed = True
            write_lock.release(self._lock_key, self.write_lock)


def _lock_of(engine: Engine) -> tuple[str, Path | None]:
    """Which process-wide write lock a store takes, and its lock file: the file beside a SQLite
    store; none for PostgreSQL (its advisory lock spans processes) or a store in memory."""
    if engine.dialect.name != "sqlite":
        return engine.url.render_as_string(hide_password=True), None
    path = engine.url.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return f"sqlite-memory:{id(engine)}", None
    real = Path(path).resolve()
    return f"sqlite:{real}", real.with_name(real.name + write_lock.LOCK_SUFFIX)


def _create_private(url: str) -> None:
    """A new SQLite store's file is made readable by its owner only (0600), before SQLite creates
    it with the process's umask; SQLite gives its -wal and -shm files the same permissions."""
    if not url.startswith("sqlite:///") or os.name != "posix":
        return
    path = Path(url.removeprefix("sqlite:///"))
    if not path.name or path.name == ":memory:" or path.exists():
        return
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def default_store_path(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(data_dir, 0o700)
    return data_dir / "examdesk.db"
