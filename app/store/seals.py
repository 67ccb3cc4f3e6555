"""Row seals: every row of the store's tables is authenticated under a key derived from the data key.

A seal is an HMAC-SHA256 (subkey "row-seal") over the table, the row's id and every column of the
row as the database holds it: plaintext columns (roles, states, durations, foreign keys, time
events, key records) and the ciphertexts' bytes alike, so an edit of a plaintext column, a
ciphertext moved to another row, an inserted or a deleted row all break it. Seals live in
`row_seals` (table, row id, seal); beside each row's MAC the seal keeps a 16-bit tag per column,
used only to name the column that changed.

Which rows to seal is tracked by the database itself, so no writer has to remember: triggers that
only ExamDesk's own connections have (SQLite: TEMP triggers created on connect; PostgreSQL:
triggers that write into a TEMP table only ExamDesk's sessions create) note the id of every row
inserted, updated or deleted in `examdesk_dirty`; `seal_pending` seals them just before each
commit (`Database`'s engine "commit" event, and the answer save's own sqlite3 COMMIT). Someone
editing the file with another program fires no trigger of ours and cannot compute a seal.

An XOR of every row MAC (the "aggregate") is kept in store_meta, MAC'd together with the audit
chain's head: putting back one row with an older, once valid seal (from a backup or the WAL)
changes the aggregate, and putting back the aggregate too names an older audit head. What is
left is a rollback of the whole store, which only a head held outside it can show (docs/store.md).
"""

from __future__ import annotations

import binascii
import contextlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring  # what json.dumps escapes a str with (ensure_ascii=False)
from typing import Any

from sqlalchemy import Connection, text

from app.errors import UserFacingError
from app.security.canonical import canonical_text
from app.security.envelope import FieldCipher

DIRTY = "examdesk_dirty"
SEALS = "row_seals"
AGGREGATE_KEY = "row_seals"
AUDIT_HEAD_KEY = "audit_head"
_PURPOSE = b"row-seal"
_TAG_PURPOSE = b"row-seal/column"
_AGGREGATE_PURPOSE = b"row-seal/aggregate"
_HEAD_MARK = "store_meta"  # a dirty mark that says "the audit head moved": re-bind the aggregate

# Tables whose rows are not sealed: the seals themselves, the audit chain (MAC'd entry by entry, and
# its head with it) and alembic's version row (checked on open against the revisions we know).
UNSEALED = frozenset({SEALS, "audit_entries", "store_meta", "alembic_version"})
# Big or many rows: checked by `store verify` (full), not at every unlock. Their rows are still
# counted at unlock, so a row inserted or deleted there is caught then too.
BULKY = frozenset({
    "attempt_steps", "attempt_heartbeats", "paper_instances", "sealed_packages", "review_materials",
    "imported_versions", "login_failures", "staff_tokens", "attempt_files",
})  # fmt: skip


def sealed_tables() -> tuple[str, ...]:
    """Every table of the models with an integer `id` key (tables added later are sealed too)."""
    from app.store.models import Base

    return tuple(
        name for name, table in Base.metadata.tables.items() if "id" in table.columns and name not in UNSEALED
    )


class StoreTampered(UserFacingError):
    """The store's data does not match its seals: it was changed outside ExamDesk. Says what to do."""

    code = "store_tampered"

    def __init__(self, report: SealReport):
        super().__init__(TAMPERED, problem=report.message)
        self.report = report


TAMPERED = (
    "the store was changed outside ExamDesk: {problem}. Do not run an exam on it: run 'examdesk store "
    "verify' for the full check, keep this data folder as evidence, and restore the last good copy (the "
    "second disk's copy or a backup) under the same passphrase"
)


# --- the database's own bookkeeping ---------------------------------------------------------------


