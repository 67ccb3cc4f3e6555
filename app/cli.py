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


def _package(path_text: str):  # type: ignore[no-untyped-def]
    """The files of a package: a file, a .zip or a folder."""
    from app.banks.interchange import package_from_path

    path = Path(path_text)
    if not path.exists():
        raise UserFacingError(f"{path}: no such file or folder")
    try:
        return package_from_path(path)
    except OSError as exc:
        raise UserFacingError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _warn(problems: Sequence[Problem]) -> None:
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)


def cmd_bank_inspect(args: argparse.Namespace) -> int:
    from app.banks.interchange import inspect_json, read_package

    result = read_package(_package(args.file), _catalog(args).standards)
    _warn(result.warnings)
    data = inspect_json(result)
    if args.json:
        _dump(data)
    else:
        counts: dict[str, int] = {}
        for item in result.items:
            counts[item.type] = counts.get(item.type, 0) + 1
        kinds = ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "none"
        print(f"{args.file}: {len(result.items)} question(s) ({kinds}); {len(result.unsupported)} unsupported; "
              f"{len(result.problems)} error(s)")  # fmt: skip
        for entry in data["unsupported"]:
            print(f"unsupported: {entry['location']}: {entry['reason']}")
        for entry in data["errors"]:
            print(f"error: {entry['location']}: {entry['message']}")
    return 1 if result.problems else 0


