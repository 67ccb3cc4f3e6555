"""Column types that encrypt on the way into the database and decrypt on the way out.

The cipher is attached to the engine's dialect when a store is unlocked, so one process can hold
several stores (tests do) and nothing global needs setting. The associated data is the column's
name, so a ciphertext copied into another column does not decrypt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from app.security.canonical import canonical_json
from app.security.envelope import FieldCipher

CIPHER_ATTR = "examdesk_cipher"


class StoreLocked(RuntimeError):
    """Encrypted data was touched before the store was unlocked with its passphrase."""


def cipher_of(dialect: Dialect) -> FieldCipher:
    cipher = getattr(dialect, CIPHER_ATTR, None)
    if cipher is None:
        raise StoreLocked("the store is locked: unlock it with the centre passphrase first")
    return cipher


@dataclass(frozen=True)
class RowBound:
    """A value to store bound to its row as well as its column (`FieldCipher.encrypt(row=...)`):
    pass it as the column's value. Its readers give the row they read (`step_row`)."""

    value: Any
    row: bytes


def step_row(attempt_id: int, seq: int) -> bytes:
    """The identity an attempt step's data is bound to: its attempt and its place in the log."""
    return f"attempt:{attempt_id}/seq:{seq}".encode()


class _Encrypted(TypeDecorator):
    impl = LargeBinary
    cache_ok = True

    def __init__(self, context: str):
        super().__init__()
        self.context = context.encode("utf-8")

    def _encode(self, value: Any) -> bytes:
        raise NotImplementedError

    def _decode(self, raw: bytes) -> Any:
        raise NotImplementedError

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, RowBound):
            return cipher_of(dialect).encrypt(self._encode(value.value), self.context, row=value.row)
        return cipher_of(dialect).encrypt(self._encode(value), self.context)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return self._decode(cipher_of(dialect).decrypt(bytes(value), self.context))


class EncryptedText(_Encrypted):
    cache_ok = True

    def _encode(self, value: str) -> bytes:
        return value.encode("utf-8")

    def _decode(self, raw: bytes) -> str:
        return raw.decode("utf-8")


class EncryptedBytes(_Encrypted):
    cache_ok = True

    def _encode(self, value: bytes) -> bytes:
        return bytes(value)

    def _decode(self, raw: bytes) -> bytes:
        return raw


def padded(plain: bytes) -> bytes:
    """`plain` with spaces up to its bucket: 64, 128, 256 ... 4096 bytes, then whole multiples of 4096.
    JSON ignores trailing spaces, so a padded value reads back as it was (values stored unpadded
    before too), and a true/false answer, or how many options a choice picked, no longer shows in
    the ciphertext's length."""
    size = 64
    while size < len(plain) and size < 4096:
        size *= 2
    if len(plain) > size:
        size = -(-len(plain) // 4096) * 4096
    return plain + b" " * (size - len(plain))


class EncryptedJSON(_Encrypted):
    cache_ok = True

    def __init__(self, context: str, *, pad: bool = False):
        super().__init__(context)
        self.pad = pad

    def _encode(self, value: Any) -> bytes:
        return padded(canonical_json(value)) if self.pad else canonical_json(value)

    def plaintext(self, value: Any) -> bytes:
        """What this column encrypts for `value` (the answer save encrypts on its own connection)."""
        return self._encode(value)

    def _decode(self, raw: bytes) -> Any:
        return json.loads(raw)