def install_sqlite_tracking(raw: sqlite3.Connection) -> None:
    """TEMP triggers on this connection that note every row it inserts, updates or deletes in a
    sealed table. Only on a store that has seals (revision 0018 and later)."""
    existing = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if SEALS not in existing:
        return
    raw.execute(f"CREATE TEMP TABLE IF NOT EXISTS {DIRTY} (tbl TEXT NOT NULL, row_id INTEGER NOT NULL)")
    statements = []
    for table in sealed_tables():
        if table not in existing:
            continue
        for verb, ref in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            statements.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {DIRTY}_{table}_{verb.lower()} AFTER {verb} ON main.{table} "
                f"BEGIN INSERT INTO {DIRTY} VALUES ('{table}', {ref}.id); END"
            )
        statements.append(  # an update that changes the id itself: the old id's seal must go
            f"CREATE TEMP TRIGGER IF NOT EXISTS {DIRTY}_{table}_rekey AFTER UPDATE OF id ON main.{table} "
            f"BEGIN INSERT INTO {DIRTY} VALUES ('{table}', OLD.id); END"
        )
    for verb in ("INSERT", "UPDATE"):
        statements.append(
            f"CREATE TEMP TRIGGER IF NOT EXISTS {DIRTY}_head_{verb.lower()} AFTER {verb} ON main.store_meta "
            f"WHEN NEW.key = '{AUDIT_HEAD_KEY}' BEGIN INSERT INTO {DIRTY} VALUES ('{_HEAD_MARK}', 0); END"
        )
    for statement in statements:
        raw.execute(statement)


def install_postgres_tracking(raw: Any) -> None:
    """The TEMP table the store's triggers (migration 0018) write into; it exists only in ExamDesk's
    sessions, so another program's edits are noted nowhere.

    Creating it writes the catalog, so its commit would wait for a synchronous standby; a session's
    own TEMP table needs no copy on the standby, and a dead standby must not stop the centre from
    opening the connections its reads and its carry-on action need."""
    with raw.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = local")
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {DIRTY} (tbl TEXT NOT NULL, row_id BIGINT NOT NULL)")
    raw.commit()


# --- computing seals ------------------------------------------------------------------------------


def _text(value: Any) -> bytes:
    """canonical_json of a column's value, bytes as hex. The values a row holds (text, integers,
    NULL, ciphertext bytes) skip the JSON encoder, with the same result: a string is escaped by the
    function json.dumps uses for it, and hex needs no escaping (a paper's ciphertext is 45 KB of it).
    Bytes throughout: a seal's message is put together from these parts in one copy."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value).encode()
    if kind is int:
        return int.__repr__(value).encode()
    if value is None:
        return b"null"
    if kind is bytes or kind is memoryview or kind is bytearray:
        return b'"' + binascii.hexlify(value) + b'"'
    return canonical_text(value).encode()  # bool, float, decimals, dates... as json.dumps writes them


_NAMES: dict[str, bytes] = {}  # a column or table name -> its canonical JSON (a few dozen names in all)


def _name(name: str) -> bytes:
    text = _NAMES.get(name)
    if text is None:
        text = _NAMES[name] = _text(name)
    return text


def _texts(table: str, row_id: int, row: dict[str, Any]) -> tuple[bytes, dict[str, bytes], list[str]]:
    """Each value's canonical JSON, made once (a paper's ciphertext is turned to hex once, not twice)."""
    values = {column: _text(value) for column, value in row.items()}
    return b"[" + _name(table) + b"," + _text(row_id) + b",", values, sorted(values)


def _whole_mac(cipher: FieldCipher, prefix: bytes, values: dict[str, bytes], columns: list[str]) -> str:
    parts = [prefix, b"{"]
    for c in columns:
        parts += (_name(c), b":", values[c], b",")
    if columns:
        parts[-1] = b"}]"  # the last comma
    else:
        parts.append(b"}]")
    return cipher.mac(b"".join(parts), _PURPOSE)


def _row_mac(cipher: FieldCipher, table: str, row_id: int, row: dict[str, Any]) -> str:
    """The MAC over canonical_json([table, row_id, {column: value}]) (bytes as hex), composed from parts."""
    return _whole_mac(cipher, *_texts(table, row_id, row))


def seal_of(cipher: FieldCipher, table: str, row_id: int, row: dict[str, Any]) -> str:
    """The row's MAC and, per column, a 16-bit tag over canonical_json([table, row_id, column, value])."""
    prefix, values, columns = _texts(table, row_id, row)
    tags = ",".join([
        f"{c}={cipher.mac(b''.join((prefix, _name(c), b',', values[c], b']')), _TAG_PURPOSE)[:4]}" for c in columns
    ])  # fmt: skip
    return f"{_whole_mac(cipher, prefix, values, columns)}|{tags}"


