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


def canonical_text(value: Any) -> str:
    """`canonical_json` before encoding: a value's text is the same alone or nested in a larger value
    (keys are sorted at every level), so a caller may compose canonical JSON from its parts."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no insignificant spaces, UTF-8 (not \\u escapes)."""
    return canonical_text(value).encode("utf-8")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()
