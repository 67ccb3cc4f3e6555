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
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api.types import FileData, OwnerKeyView, PackageView, RevocationView
from app.banks.bank_file import BankSet, read_banks
from app.banks.catalog import Catalog
from app.domain.fixed_papers import check_paper, read_papers
from app.domain.paper_assembly import Paper
from app.domain.standards import MissingWeightsError, weights_for
from app.errors import DataFileError, Message, Problem, UserFacingError
from app.security import sealed_package as sp
from app.security.signing import fingerprint, load_public_pem, public_pem
from app.services.base import Actor, Conflict, NotFound, Service, ServiceError, require_role
from app.store.models import Attempt, ExamSession, OwnerKey, PackageNotice, SealedPackage


class PackageRefused(ServiceError):
    """A sealed package, or its release key, that the centre does not accept."""

    code = "package_refused"


def _view(row: SealedPackage, owners: dict[str, str], revoked: dict[str, tuple[str, str]]) -> PackageView:
    banks = tuple(str(b) for b in (row.content or {}).get("banks", ()))
    revoked_wall, reason = revoked.get(row.digest, (None, ""))
    return PackageView(row.digest, row.package_id, row.session_code, row.kind, row.owner_fingerprint,
                       owners.get(row.owner_fingerprint, ""), row.not_before, row.imported_wall, row.opened_wall,
                       banks, row.version, int((row.content or {}).get("forms", 0)), revoked_wall,
                       reason)  # fmt: skip


def _damaged(exc: sp.PackageError, name: str) -> PackageRefused:
    return PackageRefused("{file} was changed after it was sealed, or is not a sealed package: {reason}",
                          file=name, reason=Message(str(exc)))  # fmt: skip  # each reason has its template


