"""Sealed exam packages at the centre: the owners it trusts, packages imported before the day, and
opening one with its release key at or after its start time on the centre's clock (docs/packages.md).

A package is kept as it arrived (encrypted by the owner, signed): before it is opened the store holds
nothing of its content in a form anyone at the centre can read. Opening checks the signature again,
the time and the key, checks the banks inside as an import does, and keeps them under the data key.
A session whose code a package names takes its papers from that package's banks only, and its papers
and result bundle name the package's digest.
"""

from __future__ import annotations

import hashlib
from datetime import UTC

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api.types import FileData, OwnerKeyView, PackageView
from app.banks.bank_file import read_banks
from app.banks.catalog import Catalog
from app.errors import Message
from app.security import sealed_package as sp
from app.security.signing import fingerprint, load_public_pem, public_pem
from app.services.base import Actor, Conflict, NotFound, Service, ServiceError, require_role
from app.store.models import OwnerKey, SealedPackage


class PackageRefused(ServiceError):
    """A sealed package, or its release key, that the centre does not accept."""

    code = "package_refused"


def _view(row: SealedPackage, owners: dict[str, str]) -> PackageView:
    banks = tuple(str(b) for b in (row.content or {}).get("banks", ()))
    return PackageView(row.digest, row.package_id, row.session_code, row.kind, row.owner_fingerprint,
                       owners.get(row.owner_fingerprint, ""), row.not_before, row.imported_wall, row.opened_wall,
                       banks)  # fmt: skip


def _damaged(exc: sp.PackageError, name: str) -> PackageRefused:
    return PackageRefused("{file} was changed after it was sealed, or is not a sealed package: {reason}",
                          file=name, reason=Message(str(exc)))  # fmt: skip  # each reason has its template


def package_catalog(catalog: Catalog, files: list[tuple[str, str]]) -> Catalog:
    """The catalogue's standards with only the package's banks: what a sealed session's papers come from."""
    return Catalog(catalog.standards, catalog.blueprints, [], tuple(files), None, catalog.bundled_standards,
                   catalog.imported_standards)  # fmt: skip


