"""Codes people read out and type: Crockford's base32 (no I, L, O, U), in groups of five."""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ENROLMENT_SECRET_LENGTH = 10  # 50 bits, single use, valid for minutes (app/services/stations.py)


def random_code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def code_of_digest(digest: bytes, length: int) -> str:
    """The first `length` x 5 bits of `digest` in the same alphabet."""
    bits = int.from_bytes(digest, "big")
    total = len(digest) * 8
    return "".join(ALPHABET[(bits >> (total - 5 * (i + 1))) & 31] for i in range(length))


def normalise(typed: str) -> str:
    """What someone typed, as issued: case, spaces and dashes do not matter; O, I and L read as 0, 1, 1."""
    cleaned = typed.upper().replace("-", "").replace(" ", "")
    return cleaned.translate(str.maketrans("OIL", "011"))


def grouped(code: str) -> str:
    return "-".join(code[i : i + 5] for i in range(0, len(code), 5))