def _untrusted(name: str, owner_fingerprint: str) -> PackageRefused:
    return PackageRefused("{file} is signed by an exam owner this centre does not trust (key {fingerprint}): "
                          "register the owner's public key first (owner trust)",
                          file=name, fingerprint=owner_fingerprint)  # fmt: skip


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
            revoked = self._revocations(s)
            rows = s.scalars(select(SealedPackage).order_by(SealedPackage.id)).all()
            return [_view(r, owners, revoked) for r in rows]

    @staticmethod
    def _trusted(s: Session, package: sp.Package, name: str) -> str:
        """The trusted owner's name; PackageRefused when nobody this centre trusts signed it."""
        owner = s.scalar(select(OwnerKey).where(OwnerKey.fingerprint == package.header.owner_fingerprint))
        if owner is None:
            raise _untrusted(name, package.header.owner_fingerprint)
        return owner.name

    @staticmethod
    def _refused_notice(s: Session, package_id: str, digest: str, owner: str, name: str) -> None:
        """PackageRefused if the package was revoked by its owner or superseded by a newer version. A
        notice counts only for the very package it names (digest and owner key, not just the id)."""
        notice = s.scalar(select(PackageNotice).where(PackageNotice.package_id == package_id))
        if notice is None or notice.digest != digest or notice.owner_fingerprint != owner:
            return
        if notice.revoked_wall is not None:
            raise PackageRefused("{file} was revoked by its exam owner on {when} (UTC): {reason}", file=name,
                                 when=(notice.revoked_at or "")[:16].replace("T", " "),
                                 reason=notice.reason or "-")  # fmt: skip
        raise PackageRefused("{file} (session {session}, version {version}) was replaced by a newer version of the "
                             "package: the older one is refused", file=name, session=notice.session_code,
                             version=notice.version or 1)  # fmt: skip

    def import_package(self, actor: Actor, file: FileData) -> PackageView:
        """Keep a sealed package for the exam day: its signature is checked against the trusted
        owners' keys; its content stays sealed. A newer version of the package its session already
        has (same owner, higher version) replaces it, unless papers were drawn from it; an older
        version, or a revoked package, is refused."""
        require_role(actor, "admin")
        try:
            package = sp.read_package(file.content)
        except sp.PackageError as exc:
            raise _damaged(exc, file.name) from None
        h = package.header
        data: dict[str, Any] = {"digest": package.digest, "package": h.package_id, "session": h.session_code,
                                "owner": h.owner_fingerprint, "not_before": h.not_before.isoformat(),
                                "version": h.version, "kind": h.kind}  # fmt: skip
        with self.db.reader() as s:
            held = s.scalar(select(SealedPackage.package_id).where(SealedPackage.session_code == h.session_code))
        replacing = held is not None and held != h.package_id
        action = "package.replace" if replacing else "package.import"
        with self.action(actor, action, f"package:{package.digest}", data) as s:
            owner = self._trusted(s, package, file.name)
            self._refused_notice(s, h.package_id, package.digest, h.owner_fingerprint, file.name)
            if s.scalar(select(SealedPackage.id).where(SealedPackage.package_id == h.package_id)) is not None:
                raise Conflict("package {package} is already imported", package=h.package_id)
            row = s.scalar(select(SealedPackage).where(SealedPackage.session_code == h.session_code))
            if (row is not None) != replacing:
                raise Conflict("the session's packages changed meanwhile: import it again")
            if row is None:
                row = SealedPackage(session_code=h.session_code)
                s.add(row)
            else:
                data["replaces"] = self._supersede(s, row, package)
            row.digest, row.package_id, row.kind, row.version = package.digest, h.package_id, h.kind, h.version
            row.owner_fingerprint, row.package = h.owner_fingerprint, package.data
            row.not_before = h.not_before.astimezone(UTC).isoformat()
            row.imported_wall, row.opened_wall, row.content = self.db.wall_now(), None, None
            s.flush()
            return _view(row, {h.owner_fingerprint: owner}, self._revocations(s))

    def _supersede(self, s: Session, row: SealedPackage, newer: sp.Package) -> dict[str, Any]:
        """Record the session's package `row` as superseded by `newer`: refused unless the same owner
        sealed both, the newer has the higher version, and no paper was drawn from the older."""
        h = newer.header
        if row.owner_fingerprint != h.owner_fingerprint:
            raise Conflict("session {session} already has a sealed package from another exam owner",
                           session=h.session_code)  # fmt: skip
        if h.version <= row.version:
            raise PackageRefused("session {session} already has version {held} of its package: version {version} "
                                 "is not newer and is refused", session=h.session_code, held=row.version,
                                 version=h.version)  # fmt: skip
        drawn = s.scalar(select(Attempt.id).join(ExamSession, ExamSession.id == Attempt.session_id)
                         .where(ExamSession.code == h.session_code).limit(1))  # fmt: skip
        if drawn is not None:
            raise Conflict("session {session}'s papers were already drawn from version {held} of its package: it "
                           "cannot be replaced now", session=h.session_code, held=row.version)  # fmt: skip
        notice = s.scalar(select(PackageNotice).where(PackageNotice.package_id == row.package_id))
        if notice is None:
            notice = PackageNotice(package_id=row.package_id, digest=row.digest, session_code=row.session_code,
                                   owner_fingerprint=row.owner_fingerprint)  # fmt: skip
            s.add(notice)
        notice.version, notice.superseded_by, notice.superseded_wall = row.version, h.package_id, self.db.wall_now()
        return {"digest": row.digest, "package": row.package_id, "version": row.version,
                "opened": row.opened_wall is not None}  # fmt: skip

    @staticmethod
    def _revocations(s: Session) -> dict[str, tuple[str, str]]:
        """package digest -> (when the revocation arrived, its reason), of the revoked packages."""
        rows = s.execute(select(PackageNotice.digest, PackageNotice.revoked_wall, PackageNotice.reason)
                         .where(PackageNotice.revoked_wall.is_not(None)))  # fmt: skip
        return {digest: (str(wall), reason or "") for digest, wall, reason in rows}

    def revoke_package(self, actor: Actor, file: FileData) -> RevocationView:
        """Record an exam owner's signed revocation of one of its packages, before or after the
        package arrived: from then on the package is refused at import, opening and paper preparation."""
        require_role(actor, "admin")
        try:
            revocation = sp.read_revocation(file.content)
        except sp.PackageError as exc:
            raise _damaged(exc, file.name) from None
        r = revocation
        data = {"package": r.package_id, "digest": r.digest, "session": r.session_code, "owner": r.owner_fingerprint,
                "reason": r.reason, "revoked_at": r.revoked_at,
                "revocation": hashlib.sha256(r.data).hexdigest()}  # fmt: skip
        with self.action(actor, "package.revoke", f"package:{r.digest}", data) as s:
            owner = s.scalar(select(OwnerKey).where(OwnerKey.fingerprint == r.owner_fingerprint))
            if owner is None:
                raise _untrusted(file.name, r.owner_fingerprint)
            row = s.scalar(select(SealedPackage).where(SealedPackage.package_id == r.package_id))
            if row is not None and (row.digest != r.digest or row.owner_fingerprint != r.owner_fingerprint):
                raise PackageRefused("{file} names package {package}, but not the package of that id this centre "
                                     "holds (another digest or owner): it is not applied",
                                     file=file.name, package=r.package_id)  # fmt: skip
            notice = s.scalar(select(PackageNotice).where(PackageNotice.package_id == r.package_id))
            if notice is not None and notice.owner_fingerprint != r.owner_fingerprint:
                raise PackageRefused("{file} names package {package}, but not the package of that id this centre "
                                     "holds (another digest or owner): it is not applied",
                                     file=file.name, package=r.package_id)  # fmt: skip
            if notice is not None and notice.revoked_wall is not None:
                raise Conflict("package {package} is already revoked", package=r.package_id)
            if notice is None:
                notice = PackageNotice(package_id=r.package_id, digest=r.digest, session_code=r.session_code,
                                       owner_fingerprint=r.owner_fingerprint)  # fmt: skip
                s.add(notice)
            notice.revoked_wall, notice.revoked_at, notice.reason = self.db.wall_now(), r.revoked_at, r.reason
            notice.revocation = r.data
            return RevocationView(r.package_id, r.session_code, owner.name, r.reason, r.revoked_at,
                                  notice.revoked_wall, row is not None)  # fmt: skip

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
            self._refused_notice(s, pid, package.digest, package.header.owner_fingerprint, f"package {pid}")
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
        stored_content: dict[str, Any] = {"kind": content.kind, "banks": banks, "package": package.digest,
                                          "files": [{"name": n, "text": t} for n, t in content.files]}  # fmt: skip
        data: dict[str, Any] = {"digest": package.digest, "package": pid, "session": session_code, "banks": banks,
                                "sha256": {n: hashlib.sha256(t.encode("utf-8")).hexdigest()
                                           for n, t in [*content.files, *content.papers]}}  # fmt: skip
        if content.kind == "papers":  # used as assembled: each checked against the banks and the weight table
            forms = checked_papers(catalog, checked, content.papers)
            stored_content["papers"] = [{"name": n, "text": t} for n, t in content.papers]
            data["papers"] = stored_content["forms"] = len(forms)
        with self.action(actor, "package.open", f"package:{package.digest}", data) as s:
            fresh = s.scalar(select(SealedPackage).where(SealedPackage.digest == package.digest))
            if fresh is None or fresh.opened_wall is not None:
                raise Conflict("package {package} (session {session}) is already open", package=pid,
                               session=session_code)  # fmt: skip
            fresh.content = stored_content
            fresh.opened_wall = self.db.wall_now()
            owners = {fp: name for fp, name in s.execute(select(OwnerKey.fingerprint, OwnerKey.name))}
            return _view(fresh, owners, self._revocations(s))


