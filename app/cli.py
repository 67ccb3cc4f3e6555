"""The `examdesk` command.

Exit status: 0 success; 1 the input is invalid or cannot be used (every problem is printed);
2 the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.domain.paper_assembly import AssemblyError, PaperAssembler, overlap
from app.domain.standards import RULE_FIELDS, Area, Level, MissingWeightsError, Origin, OriginKind, Part, Standard
from app.errors import DataFileError, Problem, UserFacingError

if TYPE_CHECKING:
    from app.api.client import Client


def _dump(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _catalog(args: argparse.Namespace):
    from app.banks.catalog import Catalog

    banks = [Path(p) for p in getattr(args, "banks", None) or []]
    catalog = Catalog.load(
        standards_dir=Path(args.standards) if getattr(args, "standards", None) else None,
        bank_paths=banks or None,
    )
    owner = [Path(p) for p in getattr(args, "blueprints", None) or []]
    if owner:  # the exam owner's blueprint files, on top of the bundled ones (the most specific wins)
        from app.banks.blueprint_file import read_blueprint_paths

        catalog.blueprints = [*catalog.blueprints, *read_blueprint_paths(owner)]
    return catalog


def _level_json(std: Standard, lv: Level) -> dict[str, object]:
    parts = [p for p in Part if std.min_minutes_for(lv, p) is not None]
    return {
        "level": lv.level,
        "name": lv.name,
        "theory_weights": dict(lv.theory_weights) if lv.theory_weights else None,
        "skill_weights": dict(lv.skill_weights) if lv.skill_weights else None,
        "min_minutes": {part.value: std.min_minutes_for(lv, part) for part in Part},
        "review_required": lv.review_required,
        "areas": [{"area": a.name, "number": a.number, "contents": [c.code for c in a.contents]} for a in lv.areas],
        "own_areas": [{"area": a.name, "contents": [c.code for c in a.contents]} for a in lv.own_areas],
        "pass_mark": std.pass_mark_for(lv),
        "staffing": std.staffing_for(lv).as_dict(),
        # where each rule comes from: the standard, borrowed (from where), or the exam owner (who)
        "origins": {
            "pass_mark": std.origin("pass_mark", lv).as_dict(),
            "min_minutes": {p.value: std.origin("min_minutes", lv, p).as_dict() for p in parts},
            "staffing": {p.value: std.origin("staffing", lv, p).as_dict() for p in Part},
        },
    }


def _origin_text(origin: Origin) -> str:
    if origin.kind is OriginKind.BORROWED:
        return f"borrowed from {origin.source}"
    if origin.kind is OriginKind.OWNER:
        return f"set by the exam owner: {origin.source}"
    return ""


def _origins_text(std: Standard, lv: Level, rule: str, parts: Sequence[Part]) -> str:
    """'borrowed from X' when every part has the same origin, else 'theory: ...; skill: ...'."""
    texts = {p: _origin_text(std.origin(rule, lv, p)) for p in parts}
    if len(set(texts.values())) == 1:
        return next(iter(texts.values()), "")
    return "; ".join(f"{p.value}: {t or 'the standard'}" for p, t in texts.items())


def cmd_standards_list(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    rows = [
        {
            "code": std.code,
            "name": std.name,
            "edition": std.edition,
            "levels": [lv.level for lv in std.levels],
            "subtypes": [{"name": st.name, "levels": [lv.level for lv in st.levels]} for st in std.subtypes],
            "official_weights": std.official_weights,
        }
        for std in sorted(catalog.standards.values(), key=lambda s: s.code)
    ]
    if args.json:
        _dump(rows)
        return 0
    for row in rows:
        levels = ", ".join(str(lv) for lv in row["levels"])
        note = "" if row["official_weights"] else "  (no official weight table)"
        print(f"{row['code']:<12} {row['name']} ({row['edition']})  levels {levels}{note}")
        for st in row["subtypes"]:
            print(f"{'':<12}   工种 {st['name']}: levels {', '.join(str(x) for x in st['levels'])}")
    return 0


def cmd_standards_show(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    std = catalog.standard(args.code)
    try:
        std.level_list(args.subtype)
    except KeyError:
        raise UserFacingError(
            f"{std.code} has no subtype {args.subtype!r}; subtypes: "
            + ("、".join(st.name for st in std.subtypes) or "none")
        ) from None
    if args.weights:
        std = catalog.effective(std.code, args.subtype, Path(args.weights))
    levels = std.level_list(args.subtype)
    data = {
        "code": std.code,
        "name": std.name,
        "subtype": args.subtype,
        "edition": std.edition,
        "kind": std.kind,
        "official_weights": std.official_weights,
        "weights_from": std.owner_source or None,  # the exam owner's weight file, when one is applied
        "levels": [_level_json(std, lv) for lv in levels],
        "staffing": std.staffing.as_dict(),
        "pass_mark": std.pass_mark,
        # rules the standard does not set itself and takes from another
        "borrowed": {"from": std.borrowed.source, "fields": list(std.borrowed.fields)} if std.borrowed else None,
        "origins": {rule: std.origin(rule).as_dict() for rule in RULE_FIELDS},
        "notes": std.notes,
    }
    if args.json:
        _dump(data)
        return 0
    title = f"{std.code} {std.name} ({std.edition})" + (f" — {args.subtype}" if args.subtype else "")
    print(title)
    if std.owner_source:
        print(f"  Weight tables set by the exam owner: {std.owner_source}")
    elif not std.official_weights:
        print("  This standard has no official weight table: supply one with --weights FILE.")
    if std.borrowed:
        print(f"  {std.code} sets no {', '.join(std.borrowed.fields)} of its own: "
              f"they are borrowed from {std.borrowed.source}.")  # fmt: skip
    for lv in levels:
        parts = [p for p in Part if std.min_minutes_for(lv, p) is not None]
        minutes = ", ".join(f"{p.value} ≥{std.min_minutes_for(lv, p)} min" for p in parts)
        where = _origins_text(std, lv, "min_minutes", parts)
        print(f"\n  level {lv.level} {lv.name}  [{minutes}]" + (f"  (minimum minutes {where})" if where else ""))
        for area in lv.own_areas:
            codes = ", ".join(f"{c.code} {c.name}" for c in area.contents)
            print(f"    own area {area.name} (the exam owner's): {codes}")
        for part, table in (("theory", lv.theory_weights), ("skill", lv.skill_weights)):
            if table:
                print(f"    {part:<6} " + "  ".join(f"{a} {w}" for a, w in table.items()))
        if lv.owner is not None and lv.owner.pass_mark is not None:
            print(f"    pass mark {std.pass_mark_for(lv)} ({_origin_text(std.origin('pass_mark', lv))})")
        if lv.owner is not None and lv.owner.staffing_parts:
            staffing = json.dumps(std.staffing_for(lv).as_dict(), ensure_ascii=False)
            print(f"    staffing: {staffing} ({_origins_text(std, lv, 'staffing', list(Part))})")
    mark_from = _origin_text(std.origin("pass_mark"))
    staffing_from = _origin_text(std.origin("staffing"))
    print(f"\n  pass mark {std.pass_mark}" + (f" ({mark_from})" if mark_from else "")
          + f"; staffing: {json.dumps(std.staffing.as_dict(), ensure_ascii=False)}"
          + (f" ({staffing_from})" if staffing_from else ""))  # fmt: skip
    if std.notes:
        print(f"\n  notes: {std.notes}")
    return 0


def cmd_bank_validate(args: argparse.Namespace) -> int:
    from app import paths
    from app.banks.bank_file import bank_files, read_banks
    from app.banks.blueprint_file import read_blueprint
    from app.banks.standard_file import read_standard, read_standards, read_weights

    targets = [Path(p) for p in args.paths]
    problems = []
    standards_dir = Path(args.standards) if args.standards else paths.standards_dir()
    try:
        standards = read_standards(standards_dir)
    except DataFileError as exc:
        standards = {}
        problems += exc.problems
    # Standards and blueprints among the given paths are validated too.
    checked = 0
    owner_views: dict[str, list[Standard]] = {}  # standard code -> as each weight file makes it
    for path in bank_files(targets):
        if not path.is_file():
            continue
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        try:
            if "examdesk-standard/1" in head:
                std = read_standard(path)
                standards.setdefault(std.code, std)
                checked += 1
            elif "examdesk-blueprint/1" in head:
                read_blueprint(path)
                checked += 1
            elif "examdesk-weights/1" in head:
                code = re.search(r"^standard:\s*[\"']?([^\"'\s#]+)", head, re.MULTILINE)
                std = standards.get(code.group(1)) if code else None
                if std is None:
                    problems.append(Problem(str(path), None, "standard", "missing or unknown standard"))
                else:
                    owner_views.setdefault(std.code, []).append(read_weights(path, std))
                checked += 1
        except DataFileError as exc:
            problems += exc.problems
    # Banks are checked with the areas of the owner's own that the weight files read with them
    # add; an area neither the standard nor those files define is a problem.
    checked_standards = {code: _with_own_areas(std, owner_views.get(code, [])) for code, std in standards.items()}
    try:
        bankset = read_banks(targets, checked_standards, owner_areas_open=False)
    except DataFileError as exc:
        problems += exc.problems
        bankset = None
    unique = sorted(set(problems), key=lambda p: (p.source, p.line or 0, p.location, p.message))
    if unique:
        for problem in unique:
            print(problem)
        print(f"{len(unique)} problem(s) found.", file=sys.stderr)
        return 1
    assert bankset is not None
    for info in bankset.banks:
        print(f"ok  {info.source}: {info.bank} ({info.item_count} items, {info.task_count} tasks)")
    print(
        f"{len(bankset.banks)} bank file(s), {len(bankset.items)} items, "
        f"{len(bankset.tasks)} tasks, {checked} standard/blueprint/weights file(s): all valid."
    )
    if not args.no_lint:
        from app.banks.bank_lint import lint_banks

        report = lint_banks(bankset)
        for problem in report.warnings:
            print(problem)
        print(f"item-writing lint: {len(report.warnings)} warning(s), "
              f"{len(report.justified)} more explained in comments (docs/bank-format.md).")  # fmt: skip
    return 0


def _with_own_areas(std: Standard, views: Sequence[Standard]) -> Standard:
    """`std` with every area of the owner's own that any of `views` (weight files applied) adds."""
    if not views:
        return std
    levels = []
    for lv in std.levels:
        own: dict[str, Area] = {}
        for view in views:
            for area in view.level(lv.level).own_areas:
                own.setdefault(area.name, area)
        levels.append(replace(lv, own_areas=tuple(own.values())))
    return replace(std, levels=tuple(levels))


