"""Question banks imported into the store: checked as a whole, kept encrypted, used for papers.

An import is all or nothing: the new files are validated together with every bank already in use
(bundled and imported), so a duplicate id or a broken item anywhere refuses the whole import and
names the file, line and field.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select

from app.banks.bank_file import BankInfo, bank_files, read_banks
from app.banks.catalog import Catalog
from app.errors import DataFileError, Problem
from app.services.base import Actor, Service, require_role
from app.store.database import wall_now
from app.store.models import ImportedVersion


class LibraryService(Service):
    def imported_sources(self) -> list[tuple[str, str]]:
        """(name, YAML text) of every bank imported into this store, oldest first."""
        with self.db.reader() as s:
            rows = s.scalars(
                select(ImportedVersion).where(ImportedVersion.kind == "bank").order_by(ImportedVersion.id)
            ).all()
            return [(row.content["name"], row.content["text"]) for row in rows]

    def import_banks(
        self, actor: Actor, catalog: Catalog, files: Sequence[Path],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[BankInfo]:  # fmt: skip
        """Check the files together with every bank in use; store them all, or none."""
        require_role(actor, "admin")
        paths = bank_files(files)
        sources: list[tuple[str, str]] = []
        problems: list[Problem] = []
        for n, path in enumerate(paths, 1):
            try:
                sources.append((path.name, path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(str(path), None, "", f"cannot read: {exc}"))
            if progress:
                progress(n, len(paths) + 1)
        if problems:
            raise DataFileError(problems)
        if not sources:
            raise DataFileError([Problem(", ".join(str(f) for f in files), None, "", "no bank files (*.yaml) found")])
        checked = read_banks(catalog.bank_paths, catalog.standards, sources=[*catalog.imported, *sources])
        new = {name for name, _text in sources}
        infos = [info for info in checked.banks if Path(info.source).name in new and info.source in new]
        data = {"files": sorted(new), "banks": [i.bank for i in infos]}
        with self.action(actor, "bank.import", "library", data) as s:
            for name, text in sources:
                info = next((i for i in infos if i.source == name), None)
                s.add(
                    ImportedVersion(
                        kind="bank", code=info.bank if info else name, version=info.version if info else "",
                        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(), imported_wall=wall_now(),
                        content={"name": name, "text": text},
                    )
                )  # fmt: skip
        if progress:
            progress(len(paths) + 1, len(paths) + 1)
        return infos
