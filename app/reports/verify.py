"""Checking a result bundle with nothing but the centre's public key."""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.reports.bundle import (
    LIVE,
    LIVE_FORMATS,
    MANIFEST,
    MATRIX,
    MATRIX_COLUMNS,
    MATRIX_FORMATS,
    READABLE_FORMATS,
    SIGNATURE,
)
from app.reports.zip_members import ZipMemberError, member_chunks, open_zip, read_member
from app.security.signing import fingerprint, verify_signature


@dataclass
class BundleCheck:
    ok: bool
    reason: str = ""
    manifest: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> str:
        m = self.manifest
        session = _mapping(m.get("session"))
        package = _mapping(m.get("package"))  # format 4: the sealed package the papers came from (docs/packages.md)
        return (
            f"valid: {_mapping(m.get('centre')).get('name', '?')}, session {session.get('code', '?')} "
            f"({session.get('standard', '?')} level {session.get('level', '?')}, {session.get('part', '?')}), "
            f"{len(m.get('files', []))} files, {m.get('candidates', '?')} candidates, "
            f"signed by {str(m.get('key_fingerprint', '?'))[:16]}…"
        ) + (
            # format 5 on: where the centre's audit chain stood (`examdesk store verify --head` shows a rollback)
            f"; audit head {str(m['audit_head'])[:90]}" if isinstance(m.get("audit_head"), str) else ""
        ) + (f"; papers from sealed package SHA-256 {str(package.get('digest'))[:64]}" if package else "")


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


# What a member may inflate to before verification stops reading it. The manifest of a bundle of
# 10,000 candidates is about 1.2 MiB; the signature is 64 bytes; every other member is read up to
# the size the signed manifest gives it (docs/results.md, "Verification").
MAX_MANIFEST = 16 * 1024 * 1024
MAX_SIGNATURE = 1024


def verify_bundle(path: Path, public: Ed25519PublicKey) -> BundleCheck:
    """Check a bundle offline. Never raises on a bad file: the reason names the member and the fault."""
    try:
        zf = open_zip(path)
    except ZipMemberError as exc:
        return BundleCheck(False, exc.message)
    with zf:
        try:
            check = _verify(zf, public)
        except ZipMemberError as exc:
            check = BundleCheck(False, exc.message)
    check.reason = _one_line(check.reason)
    return check


def _one_line(reason: str) -> str:
    """A reason as one line of text: a member name with a line break or another control character
    (any zip may name a member so) is shown with that character escaped."""
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c for c in reason)


def _verify(zf: zipfile.ZipFile, public: Ed25519PublicKey) -> BundleCheck:
    infos = zf.infolist()
    names = [info.filename for info in infos]
    counts = Counter(names)
    duplicates = sorted(n for n, c in counts.items() if c > 1)
    if duplicates:
        return BundleCheck(False, f"duplicate member: {duplicates[0]}")
    by_name = {info.filename: info for info in infos}
    for required in (MANIFEST, SIGNATURE):
        if required not in by_name:
            return BundleCheck(False, f"missing file: {required}")
    manifest_bytes = read_member(zf, by_name[MANIFEST], MAX_MANIFEST)
    signature = read_member(zf, by_name[SIGNATURE], MAX_SIGNATURE)
    manifest, why = _parse_manifest(manifest_bytes)
    if not verify_signature(public, signature, manifest_bytes):
        named = manifest.get("key_fingerprint")
        if isinstance(named, str) and named and named != fingerprint(public):
            return BundleCheck(False, f"wrong key: the bundle names key {named[:16]}…, "
                                      f"the given public key is {fingerprint(public)[:16]}…")  # fmt: skip
        return BundleCheck(False, "bad signature: manifest.json was changed or not signed by this key")
    if why:  # signed by the centre's key, yet not a manifest this version can read
        return BundleCheck(False, why)
    if manifest.get("format") not in READABLE_FORMATS:
        return BundleCheck(False, f"unknown bundle format {str(manifest.get('format'))[:40]!r}")
    carries_matrix = (
        manifest.get("format") in MATRIX_FORMATS and _mapping(manifest.get("session")).get("part") == "theory"
    )
    # format 7: a skill session's bundle carries its observed and oral tasks' records
    carries_live = manifest.get("format") in LIVE_FORMATS and _mapping(manifest.get("session")).get("part") == "skill"
    listed: dict[str, tuple[int, str]] = {}
    for i, entry in enumerate(manifest.get("files") if isinstance(manifest.get("files"), list) else [None]):
        if not _is_entry(entry):
            return BundleCheck(False, f"manifest.json: files[{i}] is not a file entry (path, sha256, size)")
        if entry["path"] in listed or entry["path"] in (MANIFEST, SIGNATURE):
            return BundleCheck(False, f"manifest.json: files[{i}] lists {entry['path'][:80]} twice")
        listed[entry["path"]] = (entry["size"], entry["sha256"])
    for name in names:
        if name not in listed and name not in (MANIFEST, SIGNATURE):
            return BundleCheck(False, f"extra file: {name}", manifest)
    if carries_matrix and MATRIX not in listed:  # format 3: a theory session's bundle carries its answers
        return BundleCheck(False, f"missing file: {MATRIX} (a theory session's bundle of "
                                  f"{manifest.get('format')} carries it)", manifest)  # fmt: skip
    if carries_live and LIVE not in listed:
        return BundleCheck(False, f"missing file: {LIVE} (a skill session's bundle of "
                                  f"{manifest.get('format')} carries it)", manifest)  # fmt: skip
    for name, (size, sha256) in sorted(listed.items()):
        if name not in by_name:
            return BundleCheck(False, f"missing file: {name}", manifest)
        info = by_name[name]
        if info.file_size != size:
            return BundleCheck(False, f"size mismatch: {name} is {info.file_size} bytes, manifest says {size}",
                               manifest)  # fmt: skip
        digest, read = hashlib.sha256(), 0
        try:  # in chunks, and no further than the signed size: a member cannot inflate past it
            for chunk in member_chunks(zf, info, size):
                digest.update(chunk)
                read += len(chunk)
        except ZipMemberError as exc:
            return BundleCheck(False, exc.message, manifest)
        if read != size:
            return BundleCheck(False, f"size mismatch: {name} is {read} bytes, manifest says {size}", manifest)
        if digest.hexdigest() != sha256:
            return BundleCheck(False, f"digest mismatch: {name}", manifest)
    if carries_matrix:
        why = _matrix_problem(zf, by_name[MATRIX], listed[MATRIX][0], _mapping(manifest.get("response_matrix")))
        if why:
            return BundleCheck(False, why, manifest)
    if carries_live:
        why = _live_problem(zf, by_name[LIVE], listed[LIVE][0], _mapping(manifest.get("live_tasks")))
        if why:
            return BundleCheck(False, why, manifest)
    return BundleCheck(True, "", manifest)


