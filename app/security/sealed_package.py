"""Sealed exam packages: exam content that travels to the centre before the day, encrypted, signed by
the exam owner, and readable only with a release key given out at the start time (docs/packages.md).

A package is one file:

    b"EXDPKG1\\n" | header length (4 bytes, big-endian) | header | signature (64 bytes) | content

- the header is canonical JSON (app/security/canonical.py): format, package id, session code,
  kind, not-before time, the owner's public key, the content's SHA-256 and size, and the content
  key wrapped under the release key;
- the signature is the owner's Ed25519 signature over everything before it (magic, length, header);
- the content is AES-256-GCM under a fresh content key, with the package id as associated data.

The release key is 128 random bits; the content key is wrapped under a key derived from it and the
package id (HKDF-SHA256), so a release key opens only its own package. It is written as 26 Crockford
base32 characters and 4 check characters (Luhn mod 32, then 15 bits of a SHA-256 of the key), in
groups of five, to be read out or typed.

No Qt, no SQL, no I/O: bytes in, bytes out.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.security.canonical import canonical_json
from app.security.codes import ALPHABET, code_of_digest, grouped, normalise
from app.security.signing import fingerprint, verify_signature

MAGIC = b"EXDPKG1\n"
FORMAT = "examdesk-package/1"
KINDS = ("bank", "papers")  # papers: fixed papers (app/domain/fixed_papers.py) with the banks they draw on
REVOCATION_MAGIC = b"EXDREV1\n"
REVOCATION_FORMAT = "examdesk-revocation/1"
MAX_HEADER = 64 * 1024
SECRET_BYTES = 16
_KEY_CHARS = 26  # 130 bits: the 128-bit secret and two zero bits
_CHECK_CHARS = 4
_WRAP_INFO = b"examdesk/package/release-key"


class PackageError(Exception):
    """Base of the reasons a package is refused; `reason` is for people."""


class DamagedPackage(PackageError):
    """Not a package, or changed since it was sealed: a byte of it differs from what was signed."""


class MistypedKey(PackageError):
    """The release key's check characters do not match: a typing error."""


class WrongKey(PackageError):
    """A well-formed release key, but not the one of this package."""


@dataclass(frozen=True)
class Header:
    package_id: str  # 32 hex digits
    session_code: str
    kind: str  # bank
    not_before: datetime  # aware, UTC
    owner_key: Ed25519PublicKey
    owner_fingerprint: str
    content_sha256: str
    content_size: int
    wrapped_key: bytes  # nonce + AES-GCM(content key)
    sealed_at: str
    version: int = 1  # a replacement for the same session carries a higher one
    replaces: str | None = None  # the package id of the package it replaces


@dataclass(frozen=True)
class Package:
    header: Header
    data: bytes  # the whole file

    @property
    def digest(self) -> str:
        """The package's SHA-256: what the centre records and the owner compares."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Content:
    kind: str
    files: list[tuple[str, str]]  # (name, text): bank files
    papers: list[tuple[str, str]] = field(default_factory=list)  # (name, text): fixed papers, kind "papers"


@dataclass(frozen=True)
class Revocation:
    """The exam owner's signed word that a package must not be opened (docs/packages.md)."""

    package_id: str
    digest: str  # the package file's SHA-256
    session_code: str
    reason: str
    revoked_at: str  # UTC, as the owner's machine had it
    owner_fingerprint: str
    data: bytes


# -- the release key -------------------------------------------------------------------------


def release_key_text(secret: bytes) -> str:
    """The secret as it is read out or typed: 26 characters, 4 check characters, groups of five."""
    if len(secret) != SECRET_BYTES:
        raise ValueError("a release key is 16 bytes")
    return grouped(code_of_digest(secret + b"\x00", _KEY_CHARS) + _check(secret))


def _luhn(code: str) -> str:
    """The Luhn mod 32 check character of `code`: catches every single mistyped character and most
    swaps of two neighbours."""
    factor, total, n = 2, 0, len(ALPHABET)
    for c in reversed(code):
        addend = factor * ALPHABET.index(c)
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def _check(secret: bytes) -> str:
    """Four check characters: Luhn mod 32 over the key's characters, then 15 bits of a digest of it."""
    body = code_of_digest(secret + b"\x00", _KEY_CHARS)
    digest = hashlib.sha256(b"examdesk/release-key/check/" + secret).digest()
    return _luhn(body) + code_of_digest(digest, _CHECK_CHARS - 1)


