"""The one facade the screens talk to. Single-station mode: the services, in process.

In centre mode (later) the same attributes will be served over TLS by the proctor station's
centre service; screens do not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.banks.catalog import Catalog
from app.errors import DataFileError, Problem
from app.security.envelope import WrongPassphrase
from app.services.accounts import AccountService
from app.services.analysis import AnalysisService
from app.services.exam import ExamService
from app.services.export import ExportService
from app.services.keys import KeyService
from app.services.library import LibraryService
from app.services.live_scoring import LiveScoringService
from app.services.packages import PackageService
from app.services.papers import PaperService
from app.services.review import ReviewService
from app.services.room_papers import RoomPapersService
from app.services.scoring import ScoringService
from app.services.sweep import DEFAULT_INTERVAL, ClockSweep
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
    analysis: AnalysisService
    catalog_problems: list[Problem] = field(default_factory=list)  # imported standards left out, and why
    sweep: ClockSweep | None = None  # submits papers at zero (app/services/sweep.py); None: not swept here
    review: ReviewService = field(init=False)  # the comprehensive review (app/services/review.py)
    live: LiveScoringService = field(init=False)  # observed and oral tasks (app/services/live_scoring.py)

    def __post_init__(self) -> None:
        self.review = ReviewService(self.db, self.catalog)
        self.live = LiveScoringService(self.db, self.catalog)

    @classmethod
    def over(cls, db: Database, catalog: Catalog | None = None, *, sweep: bool = True,
             sweep_interval: float = DEFAULT_INTERVAL) -> Backend:  # fmt: skip
        """The services over an open store. `sweep`: run the clock sweep in a thread of its own
        (every `sweep_interval` seconds) until `close`; tests that drive time themselves pass False
        and tick a `ClockSweep` when they choose."""
        library = LibraryService(db)
        base = catalog or Catalog.load()
        backend = cls(db, base, AccountService(db), ExamService(db, base), ScoringService(db, base), KeyService(db),
                      ExportService(db, base), library, PaperService(db, base), AnalysisService(db, base))  # fmt: skip
        backend.reload_catalog()
        if sweep:
            backend.sweep = ClockSweep(backend.exam, interval=sweep_interval)
            backend.sweep.start()
        return backend

    def reload_catalog(self) -> None:
        """The bundled standards and banks plus everything imported into the store.

        Imported standards that no longer load (say, checked more strictly by a newer ExamDesk)
        must not lock a centre out of its store: they are left out and listed in
        `catalog_problems`, which the admin's standards screen shows."""
        banks, standards = self.library.imported_sources("bank"), self.library.imported_sources("standard")
        try:
            self.catalog, self.catalog_problems = self.catalog.with_imported(banks, standards), []
        except DataFileError as exc:
            self.catalog, self.catalog_problems = self.catalog.with_imported(banks), list(exc.problems)
        self.export.catalog = self.papers.catalog = self.exam.catalog = self.scoring.catalog = self.catalog
        self.analysis.catalog = self.review.catalog = self.live.catalog = self.catalog

    @property
    def room_papers(self) -> RoomPapersService:
        """The sign-in sheet and the room record (app/services/room_papers.py); no state of its own."""
        return RoomPapersService(self.db, self.catalog)

    @property
    def packages(self) -> PackageService:
        """Sealed exam packages (app/services/packages.py); the service keeps no state of its own."""
        return PackageService(self.db)

    @classmethod
    def open(cls, data_dir: Path, passphrase: str, *, sweep: bool = True) -> Backend:
        """Unlock the store in `data_dir`; WrongPassphrase changes nothing."""
        return cls.over(Database.open(sqlite_url(data_dir / "examdesk.db"), passphrase), sweep=sweep)

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (data_dir / "examdesk.db").exists()

    @classmethod
    def create(cls, data_dir: Path, passphrase: str, *, sweep: bool = True) -> Backend:
        return cls.over(Database.create(sqlite_url(default_store_path(data_dir)), passphrase), sweep=sweep)

    def close(self) -> None:
        """Stop the clock sweep (its thread joined), then close the store."""
        if self.sweep is not None:
            self.sweep.close()
        self.db.close()
