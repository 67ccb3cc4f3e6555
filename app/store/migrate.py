"""Bring a store's schema to the newest revision with alembic, on a given connection.

Opening a store that is already current skips importing alembic (a third of a second).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from app.errors import UserFacingError

if TYPE_CHECKING:  # alembic itself is imported only when a migration has to run
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0023"  # the newest revision in migrations/versions; a test keeps the two in step. New revisions
# go after it: a sealed store is checked before and resealed after every upgrade (Database.open)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


class SchemaMismatch(UserFacingError):
    """The store's schema version is one this ExamDesk cannot open (unknown, or set back)."""

    code = "schema_mismatch"


def known_revisions() -> list[str]:
    """The revision ids of migrations/versions, oldest first (from the file names: no alembic import)."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def upgrade(connection: Connection) -> bool:
    """Bring the store to HEAD; returns whether any migration ran. A version this ExamDesk does not
    know, or one set back under a newer schema (its migrations then fail), is refused with a message
    that says what to do, never a traceback."""
    revision = current_revision(connection)
    if revision == HEAD:
        return False
    refuse_unknown(revision)
    from alembic import command

    try:
        command.upgrade(alembic_config(connection), "head")
    except Exception as exc:
        raise SchemaMismatch(
            "the store could not be upgraded from schema version {version} ({error}): its version record does not "
            "match its tables (set back outside ExamDesk?). Restore the data folder from a backup, or ask for "
            "support with 'examdesk store verify'; nothing was changed",
            version=revision or "(none)", error=type(exc).__name__,
        ) from exc
    return True


def refuse_unknown(revision: str | None) -> None:
    """SchemaMismatch for a version this ExamDesk does not know (written by a newer one, or edited)."""
    if revision is not None and revision not in known_revisions():
        raise SchemaMismatch(
            "the store's schema version is {version}, which this ExamDesk does not know: it was written by a "
            "newer ExamDesk, or its version record was edited. Open it with the ExamDesk that wrote it, or "
            "restore the data folder from a backup; nothing was changed",
            version=revision,
        )
