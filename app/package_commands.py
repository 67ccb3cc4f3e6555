"""`examdesk owner ...` and `examdesk package ...`: sealed exam packages from the command line
(docs/packages.md). The exam owner's side (owner init, package seal) needs no store; the centre's
side (owner trust, package import/open/list) acts as the admin through the service contract."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from app.errors import UserFacingError

OWNER_KEY, OWNER_PUBLIC = "owner-key.pem", "owner-public.pem"


def _owner_passphrase(confirm: bool = False) -> str:
    import getpass

    given = os.environ.get("EXAMDESK_OWNER_PASSPHRASE")
    if given:
        return given
    if not sys.stdin.isatty():
        raise UserFacingError("no passphrase for the owner key: set EXAMDESK_OWNER_PASSPHRASE or run in a terminal")
    first = getpass.getpass("Owner key passphrase: ")
    if confirm and getpass.getpass("Again: ") != first:
        raise UserFacingError("the two passphrases differ")
    return first


def _write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet, durably (temp, fsync, rename)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def cmd_owner_init(args: argparse.Namespace) -> int:
    from app.security.sealed_package import new_owner_key, private_pem
    from app.security.signing import fingerprint, public_pem

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    key_path, pub_path = out / OWNER_KEY, out / OWNER_PUBLIC
    if key_path.exists() or pub_path.exists():
        raise UserFacingError(f"{out} already holds an owner key: choose another folder (--out)")
    key = new_owner_key()
    _write_new(key_path, private_pem(key, _owner_passphrase(confirm=True)))
    _write_new(pub_path, public_pem(key.public_key()))
    print(f"owner key written to {key_path} (encrypted with the passphrase; keep it private)")
    print(f"public key written to {pub_path}: give it to each test centre")
    print(f"fingerprint (SHA-256): {fingerprint(key.public_key())}")
    print("tell the centres this fingerprint by phone or on paper, not with the key file")
    return 0


def _not_before(text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise UserFacingError(f"--not-before {text!r}: not a time like 2027-03-14T09:00+08:00") from None
    return at if at.tzinfo is not None else at.astimezone()  # no zone given: this machine's


def _owner_key(path: str):  # type: ignore[no-untyped-def]
    from app.security.sealed_package import load_private_pem

    try:
        return load_private_pem(Path(path).read_bytes(), _owner_passphrase())
    except OSError as exc:
        raise UserFacingError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (ValueError, TypeError):
        raise UserFacingError(f"{path}: not an owner key, or the passphrase does not open it") from None


def _package_file(path: str):  # type: ignore[no-untyped-def]
    from app.security.sealed_package import PackageError, read_package

    try:
        return read_package(Path(path).read_bytes())
    except OSError as exc:
        raise UserFacingError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except PackageError as exc:
        raise UserFacingError(f"{path} was changed after it was sealed, or is not a sealed package: {exc}") from None


def cmd_package_seal(args: argparse.Namespace) -> int:
    from app.banks.bank_file import bank_files, read_banks
    from app.cli import _catalog
    from app.reports import release_key_qr
    from app.security.sealed_package import read_package, seal
    from app.services.packages import checked_papers

    key = _owner_key(args.owner_key)
    paths = list(bank_files(Path(p) for p in args.bank))
    if not paths:
        raise UserFacingError("no bank files (*.yaml) found")
    files = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    papers = []
    for name in args.papers or ():
        try:
            papers.append((Path(name).name, Path(name).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise UserFacingError(f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    catalog = _catalog(args)
    checked = read_banks([], catalog.standards, sources=files)  # what the centre checks when it opens it
    forms = checked_papers(catalog, checked, papers) if papers else []
    version, replaces, session_code = 1, None, args.session_code
    if args.replaces:
        older = _package_file(args.replaces)
        if older.header.owner_fingerprint != read_package_owner(key):
            raise UserFacingError(f"{args.replaces} was sealed with another owner key: only its owner can replace it")
        if session_code not in (None, older.header.session_code):
            raise UserFacingError(f"{args.replaces} is for session {older.header.session_code}, not {session_code}")
        version, replaces, session_code = older.header.version + 1, older.header.package_id, older.header.session_code
    if not session_code:
        raise UserFacingError("--session-code is needed (or --replaces, which takes the older package's)")
    not_before = _not_before(args.not_before)
    data, release_key = seal(key, files, session_code=session_code, not_before=not_before,
                             sealed_at=datetime.now(UTC), kind="papers" if papers else "bank", papers=papers or None,
                             version=version, replaces=replaces)  # fmt: skip
    out = Path(args.out)
    _write_new(out, data)
    package = read_package(data)
    what = f"{len(forms)} fixed paper(s) and " if forms else ""
    print(f"sealed {what}{len(files)} bank file(s) ({', '.join(sorted(i.bank for i in checked.banks))}) "
          f"for session {session_code} into {out}")  # fmt: skip
    if replaces:
        print(f"version {version}: replaces package {replaces} ({args.replaces}) once the centre imports it")
    print(f"package {package.header.package_id}, SHA-256 {package.digest}")
    print(f"opens at {not_before.isoformat(timespec='minutes')} "
          f"({not_before.astimezone(UTC).isoformat(timespec='minutes')}) on the centre's clock")  # fmt: skip
    print(f"release key: {release_key}")
    if args.key_qr:
        release_key_qr.write(Path(args.key_qr), package.header, package.digest, release_key)
        print(f"release key as a QR code written to {args.key_qr}: print it and seal it in an envelope")
    print("keep the release key apart from the package; give it to the centre at the start time")
    return 0


def read_package_owner(key) -> str:  # type: ignore[no-untyped-def]
    from app.security.signing import fingerprint

    return fingerprint(key.public_key())


def cmd_package_revoke(args: argparse.Namespace) -> int:
    from app.security.sealed_package import revoke

    package = _package_file(args.package)
    key = _owner_key(args.owner_key)
    if package.header.owner_fingerprint != read_package_owner(key):
        raise UserFacingError(f"{args.package} was sealed with another owner key: only its owner can revoke it")
    data = revoke(key, package, reason=args.reason, revoked_at=datetime.now(UTC))
    _write_new(Path(args.out), data)
    print(f"revocation of package {package.header.package_id} (session {package.header.session_code}, SHA-256 "
          f"{package.digest}) written to {args.out}")  # fmt: skip
    print("send it to the centre: `examdesk package import` records it, and the package is refused from then on")
    return 0


def _read(path: str):  # type: ignore[no-untyped-def]
    from app.api.types import FileData

    try:
        return FileData(Path(path).name, Path(path).read_bytes())
    except OSError as exc:
        raise UserFacingError(f"{path}: cannot read: {exc.strerror or exc}") from None


def cmd_owner_trust(args: argparse.Namespace) -> int:
    from app.cli import _admin

    key = _read(args.pubkey)
    with _admin(args) as client:
        view = client.admin.trust_owner(key, args.name or "")
    print(f"trusted exam owner {view.name}")
    print(f"fingerprint (SHA-256): {view.fingerprint}")
    print("compare it with the fingerprint the owner gave you by phone or on paper")
    return 0


def cmd_owner_list(args: argparse.Namespace) -> int:
    from app.cli import _admin

    with _admin(args) as client:
        for view in client.admin.owner_keys():
            print(f"{view.fingerprint}  {view.name}  (trusted {view.trusted_wall})")
    return 0


def cmd_package_import(args: argparse.Namespace) -> int:
    from app.cli import _admin
    from app.security.sealed_package import is_revocation

    package = _read(args.package)
    with _admin(args) as client:
        if is_revocation(package.content):
            revoked = client.admin.revoke_package(package)
            print(f"recorded the revocation of package {revoked.package_id} (session {revoked.session_code}) by "
                  f"{revoked.owner_name}: {revoked.reason}")  # fmt: skip
            print("the package is refused from now on" + ("" if revoked.imported else ", if it arrives"))
            return 0
        view = client.admin.import_package(package)
    print(f"imported sealed package {view.package_id} (version {view.version}) for session {view.session_code} "
          f"from {view.owner_name}")  # fmt: skip
    print(f"SHA-256 {view.digest}; opens at {view.not_before} (UTC) with its release key")
    return 0


def cmd_package_open(args: argparse.Namespace) -> int:
    from app.cli import _admin

    package = _package_file(args.package)
    key = args.key
    if args.key_image:
        from app.reports import release_key_qr

        package_id, key = release_key_qr.scan(Path(args.key_image))
        if package_id != package.header.package_id:
            raise UserFacingError(f"the QR code in {args.key_image} is the release key of package {package_id}, "
                                  f"not of {args.package} (package {package.header.package_id})")  # fmt: skip
    if not key:
        raise UserFacingError("give the release key: --key KEY, or --key-image FILE (a photo or scan of its QR code)")
    with _admin(args) as client:
        view = client.admin.open_package(package.digest, key)
    forms = f"{view.papers} fixed paper(s), " if view.papers else ""
    print(f"opened package {view.package_id} for session {view.session_code}: {forms}banks {', '.join(view.banks)}")
    print(f"SHA-256 {view.digest}")
    return 0


def cmd_package_list(args: argparse.Namespace) -> int:
    from app.cli import _admin

    with _admin(args) as client:
        for view in client.admin.packages():
            state = f"opened {view.opened_wall}" if view.opened_wall else f"sealed until {view.not_before}"
            if view.revoked_wall:
                state = f"REVOKED {view.revoked_wall} ({view.revoked_reason})"
            print(f"{view.session_code}  v{view.version}  {view.package_id}  {state}  {view.owner_name}  {view.digest}")
    return 0


def add_parsers(sub, store_options, data_options) -> None:  # type: ignore[no-untyped-def]
    owner = sub.add_parser("owner", help="exam owners' keys for sealed packages").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = owner.add_parser("init", help="the exam owner: make a key pair (private key encrypted with a passphrase)")
    p.add_argument("--out", default=".", metavar="DIR", help=f"where to write {OWNER_KEY} and {OWNER_PUBLIC}")
    p.set_defaults(func=cmd_owner_init)
    p = owner.add_parser("trust", help="the centre: trust an exam owner's public key (prints its fingerprint)")
    p.add_argument("pubkey", metavar="PUBKEY.pem")
    p.add_argument("--name", help="the owner's name, as the admin screen shows it")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_owner_trust)
    p = owner.add_parser("list", help="the exam owners this centre trusts")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_owner_list)

    package = sub.add_parser("package", help="sealed exam packages").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = package.add_parser(
        "seal", help="the exam owner: encrypt and sign banks for one session; prints the release key"
    )
    p.add_argument("--bank", action="append", required=True, metavar="PATH",
                   help="bank file or folder; repeatable (with --papers: the banks the papers draw on)")  # fmt: skip
    p.add_argument("--papers", action="append", metavar="FILE",
                   help="fixed papers (`paper build --json`, or `--forms N --json`): the centre uses them as "
                        "assembled; repeatable")  # fmt: skip
    p.add_argument("--session-code", metavar="CODE", help="the session the package is for")
    p.add_argument("--replaces", metavar="OLD.pkg",
                   help="a corrected package for the same session: the next version of OLD.pkg, which the "
                        "centre then refuses")  # fmt: skip
    p.add_argument("--key-qr", metavar="FILE", help="also write the release key as a QR code: a PNG, or an A4 sheet "
                   "to print for *.pdf")  # fmt: skip
    p.add_argument("--not-before", required=True, metavar="TIME", help="start time, e.g. 2027-03-14T09:00+08:00")
    p.add_argument("--owner-key", default=OWNER_KEY, metavar="FILE", help=f"the owner's private key ({OWNER_KEY})")
    p.add_argument("--out", required=True, metavar="PKG")
    data_options(p)
    p.set_defaults(func=cmd_package_seal)
    p = package.add_parser("revoke", help="the exam owner: a signed revocation of a package, for the centre")
    p.add_argument("package", metavar="PKG")
    p.add_argument("--reason", required=True, help="why, as the centre's admin will read it")
    p.add_argument("--owner-key", default=OWNER_KEY, metavar="FILE", help=f"the owner's private key ({OWNER_KEY})")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_package_revoke)
    p = package.add_parser("import", help="the centre: keep a sealed package for the day (signature checked), "
                           "or record its owner's revocation")  # fmt: skip
    p.add_argument("package", metavar="PKG")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_package_import)
    p = package.add_parser("open", help="the centre: open a package with its release key at its start time")
    p.add_argument("package", metavar="PKG")
    key = p.add_mutually_exclusive_group(required=True)
    key.add_argument("--key", help="the release key, as given (case, spaces and dashes do not matter)")
    key.add_argument("--key-image", metavar="FILE", help="a photo or scan (PNG, JPEG) of the release key's QR code")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_package_open)
    p = package.add_parser("list", help="the sealed packages this centre holds")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_package_list)
