"""Checking a result bundle with nothing but the centre's public key."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.reports.bundle import MANIFEST, READABLE_FORMATS, SIGNATURE
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
        return (
            f"valid: {_mapping(m.get('centre')).get('name', '?')}, session {session.get('code', '?')} "
            f"({session.get('standard', '?')} level {session.get('level', '?')}, {session.get('part', '?')}), "
            f"{len(m.get('files', []))} files, {m.get('candidates', '?')} candidates, "
            f"signed by {str(m.get('key_fingerprint', '?'))[:16]}…"
        )


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
            return _verify(zf, public)
        except ZipMemberError as exc:
            return BundleCheck(False, exc.message)


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
    return BundleCheck(True, "", manifest)


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
