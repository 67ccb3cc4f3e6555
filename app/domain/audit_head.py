"""Where a store's audit chain stands, as people and other programs pass it around: `SEQ:HASH`
(the last entry's sequence number and MAC). The store writes it (app/store/audit.py), bundles and
room records carry it, stations hold it (app/station/audit_head.py); a head kept outside the store
shows a store put back to an earlier copy."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEAD_TEXT = re.compile(r"^(\d+):([0-9a-f]{16,64})$")


class BadHead(ValueError):
    """A head given from outside that is not of the form SEQ:HASH."""


@dataclass(frozen=True)
class AuditHead:
    """Where the audit chain stood: its last entry's sequence number and MAC (hex)."""

    seq: int
    mac: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.mac}"

    @staticmethod
    def parse(text: str) -> AuditHead:
        found = _HEAD_TEXT.match(text.strip().lower())
        if not found:
            raise BadHead(f"{text[:100]!r} is not an audit head: expected SEQ:HASH (the hash at least 16 hex digits)")
        return AuditHead(int(found.group(1)), found.group(2))
