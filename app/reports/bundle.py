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
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app import __version__
from app.security.canonical import canonical_json
from app.security.signing import SigningKey

# 2: results name the registration and the sitting each counted part comes from (docs/results.md)
# 3: a theory session's bundle carries the anonymised response matrix (response_matrix.csv)
# 4: the manifest names the sealed package the session's papers came from (`package`; docs/packages.md)
# 5: the manifest carries the audit head (`audit_head`, SEQ:HASH), so a later rollback of the store shows
# 6: a review record's materials register gives each entry a `status` (received or missing)
# 7: a skill session's bundle carries the records of its observed and oral tasks (live_tasks.json)
FORMAT = "examdesk-bundle/7"
READABLE_FORMATS = ("examdesk-bundle/1", "examdesk-bundle/2", "examdesk-bundle/3", "examdesk-bundle/4",
                    "examdesk-bundle/5", "examdesk-bundle/6", FORMAT)  # fmt: skip
# a theory session's bundle of these carries the response matrix
MATRIX_FORMATS = ("examdesk-bundle/3", "examdesk-bundle/4", "examdesk-bundle/5", "examdesk-bundle/6", FORMAT)
# a skill session's bundle of these carries its live task records
LIVE_FORMATS = (FORMAT,)
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
CSV_COLUMNS = (
    ("ticket", "准考证号"), ("name", "姓名"), ("id_number", "身份证号"), ("status", "考试状态"),
    ("theory", "理论知识"), ("skill", "技能考核"), ("review", "综合评审"), ("result", "认定结果"),
    ("theory_session", "理论知识场次"), ("skill_session", "技能考核场次"), ("review_session", "综合评审场次"),
)  # fmt: skip
PARTS = ("theory", "skill", "review")
# The anonymised response matrix of a theory session: one row per candidate and item (docs/results.md)
MATRIX = "response_matrix.csv"
# A skill session's observed and oral tasks: per candidate and task, the record behind its score
LIVE = "live_tasks.json"
MATRIX_COLUMNS = ("candidate", "item_version", "item_id", "area", "type", "score", "max_score", "omitted", "response")

Progress = Callable[[int, int], None]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, kept as text: prefixed with `'`.
    (A roster name `=HYPERLINK(...)` must reach results.csv as a name, not as a link.)"""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def results_csv(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f"{zh} ({en})" for en, zh in CSV_COLUMNS])
    for row in rows:
        parts = row["parts"]
        writer.writerow(
            spreadsheet_safe(cell)
            for cell in [row["ticket"], row["name"], row["id_number"], row["status"]]
            + [parts.get(p, {}).get("score", "") for p in PARTS]
            + [row["result"]]
            + [parts.get(p, {}).get("session", "") for p in PARTS]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


def response_matrix_csv(rows: Iterable[Sequence[Any]]) -> bytes:
    """The response matrix as CSV (UTF-8 with BOM, CRLF): a header of MATRIX_COLUMNS, then the rows
    as given, one cell per column; text a spreadsheet would run as a formula starts with `'`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(MATRIX_COLUMNS)
    for row in rows:
        if len(row) != len(MATRIX_COLUMNS):
            raise ValueError(f"a response matrix row has {len(row)} cells, not {len(MATRIX_COLUMNS)}")
        writer.writerow(spreadsheet_safe(cell) for cell in row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


class Spool:
    """Bundle members kept on disk as they are made, with their SHA-256 and size, so that a bundle
    of thousands of reports never holds them all in memory. The file is anonymous and temporary
    (deleted when closed, or by the system if the process dies), in the bundle's own folder."""

    CHUNK = 1 << 20

    def __init__(self, folder: Path):
        self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115  (closed by close(), the spool's end)
        self._members: dict[str, tuple[int, int, str]] = {}  # name -> (offset, size, sha256)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    def add(self, name: str, data: bytes) -> None:
        with self.member(name) as write:
            write(data)

    @contextmanager
    def member(self, name: str) -> Iterator[Callable[[bytes], None]]:
        """Write one member in pieces: `with spool.member(name) as write: write(b"...")`."""
        if name in self._members:
            raise ValueError(f"duplicate bundle member {name}")
        self._file.seek(0, os.SEEK_END)
        offset, digest, size = self._file.tell(), hashlib.sha256(), 0

        def write(data: bytes) -> None:
            nonlocal size
            self._file.write(data)
            digest.update(data)
            size += len(data)

        yield write
        self._members[name] = (offset, size, digest.hexdigest())

    def names(self) -> list[str]:
        return sorted(self._members)

    def size(self, name: str) -> int:
        return self._members[name][1]

    def sha256(self, name: str) -> str:
        return self._members[name][2]

    def chunks(self, name: str) -> Iterator[bytes]:
        offset, left, _ = self._members[name]
        self._file.flush()
        self._file.seek(offset)
        while left:
            data = self._file.read(min(left, self.CHUNK))
            if not data:
                raise OSError(f"the spooled member {name} is cut short")
            left -= len(data)
            yield data


def pack_bundle(
    path: Path, *, header: dict[str, Any], spool: Spool, key: SigningKey, progress: Progress | None = None
) -> dict[str, Any]:
    """Write the signed zip of the spooled members to `path` (fsynced); return the manifest.

    Members are streamed from the spool in name order after manifest.json and manifest.sig, each
    stored exactly as `ZipFile.writestr` stores it."""
    names = spool.names()
    manifest = {
        "format": FORMAT,
        **header,
        "key_fingerprint": key.fingerprint,
        "app_version": __version__,
        "files": [{"path": name, "sha256": spool.sha256(name), "size": spool.size(name)} for name in names],
    }
    manifest_bytes = canonical_json(manifest)
    signature = key.sign(manifest_bytes)
    # Members are stored, not deflated: then every byte of a member is its content, so any
    # changed byte fails its CRC and digest (a flipped padding bit in a deflate stream would not).
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(SIGNATURE, signature)
        for n, name in enumerate(names, 1):
            info = zipfile.ZipInfo(filename=name, date_time=time.localtime(time.time())[:6])
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o600 << 16  # as writestr: ?rw-------
            info.file_size = spool.size(name)
            with zf.open(info, mode="w") as dest:
                for chunk in spool.chunks(name):
                    dest.write(chunk)
            if progress:
                progress(n, len(names))
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
    return manifest


def write_bundle(
    out: Path,
    *,
    header: dict[str, Any],
    members: dict[str, bytes],
    key: SigningKey,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Write the zip of in-memory members atomically (temp file, fsync, rename); return the manifest."""
    tmp = out.with_name(out.name + ".part")
    with Spool(out.parent) as spool:
        for name, data in members.items():
            spool.add(name, data)
        manifest = pack_bundle(tmp, header=header, spool=spool, key=key, progress=progress)
    os.replace(tmp, out)
    return manifest