class PackageService(Service):
    # -- the owners this centre trusts ----------------------------------------------------------

    def owner_keys(self, actor: Actor) -> list[OwnerKeyView]:
        require_role(actor, "admin")
        with self.db.reader() as s:
            rows = s.scalars(select(OwnerKey).order_by(OwnerKey.id)).all()
            return [OwnerKeyView(r.fingerprint, r.name, r.trusted_wall) for r in rows]

    def trust_owner(self, actor: Actor, key: FileData, name: str) -> OwnerKeyView:
        """Register an exam owner's public key (PEM); the admin compares the fingerprint it returns
        with the one the owner gave by phone or on paper."""
        require_role(actor, "admin")
        try:
            public = load_public_pem(key.content)
        except ValueError:
            raise PackageRefused("{file} is not an Ed25519 public key in PEM form", file=key.name) from None
        fp = fingerprint(public)
        label = name.strip() or key.name
        with self.action(actor, "owner.trust", f"owner:{fp}", {"fingerprint": fp, "name": label}) as s:
            if s.scalar(select(OwnerKey.id).where(OwnerKey.fingerprint == fp)) is not None:
                raise Conflict("the owner key {fingerprint} is already trusted", fingerprint=fp)
            row = OwnerKey(fingerprint=fp, public_pem=public_pem(public).decode("ascii"), name=label,
                           trusted_wall=self.db.wall_now())  # fmt: skip
            s.add(row)
        return OwnerKeyView(fp, label, row.trusted_wall)

    # -- packages ----------------------------------------------------------------------------------

    def packages(self, actor: Actor) -> list[PackageView]:
        require_role(actor, "admin")
        with self.db.reader() as s:
            owners = {fp: name for fp, name in s.execute(select(OwnerKey.fingerprint, OwnerKey.name))}
            return [_view(r, owners) for r in s.scalars(select(SealedPackage).order_by(SealedPackage.id)).all()]

    @staticmethod
    def _trusted(s: Session, package: sp.Package, name: str) -> str:
        """The trusted owner's name; PackageRefused when nobody this centre trusts signed it."""
        owner = s.scalar(select(OwnerKey).where(OwnerKey.fingerprint == package.header.owner_fingerprint))
        if owner is None:
            raise PackageRefused("{file} is signed by an exam owner this centre does not trust (key {fingerprint}): "
                                 "register the owner's public key first (owner trust)",
                                 file=name, fingerprint=package.header.owner_fingerprint)  # fmt: skip
        return owner.name

    def import_package(self, actor: Actor, file: FileData) -> PackageView:
        """Keep a sealed package for the exam day: its signature is checked against the trusted
        owners' keys; its content stays sealed."""
        require_role(actor, "admin")
        try:
            package = sp.read_package(file.content)
        except sp.PackageError as exc:
            raise _damaged(exc, file.name) from None
        h = package.header
        data = {"digest": package.digest, "package": h.package_id, "session": h.session_code,
                "owner": h.owner_fingerprint, "not_before": h.not_before.isoformat()}  # fmt: skip
        with self.action(actor, "package.import", f"package:{package.digest}", data) as s:
            owner = self._trusted(s, package, file.name)
            if s.scalar(select(SealedPackage.id).where(SealedPackage.package_id == h.package_id)) is not None:
                raise Conflict("package {package} is already imported", package=h.package_id)
            if s.scalar(select(SealedPackage.id).where(SealedPackage.session_code == h.session_code)) is not None:
                raise Conflict("session {session} already has a sealed package", session=h.session_code)
            row = SealedPackage(digest=package.digest, package_id=h.package_id, session_code=h.session_code,
                                kind=h.kind, owner_fingerprint=h.owner_fingerprint,
                                not_before=h.not_before.astimezone(UTC).isoformat(), package=package.data,
                                imported_wall=self.db.wall_now())  # fmt: skip
            s.add(row)
            s.flush()
            return _view(row, {h.owner_fingerprint: owner})

    def open_package(self, actor: Actor, catalog: Catalog, digest: str, release_key: str) -> PackageView:
        """Open a package with its release key, at or after its start time on the centre's clock:
        its banks are checked as an import checks them and kept under the data key. Audited."""
        require_role(actor, "admin")
        with self.db.reader() as s:
            row = s.scalar(select(SealedPackage).where(SealedPackage.digest == digest.strip().lower()))
            if row is None:
                raise NotFound("no sealed package {package} in this store: import it first", package=digest)
            if row.opened_wall is not None:
                raise Conflict("package {package} (session {session}) is already open",
                               package=row.package_id, session=row.session_code)  # fmt: skip
            stored, pid, session_code = row.package, row.package_id, row.session_code
            try:
                package = sp.read_package(stored)
            except sp.PackageError as exc:
                raise _damaged(exc, f"package {pid}") from None
            if package.digest != row.digest:
                raise _damaged(sp.DamagedPackage("its digest is not the one recorded at import"), f"package {pid}")
            self._trusted(s, package, f"package {pid}")
        now = self.db.clock.now()
        if now < package.header.not_before:
            raise PackageRefused("package {package} (session {session}) opens at {not_before} (UTC) on the centre's "
                                 "clock; it is {now} now", package=pid, session=session_code,
                                 not_before=package.header.not_before.isoformat(timespec="minutes"),
                                 now=now.astimezone(UTC).isoformat(timespec="minutes"))  # fmt: skip
        try:
            content = sp.open_content(package, release_key)
        except sp.MistypedKey:
            raise PackageRefused("the release key is mistyped (a release key has 30 letters and digits and its check "
                                 "characters must match): type it again") from None  # fmt: skip
        except sp.WrongKey:
            raise PackageRefused("this release key is not the key of package {package} (session {session})",
                                 package=pid, session=session_code) from None  # fmt: skip
        except sp.PackageError as exc:
            raise _damaged(exc, f"package {pid}") from None
        checked = read_banks([], catalog.standards, sources=content.files)  # sound, as an imported bank must be
        banks = sorted(info.bank for info in checked.banks)
        stored_content = {"kind": content.kind, "files": [{"name": n, "text": t} for n, t in content.files],
                          "banks": banks, "package": package.digest}  # fmt: skip  # the row it belongs to
        data = {"digest": package.digest, "package": pid, "session": session_code, "banks": banks,
                "sha256": {n: hashlib.sha256(t.encode("utf-8")).hexdigest() for n, t in content.files}}  # fmt: skip
        with self.action(actor, "package.open", f"package:{package.digest}", data) as s:
            fresh = s.scalar(select(SealedPackage).where(SealedPackage.digest == package.digest))
            if fresh is None or fresh.opened_wall is not None:
                raise Conflict("package {package} (session {session}) is already open", package=pid,
                               session=session_code)  # fmt: skip
            fresh.content = stored_content
            fresh.opened_wall = self.db.wall_now()
            owners = {fp: name for fp, name in s.execute(select(OwnerKey.fingerprint, OwnerKey.name))}
            return _view(fresh, owners)


def session_package(s: Session, session_code: str) -> SealedPackage | None:
    """The sealed package that names this session, if any. Its opened content names the package it
    came from (encrypted and authenticated with it): content moved from another package's row is refused."""
    row = s.scalar(select(SealedPackage).where(SealedPackage.session_code == session_code))
    if row is not None and row.content is not None and row.content.get("package") != row.digest:
        raise PackageRefused("the opened content of package {package} (session {session}) is not the content of "
                             "that package: the store was changed",
                             package=row.package_id, session=session_code)  # fmt: skip
    return row