def _live_problem(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int, described: dict[str, Any]) -> str:
    """Why the live task records (already checked against their signed digest) are not what the
    manifest describes ("" when they are): a JSON object whose candidates and tasks it counts."""
    data = b"".join(member_chunks(zf, info, size))
    try:
        value = json.loads(data)
    except RecursionError:
        return f"{LIVE}: JSON nested too deeply"
    except ValueError as exc:
        return f"{LIVE}: not JSON ({exc})"
    records = value.get("candidates") if isinstance(value, dict) else None
    if not isinstance(records, list) or not all(isinstance(r, dict) and isinstance(r.get("tasks"), list)
                                                for r in records):  # fmt: skip
        return f"{LIVE}: not a list of candidates, each with its tasks"
    tasks = sum(len(r["tasks"]) for r in records)
    if described.get("candidates") != len(records) or described.get("tasks") != tasks:
        return (f"{LIVE}: {tasks} tasks of {len(records)} candidates, the manifest says "
                f"{described.get('tasks')} tasks of {described.get('candidates')}")  # fmt: skip
    return ""


def _csv_lines(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> Iterator[str]:
    """A member's UTF-8 text, a line at a time (line ends kept, as csv.reader wants them), read in
    chunks: a large matrix is never held whole."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    rest = ""
    for chunk in member_chunks(zf, info, size):
        lines = (rest + decoder.decode(chunk)).split("\n")  # only at \n: the csv module sees \r\n itself
        rest = lines.pop()
        for line in lines:
            yield line + "\n"
    rest += decoder.decode(b"", final=True)
    if rest:
        yield rest


def _matrix_problem(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int, described: dict[str, Any]) -> str:
    """Why the response matrix (already checked against its signed digest) is not one ("" when it is):
    its header, the number of cells in every row, and the candidates and rows the manifest counts."""
    try:
        reader = csv.reader(_csv_lines(zf, info, size))
        header = next(reader, None)
        if header is None or tuple(header) != MATRIX_COLUMNS:
            return f"{MATRIX}: the header is not {','.join(MATRIX_COLUMNS)}"
        candidates, rows = set(), 0
        for row in reader:
            rows += 1
            if len(row) != len(MATRIX_COLUMNS):
                return f"{MATRIX}: row {rows} has {len(row)} cells, not {len(MATRIX_COLUMNS)}"
            candidates.add(row[0])
    except UnicodeDecodeError:
        return f"{MATRIX}: not UTF-8 text"
    except csv.Error as exc:
        return f"{MATRIX}: not CSV ({exc})"
    if described.get("rows") != rows or described.get("candidates") != len(candidates):
        return (f"{MATRIX}: {rows} rows of {len(candidates)} candidates, the manifest says "
                f"{described.get('rows')} rows of {described.get('candidates')}")  # fmt: skip
    return ""


def _parse_manifest(data: bytes) -> tuple[dict[str, Any], str]:
    """The manifest as a dict, and why it is not one ("" when it is)."""
    try:
        value = json.loads(data)
    except RecursionError:  # json nests as deep as the text does, and Python's stack does not
        return {}, "manifest.json: JSON nested too deeply"
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError included
        return {}, f"manifest.json: not JSON ({exc})"
    if not isinstance(value, dict):
        return {}, "manifest.json: not a JSON object"
    return value, ""


def _is_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and isinstance(entry.get("sha256"), str)
        and isinstance(entry.get("size"), int)
        and not isinstance(entry.get("size"), bool)
        and entry["size"] >= 0
    )
