"""Envelope encryption at rest.

A random 256-bit data key encrypts every sensitive value with AES-256-GCM. The data key is
stored only wrapped (AES-256-GCM again) by a key-encryption key derived from the centre
passphrase with Argon2id, whose parameters and salt are stored beside the wrapped key. Changing
the passphrase re-wraps the data key; no data is re-encrypted. A wrong passphrase fails the
GCM tag check and changes nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT = 1  # first byte of every ciphertext: lets the format change without guessing
# First byte of a ciphertext bound to its row as well as its column: 2, the row's identity (2-byte
# length, then the text, e.g. "attempt:7/seq:3"), nonce, AES-GCM under (column context, 0, row).
ROW_BOUND = 2
_WRAP_AAD = b"examdesk/data-key/v1"


class WrongPassphrase(Exception):
    """The passphrase does not unlock this store."""


class CorruptCiphertext(Exception):
    """A stored value failed authentication: it was altered, moved or is not ours."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored with the wrapped key so that unlocking repeats them exactly."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2

    def as_dict(self) -> dict[str, int]:
        return {"time_cost": self.time_cost, "memory_kib": self.memory_kib, "parallelism": self.parallelism}


DEFAULT_KDF = KdfParams()
# For tests and benchmarks only: the same construction, fast.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@dataclass(frozen=True)
class WrappedKey:
    key_id: str
    salt: bytes
    kdf: KdfParams
    wrapped: bytes  # nonce + AES-GCM(data key)


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _wrap(data_key: bytes, passphrase: str, params: KdfParams, key_id: str) -> WrappedKey:
    salt = os.urandom(16)
    nonce = os.urandom(12)
    kek = derive_kek(passphrase, salt, params)
    wrapped = nonce + AESGCM(kek).encrypt(nonce, data_key, _WRAP_AAD + key_id.encode())
    return WrappedKey(key_id, salt, params, wrapped)


def new_data_key(passphrase: str, params: KdfParams = DEFAULT_KDF) -> tuple[WrappedKey, FieldCipher]:
    data_key = AESGCM.generate_key(bit_length=256)
    key_id = hashlib.sha256(data_key).hexdigest()[:16]
    return _wrap(data_key, passphrase, params, key_id), FieldCipher(data_key)


def unwrap(record: WrappedKey, passphrase: str) -> FieldCipher:
    kek = derive_kek(passphrase, record.salt, record.kdf)
    nonce, body = record.wrapped[:12], record.wrapped[12:]
    try:
        data_key = AESGCM(kek).decrypt(nonce, body, _WRAP_AAD + record.key_id.encode())
    except InvalidTag:
        raise WrongPassphrase("the passphrase does not unlock this store") from None
    return FieldCipher(data_key)


def rewrap(record: WrappedKey, old: str, new: str, params: KdfParams | None = None) -> WrappedKey:
    """The same data key under a new passphrase (and fresh salt)."""
    cipher = unwrap(record, old)
    return _wrap(cipher._key, new, params or record.kdf, record.key_id)


class FieldCipher:
    """AES-256-GCM for single values. The associated data names where a value belongs (e.g. the
    table and column), so a ciphertext copied into another column fails to decrypt."""

    def __init__(self, key: bytes):
        self._key = key
        self._aead = AESGCM(key)
        self.key_id = hashlib.sha256(key).hexdigest()[:16]
        self._subkeys: dict[bytes, bytes] = {}

    def __reduce__(self) -> tuple[type[FieldCipher], tuple[bytes]]:
        # pickled only to hand an unlocked store to a child process (app/store/database.py StoreHandle)
        return FieldCipher, (self._key,)

    def encrypt(self, plaintext: bytes, context: bytes, row: bytes | None = None) -> bytes:
        """`row`: the identity of the row the value belongs to (ROW_BOUND); without it, the column only."""
        nonce = os.urandom(12)
        if row is None:
            return bytes([FORMAT]) + nonce + self._aead.encrypt(nonce, plaintext, context)
        head = bytes([ROW_BOUND]) + len(row).to_bytes(2, "big") + row
        return head + nonce + self._aead.encrypt(nonce, plaintext, context + b"\x00" + row)

    def decrypt(self, blob: bytes, context: bytes, row: bytes | None = None) -> bytes:
        """`row`: the identity of the row the caller read the value from; a value bound to another row
        (copied or swapped between rows outside ExamDesk) is refused, naming both."""
        if blob and blob[0] == ROW_BOUND and len(blob) >= 3:
            size = int.from_bytes(blob[1:3], "big")
            bound, rest = blob[3 : 3 + size], blob[3 + size :]
            if row is not None and bound != row:
                raise CorruptCiphertext(
                    f"the value stored at {row.decode(errors='replace')} belongs to "
                    f"{bound.decode(errors='replace')}: it was moved there outside ExamDesk"
                )  # fmt: skip
            blob, context = bytes([FORMAT]) + rest, context + b"\x00" + bound
        if not blob or blob[0] != FORMAT or len(blob) < 1 + 12 + 16:
            raise CorruptCiphertext("not an ExamDesk ciphertext")
        try:
            return self._aead.decrypt(blob[1:13], blob[13:], context)
        except InvalidTag:
            raise CorruptCiphertext("a stored value failed authentication") from None

    def mac(self, message: bytes, purpose: bytes) -> str:
        """A keyed digest (HMAC-SHA256 under a subkey for `purpose`), e.g. for the audit chain."""
        subkey = self._subkeys.get(purpose)
        if subkey is None:
            subkey = hmac.new(self._key, b"examdesk/subkey/" + purpose, hashlib.sha256).digest()
            self._subkeys[purpose] = subkey
        return hmac.digest(subkey, message, "sha256").hex()  # one call (OpenSSL's HMAC), as hmac.new(...).hexdigest()

    def journal_key(self, station: str) -> bytes:
        """The journal key of a candidate station, derived from the data key (app.security.station_journal)."""
        from app.security.station_journal import journal_key

        return journal_key(self._key, station)

    def blind_index(self, value: str, purpose: bytes) -> str:
        """A deterministic keyed digest to look up an encrypted value (e.g. an ID number)."""
        return self.mac(value.encode("utf-8"), b"index/" + purpose)
