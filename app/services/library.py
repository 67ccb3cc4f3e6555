"""Standards and question banks imported into the store: checked as a whole, kept encrypted, used.

An import is all or nothing: the new files are validated together with every bank already in use
(bundled and imported), so a duplicate id, a broken item or a bank that no longer fits a revised
standard refuses the whole import and names the file, line and field.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select

from app.api.types import BankCheck, BankSummary, FileData
from app.banks.bank_file import BankInfo, BankSet, bank_files, read_banks
from app.banks.bank_lint import items_by_bank, lint_source
from app.banks.catalog import Catalog
from app.banks.interchange import (
    OTHER_SUFFIXES,
    Converted,
    convert,
    export_items,
    is_bank_file,
    package_from_bytes,
    package_from_path,
    read_mapping,
    read_package,
    relocate,
)
from app.banks.neutral import BankInfoRow
from app.banks.standard_file import read_standard_text
from app.domain.standards import Standard
from app.errors import DataFileError, Problem
from app.services.base import Actor, Conflict, NotFound, Service, require_role
from app.store.models import ImportedVersion

Progress = Callable[[int, int], None]

# the formats a bank is exported in (`examdesk bank export --format`) and the file each one makes
EXPORT_SUFFIXES = {"xlsx": "xlsx", "yaml": "yaml", "qti21": "zip", "qti30": "zip", "moodle": "xml", "gift": "gift"}


def _read_texts(paths: Sequence[Path | FileData], progress: Progress | None) -> list[tuple[str, str]]:
    """(file name, text) of each file, read here or sent by a station; every unreadable file is a
    problem, reported together."""
    sources: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for n, path in enumerate(paths, 1):
        try:
            if isinstance(path, FileData):
                sources.append((path.name, path.content.decode("utf-8")))
            else:
                sources.append((path.name, path.read_text(encoding="utf-8")))
        except UnicodeDecodeError as exc:
            where = path.name if isinstance(path, FileData) else str(path)
            problems.append(Problem(where, None, "", f"not UTF-8 text ({exc.reason})"))
        except OSError as exc:
            problems.append(Problem(str(path), None, "", f"cannot read: {exc.strerror or exc}"))
        if progress:
            progress(n, len(paths) + 1)
    if problems:
        raise DataFileError(problems)
    return sources


def _native(f: Path | FileData) -> bool:
    """An ExamDesk bank file (or a folder of only those), as opposed to one of another format or a package."""
    if isinstance(f, Path) and f.is_dir():
        return not any(p.suffix.lower() in OTHER_SUFFIXES for p in f.rglob("*") if p.is_file())
    return f.name.lower().endswith((".yaml", ".yml"))


def _convert(
    files: Sequence[Path | FileData],
    catalog: Catalog,
    standard: str,
    mapping: FileData | None,
    skip: bool,
    progress: Progress | None,
) -> tuple[list[Converted], list[tuple[str, str]]]:
    """ExamDesk banks made from bank files of other formats, and the ExamDesk bank files a package
    holds as they are (name, text); every problem in them refuses them all."""
    members = []
    for f in files:
        try:
            members += package_from_bytes(f.name, f.content) if isinstance(f, FileData) else package_from_path(f)
        except OSError as exc:
            raise DataFileError([Problem(str(f), None, "", f"cannot read: {exc.strerror or exc}")]) from None
    rules = None
    if mapping is not None:
        try:
            rules = read_mapping(mapping.name, mapping.content.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise DataFileError([Problem(mapping.name, None, "", f"not UTF-8 text ({exc.reason})")]) from None
    native = [(PurePosixPath(name).name, data) for name, data in members if name.lower().endswith((".yaml", ".yml"))]
    sources = _read_texts([FileData(name, data) for name, data in native], None)
    others = [(name, data) for name, data in members if not name.lower().endswith((".yaml", ".yml"))]
    if not any(is_bank_file(name) for name, _data in others):
        return [], sources
    # reading is most of the work: the bar shows it up to 90%, the check and the store take the rest
    reading = (lambda done, total: progress(done * 9 // 10, total)) if progress else None
    found = read_package(others, catalog.standards, reading)
    converted, _notes = convert(found, standard=standard, mapping=rules, skip_unsupported=skip)
    return converted, sources


def _imported_in(s: Any, kind: str) -> list[tuple[str, str]]:
    rows = s.scalars(select(ImportedVersion).where(ImportedVersion.kind == kind).order_by(ImportedVersion.id))
    return [(row.content["name"], row.content["text"]) for row in rows]


def summary(info: BankInfo) -> BankSummary:
    return BankSummary(info.bank, info.title, info.standard, info.version, info.item_count, info.task_count)


class LibraryService(Service):
    def imported_sources(self, kind: str = "bank") -> list[tuple[str, str]]:
        """(name, YAML text) of every bank (or standard) imported into this store, oldest first."""
        with self.db.reader() as s:
            return _imported_in(s, kind)

    @staticmethod
    def _still_fits(s: Any, catalog: Catalog, sources: list[tuple[str, str]]) -> None:
        """Inside the import's write transaction (the store's write lock held): when another
        process or station imported banks after `catalog` was read, check the new files again
        against what the store now holds. Without this, two imports at once both passed against
        the same stale catalogue: the second then failed on the store's unique index
        (IntegrityError) or, with different files, stored banks whose ids collide. The check is
        repeated only when the store moved, which is rare, so the lock is not held for it otherwise."""
        stored = _imported_in(s, "bank")
        if stored == list(catalog.imported):
            return
        names = {name for name, _text in stored}
        again = [Problem(name, None, "", "a bank file of this name was imported meanwhile (by another "
                         "station or window); see the banks in use, then import again only what is missing")
                 for name, _text in sources if name in names]  # fmt: skip
        if again:
            raise DataFileError(again)
        read_banks(catalog.bank_paths, catalog.standards, sources=[*stored, *sources])

    def banks(self, actor: Actor, catalog: Catalog) -> list[BankSummary]:
        """Every bank in use (bundled and imported), by standard and name: counts, no items."""
        require_role(actor, "admin")
        return [summary(info) for info in sorted(catalog.banks.banks, key=lambda b: (b.standard, b.bank))]

    def export_bank(
        self,
        actor: Actor,
        catalog: Catalog,
        bank: str,
        fmt: str,
        version: str = "",
        level: str | None = None,
        progress: Progress | None = None,
    ) -> FileData:
        """One bank in use (imported into this store, or bundled) written in another format: the
        questions it has, or those of one level; a file that imports back to the same items.
        `version`, when given, must be the version in use (a bank id is in use in one version only)."""
        require_role(actor, "admin")
        if fmt not in EXPORT_SUFFIXES:
            raise Conflict("unknown export format {format}; formats: {known}", format=repr(fmt),
                           known=", ".join(EXPORT_SUFFIXES))  # fmt: skip
        info = next((b for b in catalog.banks.banks if b.bank == bank), None)
        if info is None:
            known = ", ".join(sorted(b.bank for b in catalog.banks.banks))
            raise NotFound("no bank {bank} in use; banks: {known}", bank=repr(bank), known=known)
        if version and version != info.version:
            raise Conflict("bank {bank} is in use in version {in_use}, not {version}",
                           bank=bank, in_use=repr(info.version), version=repr(version))  # fmt: skip
        items = [it for it in catalog.banks.items if it.bank == bank
                 and (level is None or any(str(lv) == str(level) for lv in it.levels))]  # fmt: skip
        if not items:
            raise NotFound("bank {bank} has no questions of level {level}", bank=bank, level=level or "any")
        subtype = info.subtypes[0] if len(info.subtypes) == 1 else None
        row = BankInfoRow(info.bank, info.title, info.standard, subtype or "", info.version)
        data = export_items(items, fmt, row)
        name = f"{bank}" + (f"-level{level}" if level else "") + f".{EXPORT_SUFFIXES[fmt]}"
        with self.action(actor, "bank.export", "library", {"bank": bank, "version": info.version, "format": fmt,
                                                           "level": level, "items": len(items)}):  # fmt: skip
            pass
        if progress:
            progress(1, 1)
        return FileData(name, data)

    def imported_standards(self, actor: Actor, catalog: Catalog) -> list[str]:
        """Codes of the standards in use whose edition came from an import into this store."""
        require_role(actor, "admin")
        names = {name for name, _text in catalog.imported_standards}
        return sorted(code for code, std in catalog.standards.items() if std.source in names)

    def import_standards(
        self, actor: Actor, catalog: Catalog, files: Sequence[Path | FileData], progress: Progress | None = None
    ) -> list[Standard]:
        """Check standard files and every bank in use against them; store them all, or none.

        A standard of a new code joins the catalogue; a new edition of a known code replaces the
        one in use (sessions keep their code), and every bank must still fit the new edition.
        """
        require_role(actor, "admin")
        sources = _read_texts(list(files), progress)
        problems: list[Problem] = []
        read: list[tuple[str, str, Standard]] = []
        for name, text in sources:
            try:
                read.append((name, text, read_standard_text(text, name)))
            except DataFileError as exc:
                problems += exc.problems
        if problems:
            raise DataFileError(problems)
        for name, _text, std in read:
            in_use = catalog.standards.get(std.code)
            if in_use is not None and in_use.edition == std.edition:
                problems.append(Problem(name, None, "edition", f"standard {std.code} edition {std.edition} is "
                                        "already in use; a revision needs a new edition"))  # fmt: skip
        codes = [std.code for _n, _t, std in read]
        for code in {c for c in codes if codes.count(c) > 1}:
            problems.append(Problem(", ".join(n for n, _t, s in read if s.code == code), None, "code",
                                    f"standard {code} is in more than one of these files"))  # fmt: skip
        if problems:
            raise DataFileError(problems)
        merged = catalog.with_imported(catalog.imported, [*catalog.imported_standards, *sources])
        read_banks(merged.bank_paths, merged.standards, sources=merged.imported)  # every bank in use still fits
        data = {"files": [n for n, _t in sources], "standards": [f"{s.code}/{s.edition}" for _n, _t, s in read]}
        with self.action(actor, "standard.import", "library", data) as s:
            if _imported_in(s, "standard") != list(catalog.imported_standards):
                raise DataFileError([Problem(", ".join(n for n, _t in sources), None, "", "standards were imported "
                                             "meanwhile (by another station or window): see the standards in use, "
                                             "then import again")])  # fmt: skip
            for name, text, std in read:
                s.add(
                    ImportedVersion(
                        kind="standard", code=std.code, version=std.edition, imported_wall=self.db.wall_now(),
                        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(), content={"name": name, "text": text},
                    )
                )  # fmt: skip
        if progress:
            progress(len(sources) + 1, len(sources) + 1)
        return [std for _n, _t, std in read]

    def check_banks(
        self,
        actor: Actor,
        catalog: Catalog,
        files: Sequence[Path | FileData],
        progress: Progress | None = None,
        *,
        standard: str = "",
        mapping: FileData | None = None,
        skip_unsupported: bool = False,
    ) -> BankCheck:
        """What `import_banks` would import, checked the same way but kept nowhere, with the
        item-writing lint's warnings (giveaways, docs/bank-format.md) for the admin to see before
        confirming: a problem refuses as the import would; a warning does not. Warnings about a
        converted bank are told by the cell they came from."""
        require_role(actor, "admin")
        sources, infos, checked, converted = self._checked_banks(catalog, files, progress, standard, mapping,
                                                                 skip_unsupported)  # fmt: skip
        by_bank = items_by_bank(checked)
        warnings: list[Problem] = []
        explained = 0
        for name, text in sources:
            info = next((i for i in infos if i.source == name), None)
            if info is not None:
                report = lint_source(name, text, by_bank.get(info.bank, []))
                warnings += report.warnings
                explained += len(report.justified)
        if progress:
            progress(len(sources) + 1, len(sources) + 1)
        return BankCheck(tuple(summary(i) for i in infos), tuple(relocate(warnings, converted)), explained)

    def _checked_banks(
        self,
        catalog: Catalog,
        files: Sequence[Path | FileData],
        progress: Progress | None,
        standard: str,
        mapping: FileData | None,
        skip_unsupported: bool,
    ) -> tuple[list[tuple[str, str]], list[BankInfo], BankSet, list[Converted]]:
        """The bank files (name, YAML text) an import of `files` would keep, each bank's information,
        every bank in use read with them, and the banks converted from other formats; DataFileError
        with every problem, each told by the file (and cell) it is in."""
        native = [f for f in files if _native(f)]
        other = [f for f in files if not _native(f)]
        sent = [f for f in native if isinstance(f, FileData)]
        paths: list[Path | FileData] = [*bank_files(f for f in native if isinstance(f, Path)), *sent]
        sources = _read_texts(paths, progress)
        converted, packed = _convert(other, catalog, standard, mapping, skip_unsupported, progress) if other \
            else ([], [])  # fmt: skip
        sources += [*packed, *((c.name, c.text) for c in converted)]
        if not sources:
            named = ", ".join(f.name if isinstance(f, FileData) else str(f) for f in files)
            raise DataFileError([Problem(named, None, "", "no bank files (*.yaml, *.xlsx, *.xml, *.gift) found")])
        names = [name for name, _text in sources]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise DataFileError([Problem(name, None, "", "two bank files of this name: rename one") for name in twice])
        try:
            checked = read_banks(catalog.bank_paths, catalog.standards, sources=[*catalog.imported, *sources])
        except DataFileError as exc:  # problems in a converted bank are told by the cell they came from
            raise DataFileError(relocate(exc.problems, converted)) from None
        new = {name for name, _text in sources}
        infos = [info for info in checked.banks if Path(info.source).name in new and info.source in new]
        not_banks = sorted(new - {info.source for info in infos})
        if not_banks:  # e.g. a standard chosen by mistake: read_banks passes over other ExamDesk files
            raise DataFileError([Problem(name, None, "schema", "not a question bank (examdesk-bank/1); a standard "
                                         "is imported with Import standard") for name in not_banks])  # fmt: skip
        return sources, infos, checked, converted

    def import_banks(
        self,
        actor: Actor,
        catalog: Catalog,
        files: Sequence[Path | FileData],
        progress: Progress | None = None,
        *,
        standard: str = "",
        mapping: FileData | None = None,
        skip_unsupported: bool = False,
    ) -> list[BankInfo]:
        """Check the files together with every bank in use; store them all, or none.

        Bank files of other formats (an Excel workbook, a .zip package; app/banks/interchange.py)
        are converted into ExamDesk banks first, for `standard` and through the `mapping` file; what
        the store keeps is the converted bank. Parts they hold that ExamDesk cannot represent
        refuse the import unless `skip_unsupported`."""
        require_role(actor, "admin")
        sources, infos, _checked, _converted = self._checked_banks(catalog, files, progress, standard, mapping,
                                                                   skip_unsupported)  # fmt: skip
        new = {name for name, _text in sources}
        data = {"files": sorted(new), "banks": [i.bank for i in infos]}
        with self.action(actor, "bank.import", "library", data) as s:
            self._still_fits(s, catalog, sources)
            for name, text in sources:
                info = next((i for i in infos if i.source == name), None)
                s.add(
                    ImportedVersion(
                        kind="bank", code=info.bank if info else name, version=info.version if info else "",
                        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(), imported_wall=self.db.wall_now(),
                        content={"name": name, "text": text},
                    )
                )  # fmt: skip
        if progress:
            progress(len(sources) + 1, len(sources) + 1)
        return infos