def _seed(text: str) -> int | str:
    try:
        return int(text)
    except ValueError:
        return text


def cmd_paper_build(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    part = Part(args.part)
    weights = Path(args.weights) if args.weights else None
    seed = _seed(args.seed)
    if args.forms:
        if part is not Part.THEORY:
            raise UserFacingError("--forms applies to theory papers")
        assembler = catalog.assembler(args.standard, args.level, subtype=args.subtype, weights_file=weights)
        _warn_difficulty(assembler)
        papers = assembler.build_forms(args.forms, seed)
        pairs = [
            {"forms": [i + 1, j + 1], "overlap": round(overlap(papers[i], papers[j]), 3)}
            for i in range(len(papers))
            for j in range(i + 1, len(papers))
        ]
        if args.json:
            _dump({"forms": [p.as_json() for p in papers], "overlap": pairs})
        else:
            for pair in pairs:
                a, b = pair["forms"]
                print(f"forms {a} and {b}: {pair['overlap']:.0%} items in common")
        return 0
    target = None
    if part is Part.THEORY:
        assembler = catalog.assembler(args.standard, args.level, subtype=args.subtype, weights_file=weights)
        _warn_difficulty(assembler)
        paper = assembler.build(seed)
        target = (assembler.mix.difficulty_target, assembler.mix.difficulty_tolerance)
    else:
        paper = catalog.build_paper(args.standard, args.level, part, seed, subtype=args.subtype, weights_file=weights)
    if args.json:
        _dump(paper.as_json())
        return 0
    data = paper.as_json()
    print(f"{paper.standard} level {paper.level} {part.value} paper, seed {paper.seed}: "
          f"{len(paper.items)} items, {data['total_points']} points")  # fmt: skip
    print("  by area: " + "  ".join(f"{a} {p}" for a, p in data["area_points"].items()))
    if paper.difficulty is not None:
        aim = ""
        if target is not None:
            missed = abs(paper.difficulty - target[0]) > target[1] + 1e-9
            aim = f" (target {target[0]:g} ± {target[1]:g}{': not reached' if missed else ''})"
        print(f"  mean difficulty {paper.difficulty:.2f}{aim}")
    for n, it in enumerate(data["items"], 1):
        order = "".join(it["options_order"])
        print(f"  {n:>3}. {it['id']:<16} {it['type']:<10} {it['points']:>4}  {it['area']}  {order}")
    return 0


def _warn_difficulty(assembler: PaperAssembler) -> None:
    warning = assembler.difficulty_warning()
    if warning:
        print(f"warning: {warning}", file=sys.stderr)


def _passphrase(prompt: str = "Centre passphrase: ", confirm: bool = False) -> str:
    import getpass
    import os

    given = os.environ.get("EXAMDESK_PASSPHRASE")
    if given:
        return given
    if not sys.stdin.isatty():
        raise UserFacingError("no passphrase: set EXAMDESK_PASSPHRASE or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise UserFacingError("the two passphrases differ")
    return first


def _store_url(args: argparse.Namespace) -> str:
    from app import paths
    from app.store.database import default_store_path, sqlite_url

    if getattr(args, "url", None):
        return args.url
    folder = Path(args.data) if args.data else paths.data_dir()
    path = default_store_path(folder) if args.action == "init" else folder / "examdesk.db"
    if args.action != "init" and not path.exists():
        raise UserFacingError(f"no store at {path}: create one with 'examdesk store init'")
    return sqlite_url(path)


def _open_store(args: argparse.Namespace):
    from app.security.envelope import WrongPassphrase
    from app.store.database import Database

    url = _store_url(args)
    try:
        return Database.open(url, _passphrase())
    except WrongPassphrase:
        raise UserFacingError("wrong passphrase: the store was not opened and nothing changed") from None


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.services.audit_log import AuditService

    db = _open_store(args)
    try:
        report = AuditService(db).verify()
    finally:
        db.close()
    if report.intact:
        print(f"audit log intact: {report.entries} entries")
        return 0
    print(f"audit log broken at entry {report.first_broken}: {report.reason}")
    return 1


def cmd_store_init(args: argparse.Namespace) -> int:
    from app.services.accounts import AccountService
    from app.store.database import Database

    url = _store_url(args)
    passphrase = _passphrase("New centre passphrase: ", confirm=True)
    from app.security.passwords import password_problem

    problem = password_problem(passphrase)
    if problem or len(passphrase) < 12:
        raise UserFacingError(f"passphrase too weak: {problem or 'at least 12 characters'}")
    admin_password = os.environ.get("EXAMDESK_ADMIN_PASSWORD") or _passphrase("Admin password: ", confirm=True)
    db = Database.create(url, passphrase)
    try:
        AccountService(db).set_up_centre(
            code=args.centre_code, name=args.centre_name, admin_username=args.admin, admin_password=admin_password
        )
    finally:
        db.close()
    print(f"store created: {url}")
    return 0


def cmd_store_passphrase(args: argparse.Namespace) -> int:
    from app.security.envelope import WrongPassphrase
    from app.store.database import Database

    url = _store_url(args)
    old = _passphrase("Current passphrase: ")
    new = os.environ.get("EXAMDESK_NEW_PASSPHRASE") or _passphrase("New passphrase: ", confirm=True)
    try:
        db = Database.open(url, old)
    except WrongPassphrase:
        raise UserFacingError("wrong passphrase: nothing changed") from None
    try:
        db.change_passphrase(old, new)
    finally:
        db.close()
    print("passphrase changed; the data key was re-wrapped, nothing else was rewritten")
    return 0


@contextmanager
def _station(args: argparse.Namespace) -> Iterator[Client]:
    """This command's station: a client of the services over the store, as every screen has one."""
    import socket

    from app.api.client import Client, InProcess
    from app.api.server import Server
    from app.services.backend import Backend

    backend = Backend.over(_open_store(args))
    try:
        yield Client(InProcess(Server(backend)), f"cli@{socket.gethostname()}")
    finally:
        backend.close()


@contextmanager
def _admin(args: argparse.Namespace) -> Iterator[Client]:
    """The admin acting from the command line: signs in like anyone else, and out at the end."""
    password = os.environ.get("EXAMDESK_ADMIN_PASSWORD") or _passphrase("Admin password: ")
    with _station(args) as client:
        client.sign_in(args.admin, password)
        try:
            yield client
        finally:
            client.sign_out()


def cmd_keys_export(args: argparse.Namespace) -> int:
    with _station(args) as client:
        keys = client.public.public_keys()
    chosen = [k for k in keys if k.fingerprint == args.fingerprint] if args.fingerprint else \
        [k for k in keys if k.active]  # fmt: skip
    if not chosen:
        raise UserFacingError(f"no signing key {args.fingerprint}" if args.fingerprint else "no active signing key")
    info = chosen[-1]
    Path(args.out).write_bytes(info.pem)
    print(f"public key written to {args.out}")
    print(f"fingerprint (SHA-256): {info.fingerprint}")
    return 0


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    with _admin(args) as client:
        fingerprint = client.admin.rotate_signing_key()
    print(f"new signing key {fingerprint}; older keys are kept so their bundles still verify")
    return 0


def _progress(label: str):  # type: ignore[no-untyped-def]
    def report(done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total:
            sys.stderr.write(f"\r{label}: {done * 100 // max(1, total)}%")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return report


def _session_id(client: Client, code: str) -> int:
    """The session by its code (or number), as the admin's session list shows it."""
    for info in client.admin.sessions():
        if code in (info.code, str(info.id)):
            return info.id
    raise UserFacingError(f"no session {code!r}")


def cmd_session_archive(args: argparse.Namespace) -> int:
    with _admin(args) as client:
        until = client.admin.archive_session(_session_id(client, args.session), args.years)
    print(f"session {args.session} archived: kept until {until}; it can no longer change")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _admin(args) as client:
        session_id, out = _session_id(client, args.session), Path(args.out)
        result = client.run(
            lambda: client.admin.export_session(session_id, args.unmasked is None, args.unmasked or "", out.name),
            _progress("exporting"),
        )  # fmt: skip
    part = out.with_name(out.name + ".part")  # never a half-written bundle under the real name
    part.write_bytes(result.files[0].content)
    part.replace(out)
    print(f"{out}: {result.candidates} candidates, signed by {result.key_fingerprint}")
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from app import paths

    # matplotlib's font cache goes into this store's data folder, the only place ExamDesk writes
    os.environ.setdefault("MPLCONFIGDIR", str((Path(args.data) if args.data else paths.data_dir()) / "matplotlib"))
    from app.reports.analysis_report import caveat_texts, items_csv, reliability_text, render_pdf

    with _admin(args) as client:
        result = client.admin.session_analysis(_session_id(client, args.session))
    Path(args.out).write_bytes(render_pdf(result))
    if args.csv:
        Path(args.csv).write_bytes(items_csv(result))
    summary = result.analysis.summary
    flagged = sum(1 for i in result.analysis.items if i.flags)
    print(f"{result.session}: {summary.candidates} candidates, {summary.items} items, {flagged} flagged; "
          f"reliability {reliability_text(result)}")  # fmt: skip
    for text in caveat_texts(result):
        print(f"  {text}")
    print(f"report: {args.out}" + (f"; items: {args.csv}" if args.csv else ""))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from app.reports.verify import verify_bundle
    from app.security.signing import load_public_pem

    try:
        public = load_public_pem(Path(args.pubkey).read_bytes())
    except (OSError, ValueError) as exc:
        raise UserFacingError(f"{args.pubkey}: not an Ed25519 public key in PEM ({exc})") from None
    check = verify_bundle(Path(args.bundle), public)
    if check.ok:
        print(check.summary())
        return 0
    print(f"INVALID: {check.reason}")
    return 1


def cmd_station_export_journal(args: argparse.Namespace) -> int:
    from app.station.journal import Journal, JournalDamaged, JournalInUse, export_candidate, station_of

    folder = Path(args.journal)
    try:
        raw = Path(args.key_file).read_bytes()
        key = raw if len(raw) == 32 else bytes.fromhex(raw.decode("ascii", errors="replace").strip())
        if len(key) != 32:
            raise ValueError("not 32 bytes")
    except (OSError, ValueError) as exc:
        print(f"examdesk: {args.key_file} is not a station key (32 bytes, raw or as 64 hex digits): {exc}",
              file=sys.stderr)  # fmt: skip
        return 1
    try:
        with Journal(folder, key, station_of(folder)) as journal:
            attempt, count, sealed = export_candidate(journal, key, args.ticket, args.attempt)
    except (JournalDamaged, JournalInUse, LookupError) as exc:
        print(f"examdesk: {exc}", file=sys.stderr)
        return 1
    Path(args.out).write_bytes(sealed)
    print(f"{count} unsent steps of ticket {args.ticket} (attempt {attempt}) written to {args.out}")
    return 0


def cmd_station_import_journal(args: argparse.Namespace) -> int:
    from app.api.types import FileData

    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        print(f"examdesk: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    password = os.environ.get("EXAMDESK_PROCTOR_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            print("examdesk: no password: set EXAMDESK_PROCTOR_PASSWORD or run in a terminal", file=sys.stderr)
            return 1
        import getpass

        password = getpass.getpass("Proctor password: ")
    with _station(args) as client:
        client.sign_in(args.proctor, password)
        try:
            session = next((i.id for i in client.proctor.sessions() if args.session in (i.code, str(i.id))), None)
            if session is None:
                print(f"examdesk: no session {args.session!r} of proctor {args.proctor}", file=sys.stderr)
                return 1
            applied = client.proctor.import_journal(session, FileData(path.name, content))
        finally:
            client.sign_out()
    print(f"{applied} steps of {path.name} applied to session {args.session}")
    return 0


def cmd_verify_qr(args: argparse.Namespace) -> int:
    from app.security import qr_payload
    from app.security.signing import load_public_pem

    public = load_public_pem(Path(args.pubkey).read_bytes())
    try:
        verified = qr_payload.verify(args.payload, public)
    except qr_payload.PayloadError as exc:
        print(f"INVALID: {exc}")
        return 1
    print(json.dumps({"valid": True, "key_id": verified.key_id, "record": verified.record}, ensure_ascii=False))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import run_demo

    if not args.headless:
        raise UserFacingError("only the headless demo exists so far: add --headless")
    result = run_demo(Path(args.data), Path(args.out), log=lambda m: print(f"demo: {m}", file=sys.stderr))
    print(result.as_json())
    return 0


def cmd_version(args: argparse.Namespace) -> int:
    print(f"examdesk {__version__}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.main import main as gui_main

    return gui_main([])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="examdesk", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"examdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def data_options(p: argparse.ArgumentParser, banks: bool = False) -> None:
        p.add_argument("--standards", metavar="DIR", help="standards folder (default: the bundled one)")
        if banks:
            p.add_argument("--banks", metavar="PATH", action="append",
                           help="bank file or folder; repeatable (default: the bundled samples)")  # fmt: skip

    p = sub.add_parser("version", help="print the version")
    p.set_defaults(func=cmd_version)

    p = sub.add_parser("gui", help="open the desktop application")
    p.set_defaults(func=cmd_gui)

    standards = sub.add_parser("standards", help="the occupational standards").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = standards.add_parser("list", help="list the standards")
    p.add_argument("--json", action="store_true")
    data_options(p)
    p.set_defaults(func=cmd_standards_list)
    p = standards.add_parser("show", help="levels, weight tables, durations and staffing of one standard")
    p.add_argument("code")
    p.add_argument("--subtype", metavar="NAME", help="a subtype (工种), e.g. 残疾人就业辅导员")
    p.add_argument("--weights", metavar="FILE", help="show the standard as an exam owner's weight file makes it")
    p.add_argument("--json", action="store_true")
    data_options(p)
    p.set_defaults(func=cmd_standards_show)

    bank = sub.add_parser("bank", help="question banks").add_subparsers(dest="action", metavar="ACTION", required=True)
    p = bank.add_parser("validate", help="check bank files; list every problem, then item-writing warnings")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-lint", action="store_true", help="skip the item-writing warnings")
    data_options(p)
    p.set_defaults(func=cmd_bank_validate)

    def store_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", metavar="DIR", help="data folder (default: the platform's data folder)")
        p.add_argument("--url", help="a database URL instead, e.g. postgresql+psycopg://user@host/db")

    store = sub.add_parser("store", help="the encrypted exam store").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = store.add_parser("init", help="create the store: data key, centre and first admin")
    p.add_argument("--centre-code", required=True)
    p.add_argument("--centre-name", required=True)
    p.add_argument("--admin", default="admin", help="the first admin's user name")
    store_options(p)
    p.set_defaults(func=cmd_store_init)
    p = store.add_parser("passphrase", help="change the centre passphrase (re-wraps the data key)")
    store_options(p)
    p.set_defaults(func=cmd_store_passphrase)

    audit = sub.add_parser("audit", help="the audit log").add_subparsers(dest="action", metavar="ACTION", required=True)
    p = audit.add_parser("verify", help="check the audit chain; names the first broken entry")
    store_options(p)
    p.set_defaults(func=cmd_audit_verify)

    keys = sub.add_parser("keys", help="the centre's signing keys").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = keys.add_parser("export-public", help="write the public key (PEM) and print its fingerprint")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--fingerprint", help="an older key (default: the active one)")
    store_options(p)
    p.set_defaults(func=cmd_keys_export)
    p = keys.add_parser("rotate", help="make a new signing key (older ones stay for verification)")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_keys_rotate)

    session = sub.add_parser("session", help="exam sessions").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = session.add_parser("archive", help="archive a closed session: frozen, kept at least five years")
    p.add_argument("--session", required=True, metavar="CODE", help="session code (or number)")
    p.add_argument("--years", type=int, default=5, help="years to keep it (at least 5)")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_session_archive)

    p = sub.add_parser("export", help="export a session's results as a signed bundle")
    p.add_argument("--session", required=True, metavar="CODE", help="session code (or number)")
    p.add_argument("--out", required=True, metavar="FILE.zip")
    p.add_argument("--mask", action="store_true", help="mask names and ID numbers (the default; kept for scripts)")
    p.add_argument("--unmasked", metavar="REASON",
                   help="names and ID numbers in full, for the reason given (audited with the export)")  # fmt: skip
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_export, action="export")

    p = sub.add_parser("analyse", help="item analysis of a closed theory session: a PDF report and a CSV")
    p.add_argument("--session", required=True, metavar="CODE", help="session code (or number)")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the report (试卷质量分析报告)")
    p.add_argument("--csv", metavar="FILE", help="also one row per item with its figures")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_analyse, action="analyse")

    p = sub.add_parser("verify", help="check a result bundle offline")
    p.add_argument("bundle", metavar="FILE.zip")
    p.add_argument("--pubkey", required=True, metavar="PEM")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("verify-qr", help="check the QR record of a score report offline")
    p.add_argument("payload")
    p.add_argument("--pubkey", required=True, metavar="PEM")
    p.set_defaults(func=cmd_verify_qr)

    station = sub.add_parser("station", help="a candidate station's own files").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = station.add_parser("export-journal", help="a dead PC's unsent answers of one candidate, as a sealed file")
    p.add_argument("--journal", required=True, metavar="DIR", help="the station's journal folder")
    p.add_argument("--ticket", required=True, help="the candidate's admission ticket")
    p.add_argument("--out", required=True, metavar="FILE", help="the sealed file, for the proctor to import")
    p.add_argument("--key-file", required=True, metavar="FILE",
                   help="the station's journal key from enrolment (32 bytes, raw or as 64 hex digits)")  # fmt: skip
    p.add_argument("--attempt", type=int, help="which attempt, when the journal holds several of this ticket")
    p.set_defaults(func=cmd_station_export_journal)
    p = station.add_parser("import-journal", help="replay a dead PC's sealed journal file (as the session's proctor)")
    p.add_argument("--session", required=True, metavar="CODE", help="session code (or number)")
    p.add_argument("--file", required=True, metavar="FILE", help="what export-journal wrote")
    p.add_argument("--proctor", required=True, help="the proctor's user name (password: EXAMDESK_PROCTOR_PASSWORD)")
    store_options(p)
    p.set_defaults(func=cmd_station_import_journal)

    p = sub.add_parser("demo", help="build a demo centre with sessions, results and bundles")
    p.add_argument("--headless", action="store_true", help="no windows: simulate the exam day")
    p.add_argument("--data", required=True, metavar="DIR", help="where the demo store is created")
    p.add_argument("--out", required=True, metavar="OUTDIR", help="where bundles and the public key go")
    p.set_defaults(func=cmd_demo)

    paper = sub.add_parser("paper", help="papers").add_subparsers(dest="action", metavar="ACTION", required=True)
    p = paper.add_parser("build", help="assemble a paper from the banks")
    p.add_argument("--standard", required=True, metavar="CODE")
    p.add_argument("--subtype", metavar="NAME")
    p.add_argument("--level", required=True)
    p.add_argument("--part", required=True, choices=[Part.THEORY.value, Part.SKILL.value])
    p.add_argument("--seed", required=True)
    p.add_argument("--weights", metavar="FILE", help="weight file for a standard without official weights")
    p.add_argument("--forms", type=int, metavar="N", help="build N parallel forms sharing few items")
    p.add_argument("--blueprints", metavar="PATH", action="append",
                   help="the exam owner's blueprint file or folder, added to the bundled ones; repeatable")  # fmt: skip
    p.add_argument("--json", action="store_true")
    data_options(p, banks=True)
    p.set_defaults(func=cmd_paper_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except MissingWeightsError as exc:
        print(f"examdesk: {exc}", file=sys.stderr)
        return 1
    except (AssemblyError, UserFacingError) as exc:
        print(f"examdesk: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