def _mapping_file(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.api.types import FileData

    if not args.map:
        return None
    try:
        return FileData(Path(args.map).name, Path(args.map).read_bytes())
    except OSError as exc:
        raise UserFacingError(f"{args.map}: cannot read: {exc.strerror or exc}") from None


def cmd_bank_import(args: argparse.Namespace) -> int:
    mapping = _mapping_file(args)
    if args.to_yaml:
        return _bank_to_yaml(args, mapping)
    from app.api.files import read_bank_files

    with _admin(args) as client:
        files = read_bank_files([Path(args.file)])
        imported = client.run(
            lambda: client.admin.import_banks(files, args.standard, mapping, args.skip_unsupported),
            _progress("importing"),
        )  # fmt: skip
    for info in imported:
        print(f"imported {info.bank} ({info.standard}): {info.item_count} question(s), {info.task_count} task(s)")
    return 0


def _bank_to_yaml(args: argparse.Namespace, mapping_file) -> int:  # type: ignore[no-untyped-def]
    """`bank import --to-yaml DIR`: the ExamDesk bank files the import would keep, for review."""
    from app.banks.bank_file import read_banks
    from app.banks.interchange import convert, read_mapping, read_package, relocate

    catalog = _catalog(args)
    mapping = read_mapping(mapping_file.name, mapping_file.content.decode("utf-8")) if mapping_file else None
    found = read_package(_package(args.file), catalog.standards)
    _warn(found.warnings)
    converted, notes = convert(found, standard=args.standard, mapping=mapping, skip_unsupported=args.skip_unsupported)
    try:  # checked as the import checks them: with every bundled bank (an enemy may be in one of them)
        read_banks(catalog.bank_paths, catalog.standards, sources=[(c.name, c.text) for c in converted])
    except DataFileError as exc:
        raise DataFileError(relocate(exc.problems, converted)) from None
    out = Path(args.to_yaml)
    out.mkdir(parents=True, exist_ok=True)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    for c in converted:
        target = out / f"{c.bank}.yaml"
        target.write_text(c.text, encoding="utf-8")
        print(f"{target}: {len(c.origins)} question(s) from {c.name}")
    return 0


def cmd_bank_export(args: argparse.Namespace) -> int:
    from app.banks.interchange import export_items
    from app.banks.neutral import BankInfoRow

    if args.from_store:
        return _bank_export_from_store(args)
    if args.version:
        raise UserFacingError("--version picks a bank imported into the store: give --from-store")
    if not args.standard:
        raise UserFacingError("name the standard (--standard CODE), or export a bank in the store "
                              "(--from-store --bank ID)")  # fmt: skip
    catalog = _catalog(args)
    std = catalog.standard(args.standard)
    banks = {b.bank: b for b in catalog.banks.banks if b.standard == std.code}
    if args.bank and args.bank not in banks:
        raise UserFacingError(f"no bank {args.bank!r} of standard {std.code}; banks: {', '.join(sorted(banks))}")
    items = [it for it in catalog.banks.items if it.bank in banks and (not args.bank or it.bank == args.bank)
             and (args.level is None or any(str(lv) == str(args.level) for lv in it.levels))]  # fmt: skip
    if not items:
        raise UserFacingError(f"no questions of standard {std.code} match (level {args.level or 'any'}, "
                              f"bank {args.bank or 'any'})")  # fmt: skip
    used = sorted({it.bank for it in items})
    subtypes = {sub for b in used for sub in banks[b].subtypes}
    subtype = next(iter(subtypes)) if len(subtypes) == 1 else None
    if len(used) == 1:
        b = banks[used[0]]
        info = BankInfoRow(b.bank, b.title, std.code, subtype or "", b.version)
    else:
        name = f"{std.code}-" + (f"level{args.level}" if args.level else "all")
        info = BankInfoRow(name, f"{std.code} {std.name}", std.code, subtype or "", "1")
    data = export_items(items, args.format, info)
    out = Path(args.out)
    part = out.with_name(out.name + ".part")
    part.write_bytes(data)
    part.replace(out)
    print(f"{out}: {len(items)} question(s) from {', '.join(used)}")
    return 0


def _bank_export_from_store(args: argparse.Namespace) -> int:
    """`bank export --from-store --bank ID`: a bank in use in the store (imported, or bundled) as the
    admin's export service writes it, audited."""
    if not args.bank:
        raise UserFacingError("--from-store exports one bank: name it (--bank ID; `examdesk bank list` shows them)")
    if args.banks:
        raise UserFacingError("--banks names bank files on disk; --from-store exports from the store")
    with _admin(args) as client:
        if args.standard:
            known = {b.bank: b for b in client.admin.banks()}
            if args.bank in known and known[args.bank].standard != args.standard:
                theirs = known[args.bank].standard
                raise UserFacingError(f"bank {args.bank} is of standard {theirs}, not {args.standard}")
        file = client.run(lambda: client.admin.export_bank(args.bank, args.format, args.version or "", args.level),
                          _progress("exporting"))  # fmt: skip
    out = Path(args.out)
    part = out.with_name(out.name + ".part")
    part.write_bytes(file.content)
    part.replace(out)
    print(f"{out}: bank {args.bank} from the store ({file.name})")
    return 0


def cmd_bank_list(args: argparse.Namespace) -> int:
    with _admin(args) as client:
        banks = client.admin.banks()
    if args.json:
        _dump([{"bank": b.bank, "title": b.title, "standard": b.standard, "version": b.version,
                "items": b.item_count, "tasks": b.task_count} for b in banks])  # fmt: skip
        return 0
    for b in banks:
        counts = f"{b.item_count} items, {b.task_count} tasks"
        print(f"{b.bank}\t{b.standard}\tversion {b.version or '-'}\t{counts}\t{b.title}")
    return 0


def cmd_bank_template(args: argparse.Namespace) -> int:
    from app.banks.xlsx_format import write_template

    out = Path(args.out)
    out.write_bytes(write_template())
    print(f"{out}: the empty import template (题库导入模板); fill in the 试题 sheet, see 填写说明")
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
    from app.domain.fixed_papers import paper_file_json

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
            _dump({"forms": [paper_file_json(p) for p in papers], "overlap": pairs})
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
        _dump(paper_file_json(paper))
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


def _open_store(args: argparse.Namespace, *, check: bool = True):
    from app.security.envelope import WrongPassphrase
    from app.store.database import Database
    from app.store.migrate import SchemaMismatch
    from app.store.seals import StoreTampered

    url = _store_url(args)
    try:
        return Database.open(url, _passphrase(), check=check)
    except WrongPassphrase:
        raise UserFacingError("wrong passphrase: the store was not opened and nothing changed") from None
    except (SchemaMismatch, StoreTampered) as exc:
        raise UserFacingError(exc.message) from None


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.services.audit_log import AuditHead, AuditService, BadHead

    try:
        later = AuditHead.parse(args.head) if getattr(args, "head", None) else None
    except BadHead as exc:
        raise UserFacingError(str(exc)) from None
    db = _open_store(args, check=False)
    try:
        service = AuditService(db)
        report = service.verify_store(full=True, later_head=later)
        head = service.head()
    finally:
        db.close()
    for line in report.lines():
        print(line)
    if report.intact:
        print(f"audit head: {head}")
    return 0 if report.intact else 1


def cmd_audit_head(args: argparse.Namespace) -> int:
    """Compare a printed room record's audit entry with the store's."""
    from app.services.audit_log import AuditService

    db = _open_store(args)
    try:
        service = AuditService(db)
        found, report = service.entry(args.seq), service.verify()
    finally:
        db.close()
    if found is None:
        print(f"no audit entry {args.seq}: the store ends before it (rolled back to an earlier copy?)")
        return 1
    mac, wall, action, target = found
    print(f"audit entry {args.seq}: {mac}\n  {wall} {action} {target}")
    if args.mac and args.mac.strip().lower() != mac:
        print("the printed code differs: this store is not the one the paper was signed against")
        return 1
    if not report.intact:
        print(f"audit log broken at entry {report.first_broken}: {report.reason}")
        return 1
    return 0


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
        from app.services.keys import KeyService

        active = [k for k in KeyService(db).public_keys() if k.active]
    finally:
        db.close()
    print(f"store created: {url}")
    if active:
        print(f"signing key fingerprint (SHA-256): {active[-1].fingerprint}")
        print("register this fingerprint with the exam owner (on paper, outside this PC): it is what "
              "'examdesk verify --fingerprint' checks result bundles and score reports against")
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


def cmd_session_review_criteria(args: argparse.Namespace) -> int:
    path = Path(args.file)
    with _admin(args) as client:
        client.admin.set_review_criteria(_session_id(client, args.session), path.name, path.read_text(encoding="utf-8"))
    print(f"session {args.session}: the review panel scores against {path.name} from now on")
    return 0


def _listed(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]


def cmd_session_groups(args: argparse.Namespace) -> int:
    """A skill session's observation groups and the examiners who may be in them."""
    with _admin(args) as client:
        session_id = _session_id(client, args.session)
        examiners = client.admin.session_examiners(session_id)
        groups = client.admin.observation_groups(session_id)
        usernames = {u.id: u.username for u in client.admin.users()}
    print(f"session {args.session}: {len(examiners)} examiner(s): "
          + (", ".join(f"{usernames.get(i, i)} ({name})" for i, name in examiners) or "none"))  # fmt: skip
    if not groups:
        print("no observation groups yet")
    for group in groups:
        print(f"group {group.name}: {len(group.candidates)} candidate(s) {', '.join(group.candidates) or '-'}; "
              f"examiners {', '.join(str(usernames.get(i, i)) for i, _name in group.examiners) or '-'}")  # fmt: skip
    return 0


def cmd_session_group(args: argparse.Namespace) -> int:
    """Form (or re-form) one observation group: one audited call of the service the chief's screen uses."""
    candidates = _listed(args.candidates)
    with _admin(args) as client:
        session_id = _session_id(client, args.session)
        users = client.admin.users()
        by_name = {u.username: u.id for u in users} | {str(u.id): u.id for u in users}
        examiners = []
        for who in _listed(args.examiners):
            if who not in by_name:
                raise UserFacingError(f"--examiners: no user {who!r}")
            examiners.append(by_name[who])
        client.admin.set_observation_group(session_id, args.name, candidates, examiners)
    print(f"session {args.session}: group {args.name.strip()} has {len(set(candidates))} candidate(s) and "
          f"{len(set(examiners))} examiner(s)")  # fmt: skip
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
        session_id = _session_id(client, args.session)
        result = client.admin.session_analysis(session_id)
        kept = client.admin.record_item_statistics(session_id) if args.keep else None
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
    if kept is not None:
        print(f"kept the statistics of {kept} item versions for paper assembly")
    return 0


def _not_the_registered_key(public: object, registered: str | None) -> str | None:
    """Why `public` is not the key registered with the exam owner (its fingerprint given from
    outside the store, `--fingerprint`); None when it is, or when none was given."""
    if not registered:
        return None
    from app.security.signing import fingerprint

    wanted = "".join(c for c in registered.lower() if c in "0123456789abcdef")
    actual = fingerprint(public)  # type: ignore[arg-type]
    if len(wanted) < 16 or not actual.startswith(wanted):
        return (f"the public key's fingerprint is {actual}, not the registered {registered.strip()}: this is not the "
                "centre's registered key (was the key in the store or the PEM file swapped?)")  # fmt: skip
    return None


def cmd_verify(args: argparse.Namespace) -> int:
    from app.reports.verify import verify_bundle
    from app.security.signing import load_public_pem

    try:
        public = load_public_pem(Path(args.pubkey).read_bytes())
    except (OSError, ValueError) as exc:
        raise UserFacingError(f"{args.pubkey}: not an Ed25519 public key in PEM ({exc})") from None
    swapped = _not_the_registered_key(public, args.fingerprint)
    if swapped:
        print(f"INVALID: {swapped}")
        return 1
    check = verify_bundle(Path(args.bundle), public)
    if check.ok:
        print(check.summary())
        return 0
    print(f"INVALID: {check.reason}")
    return 1


def cmd_station_audit_head(args: argparse.Namespace) -> int:
    """The centre's audit head this station holds (for 'examdesk store verify --head' on the centre).
    Exit 0: a head is held; 1: the centre was seen to go back (rolled back); 2: no head held yet."""
    from app import paths
    from app.centre import tls
    from app.station.audit_head import HeadKeeper
    from app.station.enrolment import StationConfig

    folder = Path(args.station_dir) if args.station_dir else paths.data_dir() / "station"
    config = StationConfig.read(folder)
    keeper = HeadKeeper(folder, tls.fingerprint(config.ca_pem))
    if keeper.head is None:
        print(f"station {config.station} holds no audit head of its centre yet (it has not called it since enrolment)")
        return 2
    print(keeper.head)
    for seen in keeper.lower:
        print(f"ROLLED BACK ({seen.wall}): {seen.message()}")
    return 1 if keeper.lower else 0


def cmd_station_export_journal(args: argparse.Namespace) -> int:
    if args.station_dir:  # a dead PC's disk: its enrolment holds the key, its journal sits beside it
        from app.station.enrolment import StationConfig

        config = StationConfig.read(Path(args.station_dir))
        folder = Path(args.journal) if args.journal else Path(args.station_dir) / "journal"
        return _export_journal(args, folder, config.journal_key)
    if not args.journal or not args.key_file:
        print("examdesk: give --station-dir, or --journal and --key-file", file=sys.stderr)
        return 2
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
    return _export_journal(args, folder, key)


def _export_journal(args: argparse.Namespace, folder: Path, key: bytes) -> int:
    from app.station.journal import Journal, JournalDamaged, JournalInUse, export_candidate, station_of

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
            done = client.proctor.import_journal(session, FileData(path.name, content))
        finally:
            client.sign_out()
    print(f"{done.applied} steps of {path.name} applied to session {args.session}; {done.duplicates} held "
          f"already, {done.refused} refused (newer steps from another PC, unreadable, or after a submission)")
    return 0


def cmd_verify_qr(args: argparse.Namespace) -> int:
    from app.security import qr_payload
    from app.security.signing import load_public_pem

    try:
        public = load_public_pem(Path(args.pubkey).read_bytes())
    except (OSError, ValueError) as exc:
        raise UserFacingError(f"{args.pubkey}: not an Ed25519 public key in PEM ({exc})") from None
    swapped = _not_the_registered_key(public, args.fingerprint)
    if swapped:
        print(f"INVALID: {swapped}")
        return 1
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


def cmd_station_shortcuts(args: argparse.Namespace) -> int:
    """Launchers for this PC's screens in centre mode (Linux desktop entries)."""
    from app.station.shortcuts import ROLES, StationLaunch, write_shortcuts

    program = args.program
    if program is None:  # the bundle's own examdesk-gui beside this program, else the one on PATH
        beside = Path(sys.executable).with_name("examdesk-gui")
        program = str(beside) if getattr(sys, "frozen", False) and beside.exists() else "examdesk-gui"
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    unknown = [r for r in roles if r not in ROLES]
    if not roles or unknown:
        raise UserFacingError("--roles: {roles} (one or more of {known}, separated by commas)",
                              roles=args.roles, known=", ".join(ROLES))  # fmt: skip
    launch = StationLaunch(program, args.centre, args.station or "", args.room or "")
    folders = [Path(args.out)] + ([Path(args.desktop)] if args.desktop else [])
    for path in write_shortcuts(launch, roles, folders[:1]):
        print(f"wrote {path}")
    if args.desktop:  # the desktop gets the first role's launcher only: a candidate's PC shows one icon
        for path in write_shortcuts(launch, roles[:1], folders[1:]):
            print(f"wrote {path}")
    return 0


def cmd_station_check(args: argparse.Namespace) -> int:
    """This PC's readiness check: printed (or as JSON) and reported to the centre. Exit status 0
    READY, 1 WARNING, 2 NOT READY (1 also when the store cannot be opened, 2 for a wrong command line)."""
    import socket

    from app import paths
    from app.api.client import Client, InProcess
    from app.api.server import Server
    from app.api.types import Readiness
    from app.services.backend import Backend
    from app.station import readiness
    from app.station.enrolment import StationConfig
    from app.ui.widgets.messages import translate_refusal
    from app.ui.widgets.readiness import command_line_display_facts

    folder = Path(args.data) if args.data else paths.data_dir()
    enrolled = folder / "station"
    backend = None
    if StationConfig.exists(enrolled):  # centre mode: the check runs against the centre, over HTTPS
        config = StationConfig.read(enrolled)
        name, client = config.station, config.client()
    else:
        name = args.station or socket.gethostname()
        backend = Backend.over(_open_store(args), sweep=False)
        client = Client(InProcess(Server(backend)), name)
    try:
        report = readiness.run_check(client, folder, command_line_display_facts, room=args.room)
        sent, error = None, ""
        if not args.no_report:
            try:
                sent = readiness.send(client, report)
            except UserFacingError as exc:
                error = str(exc)
    finally:
        if backend is not None:
            backend.close()
    if args.json:
        _dump({
            "station": name, "status": report.status.value, "version": report.version, "checked_at": report.checked_at,
            "room": report.room, "reported": sent is not None, "report_error": error,
            "checks": [{"check": c.check, "status": c.status.value, "reason": str(c.message), "template": c.reason,
                        "params": c.params} for c in report.checks],
        })  # fmt: skip
    else:
        print(f"{name}: {report.status.value.upper().replace('_', ' ')}")
        for c in report.checks:
            status = c.status.value.upper().replace("_", " ")
            print(f"  {status:<9}  {c.check:<15}  {translate_refusal(c.reason, c.params)}")
        if sent is not None:
            print(f"reported to the centre as {sent.value.upper().replace('_', ' ')}")
        elif error:
            print(f"not reported to the centre: {error}")
    return {Readiness.READY: 0, Readiness.WARNING: 1, Readiness.NOT_READY: 2}[report.status]


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

    def store_options_(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", metavar="DIR", help="data folder (default: the platform's data folder)")
        p.add_argument("--url", help="a database URL instead, e.g. postgresql+psycopg://user@host/db")

    bank = sub.add_parser("bank", help="question banks").add_subparsers(dest="action", metavar="ACTION", required=True)
    p = bank.add_parser("validate", help="check bank files; list every problem, then item-writing warnings")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-lint", action="store_true", help="skip the item-writing warnings")
    data_options(p)
    p.set_defaults(func=cmd_bank_validate)
    p = bank.add_parser("inspect", help="read a bank file, .zip package or folder of any format; import nothing")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="items, unsupported parts and errors as JSON")
    data_options(p)
    p.set_defaults(func=cmd_bank_inspect)
    p = bank.add_parser("import", help="import a bank file, .zip package or folder into the store (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--standard", required=True, metavar="CODE", help="the standard the questions are for")
    p.add_argument("--map", metavar="MAP.yaml", help="mapping of categories, 知识点 or tags to areas, codes, levels")
    p.add_argument("--skip-unsupported", action="store_true",
                   help="import the rest when some questions cannot be represented (each is listed)")  # fmt: skip
    p.add_argument("--to-yaml", metavar="DIR", help="write ExamDesk bank files for review instead of importing")
    p.add_argument("--admin", default="admin")
    store_options_(p)
    data_options(p)
    p.set_defaults(func=cmd_bank_import)
    p = bank.add_parser("export", help="write the questions of a standard in another format")
    p.add_argument("--format", required=True, choices=["xlsx", "yaml", "qti21", "qti30", "moodle", "gift"],
                   help="xlsx, yaml, qti21 or qti30 (a .zip content package), moodle (Moodle XML), gift")  # fmt: skip
    p.add_argument("--standard", metavar="CODE", help="the standard whose banks are exported (bank files on disk)")
    p.add_argument("--level", metavar="N")
    p.add_argument("--bank", metavar="ID")
    p.add_argument("--from-store", action="store_true",
                   help="export the bank --bank ID in use in the store (imported or bundled), as admin")  # fmt: skip
    p.add_argument("--version", metavar="V", help="with --from-store: the bank version expected in use")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--admin", default="admin")
    store_options_(p)
    data_options(p, banks=True)
    p.set_defaults(func=cmd_bank_export)
    p = bank.add_parser("list", help="the banks in use in the store (imported and bundled): ids, versions, counts")
    p.add_argument("--json", action="store_true")
    p.add_argument("--admin", default="admin")
    store_options_(p)
    p.set_defaults(func=cmd_bank_list)
    p = bank.add_parser("template", help="write the empty Excel import template (题库导入模板), in Chinese")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_bank_template)

    store_options = store_options_

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
    for parent, name in ((audit, "verify"), (store, "verify")):
        p = parent.add_parser(name, help="check the audit chain and every row's seal; names the first bad row")
        p.add_argument("--head", help="a later audit head SEQ:HASH (from a bundle or a closing record): "
                                      "reports a store put back to an earlier copy")  # fmt: skip
        store_options(p)
        p.set_defaults(func=cmd_audit_verify)
    p = audit.add_parser("head", help="show audit entry SEQ (as printed on a room record) to compare its code")
    p.add_argument("seq", type=int, help="the entry's sequence number on the paper")
    p.add_argument("mac", nargs="?", default="", help="the code printed on the paper, to compare")
    store_options(p)
    p.set_defaults(func=cmd_audit_head)

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

    from app.package_commands import add_parsers as package_parsers

    package_parsers(sub, store_options, data_options)  # owner init/trust/list, package seal/import/open/list

    session = sub.add_parser("session", help="exam sessions").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = session.add_parser("archive", help="archive a closed session: frozen, kept at least five years")
    p.add_argument("--session", required=True, metavar="CODE", help="session code (or number)")
    p.add_argument("--years", type=int, default=5, help="years to keep it (at least 5)")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_session_archive)
    p = session.add_parser("review-criteria", help="the exam owner's review criteria file for a review session")
    p.add_argument("--session", required=True, metavar="CODE", help="session code (or number)")
    p.add_argument("file", metavar="FILE", help="the criteria file (YAML)")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_session_review_criteria)
    p = session.add_parser("groups", help="a skill session's observation groups and its examiners")
    p.add_argument("--session", required=True, metavar="CODE", help="session code (or number)")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_session_groups)
    p = session.add_parser("group", help="form or re-form an observation group (the examiner ratio is checked)")
    p.add_argument("--session", required=True, metavar="CODE", help="session code (or number)")
    p.add_argument("--name", required=True, help="the group's name (at most 32 characters)")
    p.add_argument("--candidates", required=True, metavar="CODES", help="anonymous codes, comma-separated")
    p.add_argument("--examiners", required=True, metavar="USERS", help="usernames (or user ids), comma-separated")
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_session_group)

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
    p.add_argument(
        "--keep",
        action="store_true",
        help="keep each item version's figures in the store: assembly calibrates difficulty from them",
    )
    p.add_argument("--admin", default="admin")
    store_options(p)
    p.set_defaults(func=cmd_analyse, action="analyse")

    from app.centre.commands import add_commands

    station = add_commands(sub, _passphrase, _admin)
    p = station.add_parser("check", help="the readiness check: exit 0 READY, 1 WARNING, 2 NOT READY (centre mode: "
                           "against the centre this PC is enrolled with)")  # fmt: skip
    p.add_argument("--station", help="this PC's station name (default: its host name; centre mode: its enrolment)")
    p.add_argument("--room", default="", help="the room this station stands in")
    p.add_argument("--no-report", action="store_true", help="print only; do not report to the centre")
    p.add_argument("--json", action="store_true")
    store_options(p)
    p.set_defaults(func=cmd_station_check)

    p = station.add_parser("audit-head", help="the centre's audit head this PC holds: give it to 'examdesk store "
                           "verify --head' on the centre (exit 1: the centre was seen to go back)")  # fmt: skip
    p.add_argument("--station-dir", metavar="DIR", help="the station folder (default: DATA/station)")
    p.set_defaults(func=cmd_station_audit_head)

    p = station.add_parser("shortcuts", help="desktop launchers for this PC's screens in centre mode (Linux)")
    p.add_argument("--centre", required=True, metavar="https://HOST:PORT", help="the centre's address")
    p.add_argument("--station", help="this PC's seat name (default: its host name, when it starts)")
    p.add_argument("--room", default="", help="the room this station stands in")
    p.add_argument("--roles", default="candidate",
                   help="which screens, separated by commas: candidate, proctor, examiner, admin "
                        "(default: candidate)")  # fmt: skip
    p.add_argument("--out", default="/usr/share/applications", metavar="DIR",
                   help="where the launchers go (default: /usr/share/applications; ~/.local/share/applications "
                        "for one user)")  # fmt: skip
    p.add_argument("--desktop", metavar="DIR", help="also put the first role's launcher here (e.g. ~/Desktop)")
    p.add_argument("--program", metavar="PATH", help="the examdesk-gui to start (default: the one beside this "
                   "program, else examdesk-gui on PATH)")  # fmt: skip
    p.set_defaults(func=cmd_station_shortcuts)

    p = sub.add_parser("verify", help="check a result bundle offline")
    p.add_argument("bundle", metavar="FILE.zip")
    p.add_argument("--pubkey", required=True, metavar="PEM")
    p.add_argument("--fingerprint", metavar="SHA256", help="the key's fingerprint as registered with the exam owner "
                                                           "(from outside the store): any other key is refused")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("verify-qr", help="check the QR record of a score report offline")
    p.add_argument("payload")
    p.add_argument("--pubkey", required=True, metavar="PEM")
    p.add_argument("--fingerprint", metavar="SHA256", help="the key's fingerprint as registered with the exam owner "
                                                           "(from outside the store): any other key is refused")
    p.set_defaults(func=cmd_verify_qr)

    p = station.add_parser("export-journal", help="a dead PC's unsent answers of one candidate, as a sealed file")
    p.add_argument("--station-dir", metavar="DIR",
                   help="the dead PC's station folder (DATA/station: its enrolment and journal)")  # fmt: skip
    p.add_argument("--journal", metavar="DIR", help="the station's journal folder")
    p.add_argument("--ticket", required=True, help="the candidate's admission ticket")
    p.add_argument("--out", required=True, metavar="FILE", help="the sealed file, for the proctor to import")
    p.add_argument("--key-file", metavar="FILE",
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
