"""Reading the members of a zip file that may be broken or hostile (a result bundle, an Excel roster).

Python's zipfile raises a different exception for each way a zip can be wrong (BadZipFile, zlib.error,
NotImplementedError for a compression method or zip version it lacks, RuntimeError for an encrypted
member, EOFError, OSError), and inflates whatever a member's header promises: a 1 MB file can hold a
member that inflates to gigabytes. Here every member is checked before it is opened and read in
chunks up to a limit, and every failure is one ZipMemberError whose message names the member.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 16
READABLE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
# what zipfile raises on a damaged archive or member, besides the cases checked before opening
_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error, NotImplementedError,
           RuntimeError)  # fmt: skip


class ZipMemberError(Exception):
    """A zip file or one of its members cannot be read; the message says which and why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def size_text(n: int) -> str:
    """1048576 -> '1 MiB'; limits are whole KiB or MiB."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except _BROKEN as exc:
        raise ZipMemberError(f"not a readable zip file ({exc})") from None


def check_member(info: zipfile.ZipInfo) -> None:
    """Refuse, before opening it, a member zipfile would fail on or could not check."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise ZipMemberError(f"{name} is encrypted; ExamDesk reads no encrypted zip members")
    if info.compress_type not in READABLE_METHODS:
        method = info.compress_type
        raise ZipMemberError(f"{name} uses compression method {method}; ExamDesk reads stored or deflated members")
    if info.extract_version > zipfile.MAX_EXTRACT_VERSION:
        version = f"{info.extract_version // 10}.{info.extract_version % 10}"
        most = f"{zipfile.MAX_EXTRACT_VERSION // 10}.{zipfile.MAX_EXTRACT_VERSION % 10}"
        raise ZipMemberError(f"{name} needs zip version {version} to extract; ExamDesk reads up to {most}")


def member_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The member's content in chunks; ZipMemberError as soon as it inflates past `limit` bytes."""
    check_member(info)
    name = info.filename
    if info.file_size > limit:  # the header says so: no need to inflate anything
        raise ZipMemberError(f"{name} inflates to more than {size_text(limit)}, the most ExamDesk reads")
    total = 0
    try:
        with zf.open(info) as handle:
            while chunk := handle.read(CHUNK):
                total += len(chunk)
                if total > limit:  # a header can lie; the count cannot
                    raise ZipMemberError(f"{name} inflates to more than {size_text(limit)}, the most ExamDesk reads")
                yield chunk
    except _BROKEN as exc:  # a bad CRC-32 is found here, when the member has been read to its end
        raise ZipMemberError(f"{name} is corrupt ({exc})") from None


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    return b"".join(member_chunks(zf, info, limit))