def _mac_part(seal: str) -> int:
    return int(seal.split("|", 1)[0], 16)


def _aggregate_value(cipher: FieldCipher, aggregate: int, head: str | None) -> str:
    agg = f"{aggregate:064x}"
    bound = f"{agg}|{head or ''}".encode()
    return f"{agg}:{cipher.mac(bound, _AGGREGATE_PURPOSE)}"


# --- one interface over the sqlite3 module and a SQLAlchemy connection ----------------------------


class _Raw:
    """Statements with :named parameters on either the embedded store's own sqlite3 connection (the
    fast path) or a SQLAlchemy Core connection (PostgreSQL)."""

    def __init__(self, target: Connection | sqlite3.Connection):
        if isinstance(target, Connection) and target.dialect.name == "sqlite":
            driver = target.connection.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            target = driver
        self.target = target
        self.sqlite = isinstance(target, sqlite3.Connection)

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[tuple]]:
        if isinstance(self.target, sqlite3.Connection):
            cursor = self.target.execute(sql, params or {})
            columns = [d[0] for d in cursor.description or ()]
            return columns, cursor.fetchall()
        result = self.target.execute(text(sql), params or {})
        return list(result.keys()), [tuple(r) for r in result.fetchall()]

    def run(self, sql: str, params: dict[str, Any] | Sequence[dict[str, Any]] | None = None) -> None:
        if isinstance(self.target, sqlite3.Connection):
            if isinstance(params, list):
                self.target.executemany(sql, params)
            else:
                self.target.execute(sql, params or {})
            return
        self.target.execute(text(sql), params or {})


def _in(ids: Iterable[int]) -> tuple[str, dict[str, int]]:
    params = {f"i{n}": row_id for n, row_id in enumerate(ids)}
    return ", ".join(f":{name}" for name in params), params


def _meta(raw: _Raw, key: str) -> str | None:
    _, found = raw.rows("SELECT value FROM store_meta WHERE key = :k", {"k": key})
    return found[0][0] if found else None


def _set_meta(raw: _Raw, key: str, value: str, existed: bool) -> None:
    if existed:
        raw.run("UPDATE store_meta SET value = :v WHERE key = :k", {"k": key, "v": value})
    else:
        raw.run("INSERT INTO store_meta (key, value) VALUES (:k, :v)", {"k": key, "v": value})


def _read_aggregate(raw: _Raw) -> tuple[int, bool]:
    value = _meta(raw, AGGREGATE_KEY)
    if value is None:
        return 0, False
    return int(value.split(":", 1)[0], 16), True


class SealingFailed(RuntimeError):
    """The rows a transaction changed could not be sealed: its commit is refused (rolled back), so no
    row is ever stored without its seal."""


