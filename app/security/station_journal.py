"""Keys and sealed files of a candidate station's journal (app/station/journal.py).

The journal key of a station is derived from the store's data key, so the centre can derive the
key of any station it has enrolled, and a station holds only its own:

    journal_key(data_key, station) = HKDF-SHA256(ikm=data_key, salt=None,
                                                 info="examdesk/station-journal/1|" + station, length=32)

`data_key` is the 32-byte store data key (app.security.envelope, unwrapped with the centre
passphrase: `FieldCipher.journal_key(station)` on the centre). Enrolment hands the result to the
station; it never leaves the station otherwise.

A dead PC's unsent records leave it as a sealed file (`seal_export`): a header in clear naming
the station, the ticket and the attempt, then AES-256-GCM under the station's journal key with
the header as associated data, so a file cannot be read, altered, or passed off as another
candidate's (`open_export`).
"""

from __future__ import annotations

import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.security.canonical import canonical_json

KEY_BYTES = 32
_INFO = b"examdesk/station-journal/1|"
EXPORT_MAGIC = b"EXAMDESK-JOURNAL-EXPORT/1\n"
_MAX_HEADER = 4096


class SealedFileError(ValueError):
    """A sealed journal file that is not one, or fails authentication."""


def journal_key(store_secret: bytes, station: str) -> bytes:
    """The 32-byte journal key of `station`, derived from the store's data key (see above)."""
    if len(store_secret) < KEY_BYTES:
        raise ValueError("the store secret is the 32-byte data key")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=_INFO + station.encode("utf-8"))
    return hkdf.derive(store_secret)


def seal_export(key: bytes, header: dict[str, Any], records: list[dict[str, Any]]) -> bytes:
    """`records` sealed under `key`, bound to `header` (station, ticket, attempt_id)."""
    head = canonical_json(header)
    nonce = os.urandom(12)
    body = AESGCM(key).encrypt(nonce, canonical_json({"records": records}), EXPORT_MAGIC + head)
    return EXPORT_MAGIC + len(head).to_bytes(4, "big") + head + nonce + body


def export_header(blob: bytes) -> dict[str, Any]:
    """The clear header of a sealed export (not yet authenticated: `open_export` checks it)."""
    if not blob.startswith(EXPORT_MAGIC) or len(blob) < len(EXPORT_MAGIC) + 4:
        raise SealedFileError("not an ExamDesk journal export")
    at = len(EXPORT_MAGIC)
    size = int.from_bytes(blob[at : at + 4], "big")
    if size > _MAX_HEADER or len(blob) < at + 4 + size + 12 + 16:
        raise SealedFileError("the journal export is cut short or damaged")
    try:
        header = json.loads(blob[at + 4 : at + 4 + size])
    except ValueError:
        raise SealedFileError("the journal export's header is damaged") from None
    if not isinstance(header, dict):
        raise SealedFileError("the journal export's header is damaged")
    return header


def open_export(key: bytes, blob: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(header, records) of a sealed export; SealedFileError when it was altered or sealed under another key."""
    header = export_header(blob)
    at = len(EXPORT_MAGIC)
    size = int.from_bytes(blob[at : at + 4], "big")
    head = blob[at + 4 : at + 4 + size]
    nonce, body = blob[at + 4 + size : at + 16 + size], blob[at + 16 + size :]
    try:
        plain = AESGCM(key).decrypt(nonce, body, EXPORT_MAGIC + head)
    except InvalidTag:
        raise SealedFileError("the journal export was altered, or sealed for another station") from None
    records = json.loads(plain).get("records")
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise SealedFileError("the journal export holds no records")
    return header, records
