"""Canonical JSON: one byte string per value, so digests and signatures are reproducible."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot encode {type(value).__name__} canonically")


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no insignificant spaces, UTF-8 (not \\u escapes)."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    ).encode("utf-8")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()