def seal_pending(target: Connection | sqlite3.Connection, cipher: FieldCipher) -> int:
    """Seal every row this connection changed in its transaction; returns how many. Runs just
    before the commit, inside the transaction (and so under the store's write lock). Any failure
    raises, so the commit fails and the transaction is rolled back: a store whose rows were
    committed unsealed would be refused as tampered at its next unlock."""
    raw = _Raw(target)
    try:
        _, marks = raw.rows(f"SELECT tbl, row_id FROM {DIRTY}")
    except sqlite3.OperationalError as exc:
        # Only a store without seals (before revision 0018: its connections track nothing) has no
        # table of changes; anywhere else a connection that cannot say what it changed must not commit.
        if f"no such table: {DIRTY}" not in str(exc) or SEALS in _existing_tables(raw):
            raise SealingFailed(f"the rows this transaction changed cannot be sealed ({exc}): nothing was "
                                "committed") from exc  # fmt: skip
        return 0
    if not marks:
        return 0
    raw.run(f"DELETE FROM {DIRTY}")
    by_table: dict[str, set[int]] = {}
    for table, row_id in marks:
        if table != _HEAD_MARK:
            by_table.setdefault(table, set()).add(int(row_id))
    aggregate, existed = _read_aggregate(raw)
    for table, ids in by_table.items():
        aggregate ^= _seal_rows(raw, cipher, table, sorted(ids))
    _set_meta(raw, AGGREGATE_KEY, _aggregate_value(cipher, aggregate, _meta(raw, AUDIT_HEAD_KEY)), existed)
    return len(marks)


def _seal_rows(raw: _Raw, cipher: FieldCipher, table: str, ids: list[int]) -> int:
    """Seal (or unseal, for deleted rows) `ids` of `table`; returns the change to the aggregate."""
    change = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        placeholders, params = _in(chunk)
        columns, found = raw.rows(f"SELECT * FROM {table} WHERE id IN ({placeholders})", params)
        current = {int(r[columns.index("id")]): dict(zip(columns, r, strict=True)) for r in found}
        _, old_rows = raw.rows(
            f"SELECT row_id, seal FROM {SEALS} WHERE tbl = :tbl AND row_id IN ({placeholders})",
            {**params, "tbl": table},
        )
        old = {int(r[0]): r[1] for r in old_rows}
        upserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        deletes: list[dict[str, Any]] = []
        for row_id in chunk:
            if row_id in old:
                change ^= _mac_part(old[row_id])
            if row_id in current:
                seal = seal_of(cipher, table, row_id, current[row_id])
                change ^= _mac_part(seal)
                (updates if row_id in old else upserts).append({"t": table, "r": row_id, "s": seal})
            elif row_id in old:
                deletes.append({"t": table, "r": row_id})
        if upserts:
            raw.run(f"INSERT INTO {SEALS} (tbl, row_id, seal) VALUES (:t, :r, :s)", upserts)
        if updates:
            raw.run(f"UPDATE {SEALS} SET seal = :s WHERE tbl = :t AND row_id = :r", updates)
        if deletes:
            raw.run(f"DELETE FROM {SEALS} WHERE tbl = :t AND row_id = :r", deletes)
    return change


def seal_everything(target: Connection | sqlite3.Connection, cipher: FieldCipher) -> int:
    """Seal every row of every sealed table afresh (an existing store's upgrade to revision 0018,
    under the passphrase); returns how many rows."""
    raw = _Raw(target)
    existing = _existing_tables(raw)
    raw.run(f"DELETE FROM {SEALS}")
    aggregate, count = 0, 0
    for table in sealed_tables():
        if table not in existing:
            continue
        columns, found = raw.rows(f"SELECT * FROM {table}")
        batch = []
        for r in found:
            row = dict(zip(columns, r, strict=True))
            seal = seal_of(cipher, table, int(row["id"]), row)
            aggregate ^= _mac_part(seal)
            batch.append({"t": table, "r": int(row["id"]), "s": seal})
        if batch:
            raw.run(f"INSERT INTO {SEALS} (tbl, row_id, seal) VALUES (:t, :r, :s)", batch)
        count += len(batch)
    with contextlib.suppress(sqlite3.OperationalError):  # a connection opened before the seals existed tracks nothing
        raw.run(f"DELETE FROM {DIRTY}")
    existed = _meta(raw, AGGREGATE_KEY) is not None
    _set_meta(raw, AGGREGATE_KEY, _aggregate_value(cipher, aggregate, _meta(raw, AUDIT_HEAD_KEY)), existed)
    return count


