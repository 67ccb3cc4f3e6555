"""Signed score records for QR codes, in the manner of the EU Digital COVID Certificate.

    payload = "EXD1:" + Base45( key_id[8] || CBOR(record) || Ed25519(signature)[64] )

The signature covers b"EXD1" + key_id + CBOR bytes. Base45 (RFC 9285) uses only characters of
the QR alphanumeric mode, which packs them densely; the record uses short keys. `verify` needs
only the centre's public key and no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cbor2
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.security.signing import SigningKey, key_id, verify_signature

PREFIX = "EXD1:"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUE = {c: i for i, c in enumerate(_ALPHABET)}

# record field -> CBOR key (short, so the QR stays small)
FIELDS = {
    "ticket": "t", "masked_id": "i", "standard": "s", "subtype": "u", "level": "l",
    "scores": "p", "passed": "ok", "session": "n", "date": "d", "centre": "c", "sittings": "y",
}  # fmt: skip
_BACK = {v: k for k, v in FIELDS.items()}


class PayloadError(ValueError):
    """Why a payload does not verify."""


def b45encode(data: bytes) -> str:
    out = []
    for i in range(0, len(data), 2):
        chunk = data[i : i + 2]
        if len(chunk) == 2:
            n = chunk[0] * 256 + chunk[1]
            out += [_ALPHABET[n % 45], _ALPHABET[n // 45 % 45], _ALPHABET[n // 2025]]
        else:
            n = chunk[0]
            out += [_ALPHABET[n % 45], _ALPHABET[n // 45]]
    return "".join(out)


def b45decode(text: str) -> bytes:
    try:
        values = [_VALUE[c] for c in text]
    except KeyError as exc:
        raise PayloadError(f"character {exc.args[0]!r} is not Base45") from None
    out = bytearray()
    for i in range(0, len(values), 3):
        group = values[i : i + 3]
        if len(group) == 3:
            n = group[0] + group[1] * 45 + group[2] * 2025
            if n > 0xFFFF:
                raise PayloadError("invalid Base45 group")
            out += bytes([n // 256, n % 256])
        elif len(group) == 2:
            n = group[0] + group[1] * 45
            if n > 0xFF:
                raise PayloadError("invalid Base45 group")
            out.append(n)
        else:
            raise PayloadError("Base45 text has a dangling character")
    return bytes(out)


def encode(record: dict[str, Any], key: SigningKey) -> str:
    compact = {FIELDS[k]: v for k, v in record.items() if v is not None}
    body = cbor2.dumps(compact, canonical=True)
    kid = key_id(key.public)
    signature = key.sign(PREFIX[:-1].encode() + kid + body)
    return PREFIX + b45encode(kid + body + signature)


@dataclass(frozen=True)
class VerifiedRecord:
    record: dict[str, Any]
    key_id: str


def verify(payload: str, public: Ed25519PublicKey) -> VerifiedRecord:
    text = payload.strip()
    if not text.startswith(PREFIX):
        raise PayloadError(f"not an ExamDesk score record (expected the prefix {PREFIX})")
    raw = b45decode(text[len(PREFIX) :])
    if len(raw) < 8 + 1 + 64:
        raise PayloadError("payload too short")
    kid, body, signature = raw[:8], raw[8:-64], raw[-64:]
    if kid != key_id(public):
        raise PayloadError(f"signed by key {kid.hex()}, not by the given public key ({key_id(public).hex()})")
    if not verify_signature(public, signature, PREFIX[:-1].encode() + kid + body):
        raise PayloadError("signature does not match: the record was changed or not signed by this key")
    try:
        compact = cbor2.loads(body)
    except Exception as exc:  # a valid signature over malformed CBOR means a bug on the signing side
        raise PayloadError(f"record is not valid CBOR: {exc}") from None
    return VerifiedRecord({_BACK.get(k, k): v for k, v in compact.items()}, kid.hex())