def parse_release_key(typed: str) -> bytes:
    """The secret of a typed release key; MistypedKey if it cannot be one (wrong length, a
    character outside the alphabet, check characters that do not match)."""
    code = normalise(typed)
    if len(code) != _KEY_CHARS + _CHECK_CHARS or any(c not in ALPHABET for c in code):
        raise MistypedKey(f"a release key has {_KEY_CHARS + _CHECK_CHARS} characters (letters and digits)")
    bits = 0
    for c in code[:_KEY_CHARS]:
        bits = (bits << 5) | ALPHABET.index(c)
    if bits & 0b11:
        raise MistypedKey("its check characters do not match")
    secret = (bits >> 2).to_bytes(SECRET_BYTES, "big")
    if _check(secret) != code[_KEY_CHARS:]:
        raise MistypedKey("its check characters do not match")
    return secret


def _wrap_key(secret: bytes, package_id: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=package_id, info=_WRAP_INFO).derive(secret)


# -- owner keys --------------------------------------------------------------------------------


def new_owner_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_pem(key: Ed25519PrivateKey, passphrase: str | None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
        else serialization.NoEncryption()
    )  # fmt: skip
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


def load_private_pem(data: bytes, passphrase: str | None) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(data, passphrase.encode("utf-8") if passphrase else None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# -- sealing and reading -----------------------------------------------------------------------


def _utc(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("the not-before time needs a time zone")
    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def seal(
    owner: Ed25519PrivateKey,
    files: list[tuple[str, str]],
    *,
    session_code: str,
    not_before: datetime,
    sealed_at: datetime,
    kind: str = "bank",
    papers: list[tuple[str, str]] | None = None,
    version: int = 1,
    replaces: str | None = None,
) -> tuple[bytes, str]:
    """(the package file, its release key as text). A fresh content key and release key each time.
    `papers`: fixed papers (kind "papers"), sealed with the bank `files` they draw on; `version` and
    `replaces`: a replacement for the same session, superseding the package of id `replaces`."""
    if kind not in KINDS:
        raise ValueError(f"unknown package kind {kind!r}")
    if (kind == "papers") != bool(papers) or version < 1:
        raise ValueError("a papers package and only it holds papers; versions start at 1")
    package_id = os.urandom(16)
    content_key = AESGCM.generate_key(bit_length=256)
    secret = os.urandom(SECRET_BYTES)
    content: dict[str, Any] = {"kind": kind, "files": [{"name": n, "text": t} for n, t in files]}
    if papers:
        content["papers"] = [{"name": n, "text": t} for n, t in papers]
    plain = canonical_json(content)
    nonce = os.urandom(12)
    body = nonce + AESGCM(content_key).encrypt(nonce, plain, FORMAT.encode() + package_id)
    wrap_nonce = os.urandom(12)
    wrapped = wrap_nonce + AESGCM(_wrap_key(secret, package_id)).encrypt(
        wrap_nonce, content_key, FORMAT.encode() + package_id
    )
    header = {
        "format": FORMAT,
        "package": package_id.hex(),
        "session": session_code,
        "kind": kind,
        "not_before": _utc(not_before),
        "sealed_at": _utc(sealed_at),
        "owner": {"ed25519": base64.b64encode(_raw(owner.public_key())).decode()},
        "content": {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)},
        "key": base64.b64encode(wrapped).decode(),
        "version": version,
    }
    if replaces is not None:
        header["replaces"] = replaces
    head = canonical_json(header)
    signed = MAGIC + struct.pack(">I", len(head)) + head
    return signed + owner.sign(signed) + body, release_key_text(secret)



def _signed_header(head: bytes, signature: bytes, signed: bytes) -> tuple[Any, Ed25519PublicKey]:
    """The header's JSON and the owner key it names, once `signature` over `signed` checks against
    that key (what follows was written by its holder); DamagedPackage otherwise."""
    try:
        raw: Any = json.loads(head.decode("utf-8"))
        owner = Ed25519PublicKey.from_public_bytes(base64.b64decode(raw["owner"]["ed25519"], validate=True))
    except (ValueError, KeyError, TypeError, RecursionError):
        raise DamagedPackage("its header cannot be read") from None
    if not verify_signature(owner, signature, signed):
        raise DamagedPackage("its signature does not match its content")
    return raw, owner

def read_package(data: bytes) -> Package:
    """The package's header, after checking its signature against the key it names and its content
    against the signed digest; DamagedPackage otherwise. Whether that owner is trusted is the
    caller's question (`Header.owner_fingerprint`)."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        raise DamagedPackage("not an ExamDesk sealed package")
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if length > MAX_HEADER or len(data) < start + length + 64:
        raise DamagedPackage("its header is cut short or too long")
    head = data[start : start + length]
    signature = data[start + length : start + length + 64]
    body = data[start + length + 64 :]
    raw, owner = _signed_header(head, signature, data[: start + length])
    # signed by the key it names: what follows was written by that key's holder
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or canonical_json(raw) != head:
        raise DamagedPackage("not a package of the format this ExamDesk reads (examdesk-package/1)")
    try:
        header = Header(
            package_id=str(raw["package"]),
            session_code=str(raw["session"]),
            kind=str(raw["kind"]),
            not_before=datetime.fromisoformat(str(raw["not_before"]).replace("Z", "+00:00")),
            owner_key=owner,
            owner_fingerprint=fingerprint(owner),
            content_sha256=str(raw["content"]["sha256"]),
            content_size=int(raw["content"]["size"]),
            wrapped_key=base64.b64decode(raw["key"], validate=True),
            sealed_at=str(raw["sealed_at"]),
            version=int(raw.get("version", 1)),
            replaces=None if raw.get("replaces") is None else str(raw["replaces"]),
        )
    except (ValueError, KeyError, TypeError):
        raise DamagedPackage("its header lacks a field or has one of the wrong kind") from None
    if len(body) != header.content_size or hashlib.sha256(body).hexdigest() != header.content_sha256:
        raise DamagedPackage("its content does not match the signed digest")
    return Package(header, data)


def open_content(package: Package, release_key: str) -> Content:
    """The content, decrypted with the typed release key: MistypedKey, WrongKey or DamagedPackage."""
    secret = parse_release_key(release_key)
    header = package.header
    pid = bytes.fromhex(header.package_id)
    wrapped = header.wrapped_key
    try:
        content_key = AESGCM(_wrap_key(secret, pid)).decrypt(wrapped[:12], wrapped[12:], FORMAT.encode() + pid)
    except (InvalidTag, ValueError):
        raise WrongKey("this release key is not the key of this package") from None
    body = package.data[-header.content_size :] if header.content_size else b""
    try:
        plain = AESGCM(content_key).decrypt(body[:12], body[12:], FORMAT.encode() + pid)
        raw = json.loads(plain.decode("utf-8"))
        files = [(str(f["name"]), str(f["text"])) for f in raw["files"]]
        papers = [(str(f["name"]), str(f["text"])) for f in raw.get("papers", [])]
        return Content(str(raw["kind"]), files, papers)
    except (InvalidTag, ValueError, KeyError, TypeError):
        raise DamagedPackage("its content cannot be decrypted") from None


# -- revocation ---------------------------------------------------------------------------------


def revoke(owner: Ed25519PrivateKey, package: Package, *, reason: str, revoked_at: datetime) -> bytes:
    """A revocation of `package`, signed by the owner who sealed it:

        b"EXDREV1\\n" | header length (4 bytes, big-endian) | header | signature (64 bytes)

    The header (canonical JSON) names the package by id and digest, its session, the reason and when."""
    if _raw(owner.public_key()) != _raw(package.header.owner_key):
        raise ValueError("only the owner who sealed a package can revoke it")
    header = {
        "format": REVOCATION_FORMAT,
        "package": package.header.package_id,
        "digest": package.digest,
        "session": package.header.session_code,
        "reason": reason,
        "revoked_at": _utc(revoked_at),
        "owner": {"ed25519": base64.b64encode(_raw(owner.public_key())).decode()},
    }
    head = canonical_json(header)
    signed = REVOCATION_MAGIC + struct.pack(">I", len(head)) + head
    return signed + owner.sign(signed)


def is_revocation(data: bytes) -> bool:
    return data.startswith(REVOCATION_MAGIC)


def read_revocation(data: bytes) -> Revocation:
    """The revocation, after checking its signature against the key it names; DamagedPackage
    otherwise. Whether that owner is trusted, and sealed the package, is the caller's question."""
    start = len(REVOCATION_MAGIC) + 4
    if not data.startswith(REVOCATION_MAGIC) or len(data) < start:
        raise DamagedPackage("not an ExamDesk package revocation")
    (length,) = struct.unpack(">I", data[len(REVOCATION_MAGIC) : start])
    if length > MAX_HEADER or len(data) != start + length + 64:
        raise DamagedPackage("its header is cut short or too long")
    head, signature = data[start : start + length], data[start + length :]
    raw, owner = _signed_header(head, signature, data[: start + length])
    if not isinstance(raw, dict) or raw.get("format") != REVOCATION_FORMAT or canonical_json(raw) != head:
        raise DamagedPackage("not a revocation of the format this ExamDesk reads (examdesk-revocation/1)")
    try:
        return Revocation(str(raw["package"]), str(raw["digest"]), str(raw["session"]), str(raw["reason"]),
                          str(raw["revoked_at"]), fingerprint(owner), data)  # fmt: skip
    except KeyError:
        raise DamagedPackage("its header lacks a field or has one of the wrong kind") from None
