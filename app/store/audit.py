"""The audit chain: every state-changing action appends an entry in its own transaction.

Each entry carries a keyed MAC (HMAC-SHA256 under a subkey of the data key) over its fields and
the previous entry's MAC. Editing, deleting or reordering entries breaks the chain, and nobody
without the centre passphrase can compute a replacement chain. The head (last sequence number and
MAC) is also kept, MAC'd, in store_meta, so cutting entries off the end is caught too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.security.canonical import canonical_json
from app.security.envelope import FieldCipher
from app.store.models import AuditEntry, StoreMeta

GENESIS = "0" * 64
_PURPOSE = b"audit-chain"
_HEAD = "audit_head"


def _entry_mac(cipher: FieldCipher, entry: AuditEntry) -> str:
    return _fields_mac(cipher, entry.seq, entry.wall, entry.actor, entry.action, entry.target, entry.data_digest,
                       entry.prev_mac)  # fmt: skip


def _fields_mac(cipher: FieldCipher, seq: int, wall: str, actor: str, action: str, target: str, data_digest: str,
                prev_mac: str) -> str:  # fmt: skip
    body = canonical_json(
        {"seq": seq, "wall": wall, "actor": actor, "action": action, "target": target, "data": data_digest,
         "prev": prev_mac}
    )  # fmt: skip
    return cipher.mac(body, _PURPOSE)


def _head_value(cipher: FieldCipher, seq: int, mac: str) -> str:
    return f"{seq}:{mac}:{cipher.mac(f'{seq}:{mac}'.encode(), _PURPOSE + b'/head')}"


_HEAD_GET = select(StoreMeta.value).where(StoreMeta.key == _HEAD)
_HEAD_SET = update(StoreMeta).where(StoreMeta.key == _HEAD).values(value=bindparam("value"))
_HEAD_ADD = insert(StoreMeta).values(key=_HEAD, value=bindparam("value"))
_ENTRY_ADD = insert(AuditEntry)


def data_digest(cipher: FieldCipher, data: Any) -> str:
    """What an entry records of the data its action was given: keyed, since a plain SHA-256 of a
    short answer ("B" at question 3) could be found by guessing."""
    return cipher.mac(canonical_json(data), _PURPOSE + b"/data")


def next_entry(
    cipher: FieldCipher, head: str | None, *, wall: str, actor: str, action: str, target: str, data: Any
) -> tuple[dict[str, Any], str]:
    """The row of the entry that follows `head` (the stored head value), and the new head value."""
    if head is None:
        last_seq, last_mac = 0, GENESIS
    else:
        seq_text, last_mac, _ = head.split(":", 2)
        last_seq = int(seq_text)
    seq, digest = last_seq + 1, data_digest(cipher, data)
    mac = _fields_mac(cipher, seq, wall, actor, action, target, digest, last_mac)  # no ORM object: the save path
    row = {
        "seq": seq, "wall": wall, "actor": actor, "action": action, "target": target,
        "data_digest": digest, "prev_mac": last_mac, "mac": mac,
    }  # fmt: skip
    return row, _head_value(cipher, seq, mac)


def append(
    target_session: Session | Connection | sqlite3.Connection,
    cipher: FieldCipher,
    *,
    wall: str,
    actor: str,
    action: str,
    target: str,
    data: Any,
) -> int:
    """Append one entry in the caller's transaction; returns its sequence number. The same three
    statements on an ORM session, a Core connection, or the embedded store's own sqlite3
    connection (the answer-save path, `Database.write_connection`)."""
    if isinstance(target_session, sqlite3.Connection):
        found = target_session.execute(_SQLITE_HEAD_GET).fetchone()
        head = found[0] if found else None
        row, new_head = next_entry(cipher, head, wall=wall, actor=actor, action=action, target=target, data=data)
        target_session.execute(_SQLITE_ENTRY_ADD, row)
        target_session.execute(_SQLITE_HEAD_ADD if head is None else _SQLITE_HEAD_SET, (new_head,))
        return row["seq"]
    connection = target_session.connection() if isinstance(target_session, Session) else target_session
    head = connection.execute(_HEAD_GET).scalar()
    row, new_head = next_entry(cipher, head, wall=wall, actor=actor, action=action, target=target, data=data)
    connection.execute(_ENTRY_ADD, [row])
    connection.execute(_HEAD_ADD if head is None else _HEAD_SET, {"value": new_head})
    return row["seq"]


# The same statements in the sqlite3 module's own form.
_SQLITE_HEAD_GET = f"SELECT value FROM store_meta WHERE key = '{_HEAD}'"
_SQLITE_HEAD_SET = f"UPDATE store_meta SET value = ? WHERE key = '{_HEAD}'"
_SQLITE_HEAD_ADD = f"INSERT INTO store_meta (key, value) VALUES ('{_HEAD}', ?)"
_SQLITE_ENTRY_ADD = (
    "INSERT INTO audit_entries (seq, wall, actor, action, target, data_digest, prev_mac, mac) "
    "VALUES (:seq, :wall, :actor, :action, :target, :data_digest, :prev_mac, :mac)"
)


@dataclass(frozen=True)
class AuditReport:
    entries: int
    first_broken: int | None  # sequence number of the first entry that fails, if any
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def verify(session: Session, cipher: FieldCipher) -> AuditReport:
    expected_seq, prev = 1, GENESIS
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        count += 1
        if entry.seq != expected_seq:
            return AuditReport(count, expected_seq, f"entry {expected_seq} is missing (next is {entry.seq})")
        if entry.prev_mac != prev:
            return AuditReport(count, entry.seq, "does not follow the entry before it (reordered or replaced)")
        if _entry_mac(cipher, entry) != entry.mac:
            return AuditReport(count, entry.seq, "its content was changed after it was written")
        prev, expected_seq = entry.mac, expected_seq + 1
    head = session.get(StoreMeta, _HEAD)
    last_seq = expected_seq - 1
    if head is None:
        if last_seq:
            return AuditReport(count, last_seq, "the chain's head record is missing")
        return AuditReport(count, None)
    if head.value != _head_value(cipher, last_seq, prev):
        stated = head.value.split(":", 1)[0]
        return AuditReport(
            count,
            last_seq + 1 if stated.isdigit() and int(stated) > last_seq else last_seq,
            f"the chain ends at entry {last_seq} but its head record says {stated}: entries were cut off",
        )
    return AuditReport(count, None)