def session_package(s: Session, session_code: str, *, revoked_too: bool = False) -> SealedPackage | None:
    """The sealed package that names this session, if any. Its opened content names the package it
    came from (encrypted and authenticated with it): content moved from another package's row is refused.
    A revoked package is refused too, unless `revoked_too` (to name it where papers already came from it)."""
    row = s.scalar(select(SealedPackage).where(SealedPackage.session_code == session_code))
    if row is not None and row.content is not None and row.content.get("package") != row.digest:
        raise PackageRefused("the opened content of package {package} (session {session}) is not the content of "
                             "that package: the store was changed",
                             package=row.package_id, session=session_code)  # fmt: skip
    if row is not None and not revoked_too:
        PackageService._refused_notice(s, row.package_id, row.digest, row.owner_fingerprint,
                                       f"package {row.package_id} (session {session_code})")
    return row


def checked_papers(catalog: Catalog, banks: BankSet, papers: list[tuple[str, str]]) -> list[Paper]:
    """The fixed papers of a package, each checked against the banks sealed with it and its level's
    weight table in the centre's standards; DataFileError naming every problem by file and field."""
    forms: list[Paper] = []
    problems: list[Problem] = []
    items = {it.id: it for it in banks.items}
    tasks = {t.id: t for t in banks.tasks}
    for name, text in papers:
        read, found = read_papers(name, text)
        problems += found
        for where, paper in read:
            try:
                std = catalog.standard(paper.standard)
                level = catalog.level(std, paper.level, paper.subtype)
                weights = weights_for(std, level, paper.part)
            except (UserFacingError, MissingWeightsError) as exc:
                problems.append(Problem(name, None, where, str(exc)))
                continue
            area_points = {area: Decimal(points) for area, points in weights.items()}
            problems += check_paper(name, where, paper, area_points, items, tasks)
            forms.append(paper)
    if not forms and not problems:
        problems.append(Problem("papers", None, "", "the package holds no paper"))
    if problems:
        raise DataFileError(problems)
    return forms
