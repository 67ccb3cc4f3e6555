"""Checking a result bundle with nothing but the centre's public key."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.reports.bundle import MANIFEST, READABLE_FORMATS, SIGNATURE
from app.security.signing import fingerprint, verify_signature


@dataclass
class BundleCheck:
    ok: bool
    reason: str = ""
    manifest: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> str:
        m = self.manifest
        session = m.get("session", {})
        return (
            f"valid: {m.get('centre', {}).get('name', '?')}, session {session.get('code', '?')} "
            f"({session.get('standard', '?')} level {session.get('level', '?')}, {session.get('part', '?')}), "
            f"{len(m.get('files', []))} files, {m.get('candidates', '?')} candidates, "
            f"signed by {m.get('key_fingerprint', '?')[:16]}…"
        )


def verify_bundle(path: Path, public: Ed25519PublicKey) -> BundleCheck:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return BundleCheck(False, f"not a readable zip file: {exc}")
    with zf:
        names = zf.namelist()
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            return BundleCheck(False, f"duplicate member: {duplicates[0]}")
        for required in (MANIFEST, SIGNATURE):
            if required not in names:
                return BundleCheck(False, f"missing file: {required}")
        try:
            manifest_bytes = zf.read(MANIFEST)
            signature = zf.read(SIGNATURE)
        except (zipfile.BadZipFile, OSError) as exc:
            return BundleCheck(False, f"corrupt member: {exc}")
        try:
            manifest = json.loads(manifest_bytes)
        except ValueError:
            manifest = {}
        if not verify_signature(public, signature, manifest_bytes):
            named = manifest.get("key_fingerprint") if isinstance(manifest, dict) else None
            if named and named != fingerprint(public):
                return BundleCheck(False, f"wrong key: the bundle names key {named[:16]}…, "
                                          f"the given public key is {fingerprint(public)[:16]}…")  # fmt: skip
            return BundleCheck(False, "bad signature: manifest.json was changed or not signed by this key")
        if manifest.get("format") not in READABLE_FORMATS:
            return BundleCheck(False, f"unknown bundle format {manifest.get('format')!r}")
        listed = {entry["path"]: entry for entry in manifest["files"]}
        for name in names:
            if name not in listed and name not in (MANIFEST, SIGNATURE):
                return BundleCheck(False, f"extra file: {name}", manifest)
        for name, entry in sorted(listed.items()):
            if name not in names:
                return BundleCheck(False, f"missing file: {name}", manifest)
            try:
                data = zf.read(name)
            except (zipfile.BadZipFile, OSError) as exc:  # zip CRC catches a changed compressed byte
                return BundleCheck(False, f"corrupt member {name}: {exc}", manifest)
            if len(data) != entry["size"]:
                return BundleCheck(False, f"size mismatch: {name} is {len(data)} bytes, manifest says {entry['size']}",
                                   manifest)  # fmt: skip
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                return BundleCheck(False, f"digest mismatch: {name}", manifest)
    return BundleCheck(True, "", manifest)