def _existing_tables(raw: _Raw) -> set[str]:
    if raw.sqlite:
        _, found = raw.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        _, found = raw.rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {r[0] for r in found}


def has_seals(target: Connection | sqlite3.Connection) -> bool:
    """Whether the store's rows were ever sealed (an upgraded store is sealed once, at its first unlock)."""
    return _meta(_Raw(target), AGGREGATE_KEY) is not None


# --- checking -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SealReport:
    rows: int  # rows whose seal was recomputed
    counted: int  # rows counted (every sealed table)
    problem: str | None = None  # the first bad row, named
    table: str | None = None
    row_id: int | None = None
    columns: tuple[str, ...] = ()

    @property
    def intact(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        return self.problem or f"every row matches its seal: {self.rows} checked, {self.counted} counted"


def verify_seals(target: Connection | sqlite3.Connection, cipher: FieldCipher, *, full: bool = True) -> SealReport:
    """Check the store's rows against their seals. `full=False` (at every unlock) recomputes the seals
    of every table except the BULKY ones, and counts the rows of those; `full` recomputes them all.
    Either way the aggregate of all seals and its binding to the audit head are checked."""
    raw = _Raw(target)
    existing = _existing_tables(raw)
    if SEALS not in existing:
        return SealReport(0, 0, "the store has no row seals (a revision before 0018): open it with ExamDesk to upgrade")
    value = _meta(raw, AGGREGATE_KEY)
    if value is None:
        return SealReport(0, 0, "the record of all row seals is missing from store_meta: it was removed outside "
                                "ExamDesk")
    agg_text = value.split(":", 1)[0]
    if value != _aggregate_value(cipher, int(agg_text, 16), _meta(raw, AUDIT_HEAD_KEY)):
        return SealReport(
            0, 0, "the record of all row seals does not match the audit log's head: the store (or part of it) "
            "was put back to an earlier copy, or the record was edited"
        )  # fmt: skip
    _, all_seals = raw.rows(f"SELECT tbl, row_id, seal FROM {SEALS}")
    aggregate = 0
    seals: dict[str, dict[int, str]] = {}
    for table, row_id, seal in all_seals:
        aggregate ^= _mac_part(seal)
        seals.setdefault(table, {})[int(row_id)] = seal
    if aggregate != int(agg_text, 16):
        return SealReport(
            0, 0, "the row seals do not add up to their sealed record: a seal was added, removed or put back "
            "from an earlier copy"
        )  # fmt: skip
    checked = counted = 0
    for table in sealed_tables():
        if table not in existing:
            continue
        table_seals = seals.get(table, {})
        if full or table not in BULKY:
            columns, found = raw.rows(f"SELECT * FROM {table} ORDER BY id")
            for r in found:
                row = dict(zip(columns, r, strict=True))
                row_id = int(row["id"])
                seal = table_seals.get(row_id)
                if seal is None:
                    return _bad(checked, counted, table, row_id, "has no seal: it was inserted outside ExamDesk")
                if _row_mac(cipher, table, row_id, row) != seal.split("|", 1)[0]:
                    changed = _changed_columns(seal, seal_of(cipher, table, row_id, row))
                    named = ", ".join(changed) if changed else "a value"
                    return _bad(checked, counted, table, row_id, f"was changed outside ExamDesk (column {named})",
                                tuple(changed))  # fmt: skip
                checked += 1
            present = {int(r[columns.index("id")]) for r in found}
        else:
            _, found = raw.rows(f"SELECT id FROM {table}")
            present = {int(r[0]) for r in found}
            unsealed = sorted(present - set(table_seals))
            if unsealed:
                return _bad(checked, counted, table, unsealed[0], "has no seal: it was inserted outside ExamDesk")
        counted += len(present)
        gone = sorted(set(table_seals) - present)
        if gone:
            return _bad(checked, counted, table, gone[0], "is missing: it was deleted outside ExamDesk")
    strays = sorted(set(seals) - set(sealed_tables()))
    if strays:
        table = strays[0]
        return _bad(checked, counted, table, min(seals[table]), "has a seal but no such table is sealed")
    return SealReport(checked, counted)


def _bad(checked: int, counted: int, table: str, row_id: int, what: str, columns: tuple[str, ...] = ()) -> SealReport:
    return SealReport(checked, counted, f"{table} row {row_id} {what}", table, row_id, columns)


def _changed_columns(stored: str, expected: str) -> list[str]:
    def tags(seal: str) -> dict[str, str]:
        part = seal.split("|", 1)[1] if "|" in seal else ""
        return dict(item.split("=", 1) for item in part.split(",") if "=" in item)

    old, new = tags(stored), tags(expected)
    return sorted(column for column in set(old) | set(new) if old.get(column) != new.get(column))


# --- PostgreSQL: persistent triggers that note changes only into ExamDesk's TEMP table -------------

_PG_MARK_ROW = f"""
CREATE OR REPLACE FUNCTION examdesk_mark_row() RETURNS trigger AS $$
BEGIN
  IF to_regclass('pg_temp.{DIRTY}') IS NOT NULL THEN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO pg_temp.{DIRTY} VALUES (TG_TABLE_NAME, OLD.id);
    ELSE
      INSERT INTO pg_temp.{DIRTY} VALUES (TG_TABLE_NAME, NEW.id);
      IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN
        INSERT INTO pg_temp.{DIRTY} VALUES (TG_TABLE_NAME, OLD.id);
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql
"""
_PG_MARK_HEAD = f"""
CREATE OR REPLACE FUNCTION examdesk_mark_head() RETURNS trigger AS $$
BEGIN
  IF NEW.key = '{AUDIT_HEAD_KEY}' AND to_regclass('pg_temp.{DIRTY}') IS NOT NULL THEN
    INSERT INTO pg_temp.{DIRTY} VALUES ('{_HEAD_MARK}', 0);
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql
"""


def install_postgres_triggers(connection: Connection) -> None:
    """The marking triggers on every sealed table that lacks one (tables added by later revisions
    get theirs when the store is next opened). Idempotent; when nothing is missing it changes nothing
    (no DDL, so processes opening the store together do not contend for the catalogue)."""
    functions = {
        r[0] for r in connection.exec_driver_sql(
            "SELECT proname FROM pg_proc WHERE proname IN ('examdesk_mark_row', 'examdesk_mark_head')"
        )
    }  # fmt: skip
    if "examdesk_mark_row" not in functions:
        connection.exec_driver_sql(_PG_MARK_ROW)
    if "examdesk_mark_head" not in functions:
        connection.exec_driver_sql(_PG_MARK_HEAD)
    have = {
        r[0] for r in connection.exec_driver_sql(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            f"WHERE t.tgname = '{DIRTY}_mark'"
        )
    }  # fmt: skip
    existing = _existing_tables(_Raw(connection))
    for table in sealed_tables():
        if table in existing and table not in have:
            connection.exec_driver_sql(
                f"CREATE TRIGGER {DIRTY}_mark AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION examdesk_mark_row()"
            )
    if "store_meta" not in have:
        connection.exec_driver_sql(
            f"CREATE TRIGGER {DIRTY}_mark AFTER INSERT OR UPDATE ON store_meta "
            "FOR EACH ROW EXECUTE FUNCTION examdesk_mark_head()"
        )


def drop_postgres_triggers(connection: Connection) -> None:
    existing = _existing_tables(_Raw(connection))
    for table in (*sealed_tables(), "store_meta"):
        if table in existing:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {DIRTY}_mark ON {table}")
    connection.exec_driver_sql("DROP FUNCTION IF EXISTS examdesk_mark_row()")
    connection.exec_driver_sql("DROP FUNCTION IF EXISTS examdesk_mark_head()")
