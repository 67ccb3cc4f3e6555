"""Signed result bundles: a zip of results, reports, audit and incident logs, with a manifest.

`manifest.json` (canonical JSON) lists every other member with its SHA-256 and size, and names
the centre, session, key fingerprint, app version and time. `manifest.sig` is the raw 64-byte
Ed25519 signature over the exact bytes of manifest.json, so OpenSSL alone can check it:

    openssl pkeyutl -verify -pubin -inkey centre.pub.pem -rawin -in manifest.json -sigfile manifest.sig
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import __version__
from app.security.canonical import canonical_json
from app.security.signing import SigningKey

# 2: results name the registration and the sitting each counted part comes from (docs/results.md)
FORMAT = "examdesk-bundle/2"
READABLE_FORMATS = ("examdesk-bundle/1", FORMAT)
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
CSV_COLUMNS = (
    ("ticket", "准考证号"), ("name", "姓名"), ("id_number", "身份证号"), ("status", "考试状态"),
    ("theory", "理论知识"), ("skill", "技能考核"), ("review", "综合评审"), ("result", "认定结果"),
    ("theory_session", "理论知识场次"), ("skill_session", "技能考核场次"), ("review_session", "综合评审场次"),
)  # fmt: skip
PARTS = ("theory", "skill", "review")

Progress = Callable[[int, int], None]


def results_csv(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f"{zh} ({en})" for en, zh in CSV_COLUMNS])
    for row in rows:
        parts = row["parts"]
        writer.writerow(
            [row["ticket"], row["name"], row["id_number"], row["status"]]
            + [parts.get(p, {}).get("score", "") for p in PARTS]
            + [row["result"]]
            + [parts.get(p, {}).get("session", "") for p in PARTS]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


def write_bundle(
    out: Path,
    *,
    header: dict[str, Any],
    members: dict[str, bytes],
    key: SigningKey,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Write the zip atomically (temp file, fsync, rename); return the manifest."""
    files = [
        {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in sorted(members.items())
    ]
    manifest = {
        "format": FORMAT,
        **header,
        "key_fingerprint": key.fingerprint,
        "app_version": __version__,
        "files": files,
    }
    manifest_bytes = canonical_json(manifest)
    signature = key.sign(manifest_bytes)
    tmp = out.with_name(out.name + ".part")
    # Members are stored, not deflated: then every byte of a member is its content, so any
    # changed byte fails its CRC and digest (a flipped padding bit in a deflate stream would not).
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(SIGNATURE, signature)
        for n, (name, data) in enumerate(sorted(members.items()), 1):
            zf.writestr(name, data)
            if progress:
                progress(n, len(members))
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, out)
    return manifest
