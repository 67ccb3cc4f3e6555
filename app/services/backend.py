"""The one facade the screens talk to. Single-station mode: the services, in process.

In centre mode (later) the same attributes will be served over TLS by the proctor station's
centre service; screens do not change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.banks.catalog import Catalog
from app.security.envelope import WrongPassphrase
from app.services.accounts import AccountService
from app.services.exam import ExamService
from app.services.export import ExportService
from app.services.keys import KeyService
from app.services.library import LibraryService
from app.services.papers import PaperService
from app.services.scoring import ScoringService
from app.store.database import Database, default_store_path, sqlite_url

__all__ = ["Backend", "WrongPassphrase"]


@dataclass
class Backend:
    db: Database
    catalog: Catalog
    accounts: AccountService
    exam: ExamService
    scoring: ScoringService
    keys: KeyService
    export: ExportService
    library: LibraryService
    papers: PaperService

    @classmethod
    def over(cls, db: Database, catalog: Catalog | None = None) -> Backend:
        library = LibraryService(db)
        catalog = (catalog or Catalog.load()).with_imported(
            library.imported_sources("bank"), library.imported_sources("standard")
        )
        return cls(db, catalog, AccountService(db), ExamService(db), ScoringService(db), KeyService(db),
                   ExportService(db, catalog), library, PaperService(db, catalog))  # fmt: skip

    def reload_catalog(self) -> None:
        """After an import: the bundled standards and banks plus everything imported into the store."""
        self.catalog = self.catalog.with_imported(
            self.library.imported_sources("bank"), self.library.imported_sources("standard")
        )
        self.export.catalog = self.papers.catalog = self.catalog

    @classmethod
    def open(cls, data_dir: Path, passphrase: str) -> Backend:
        """Unlock the store in `data_dir`; WrongPassphrase changes nothing."""
        return cls.over(Database.open(sqlite_url(data_dir / "examdesk.db"), passphrase))

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (data_dir / "examdesk.db").exists()

    @classmethod
    def create(cls, data_dir: Path, passphrase: str) -> Backend:
        return cls.over(Database.create(sqlite_url(default_store_path(data_dir)), passphrase))

    def close(self) -> None:
        self.db.close()
