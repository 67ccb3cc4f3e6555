"""An export in a process of its own, so that the process serving the stations keeps answering them.

An export of 3,000 candidates reads and renders for most of a minute, in Python: in the process
that also takes the stations' saves it held the GIL against them, and a save's p99 went from 4-7 ms
to 38-44 ms (bench/session_scale.py). In a child process it shares nothing with the saves but the
store, whose write lock it takes once, for its own short write at the end.

The child gets the unlocked store (app/store/database.py `StoreHandle`, over its pipe) and the
catalogue in use, runs `ExportService.export_session` as the parent would (the same checks, one
audit entry), and sends its progress and its outcome back. A refusal arrives as the ApiError it
would have been in the parent; a child that dies without a word fails the job, naming its exit code.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.api.errors import ApiError, refusal_of
from app.banks.catalog import Catalog
from app.services.base import Actor
from app.services.export import ExportService, ExportSummary
from app.store.database import Database, StoreHandle

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
POLL_SECONDS = 1.0  # how often the parent looks whether a silent child still runs
EXIT_SECONDS = 60.0  # a child that said it is done but does not end is stopped after this


def export_apart(db: Database, catalog: Catalog, actor: Actor, session_id: int, out: Path, *, mask: bool = True,
                 reason: str = "", progress: Progress | None = None) -> ExportSummary:  # fmt: skip
    """`ExportService.export_session` in a child process (spawned, as Windows must)."""
    context = multiprocessing.get_context("spawn")
    messages: Any = context.Queue()
    arguments = (db.handle(), catalog, actor, session_id, str(out), mask, reason, messages)
    child = context.Process(target=_export_child, name="examdesk-export", args=arguments)
    child.start()
    try:
        while True:
            try:
                message = messages.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if child.is_alive():
                    continue
                try:  # it may have ended just after its last word
                    message = messages.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    raise RuntimeError(f"the export process ended without a result (exit code {child.exitcode})"
                                       ) from None  # fmt: skip
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "done":
                summary: ExportSummary = message[1]
                return summary
            else:
                raise ApiError.from_json(message[1])
    finally:
        child.join(EXIT_SECONDS)
        if child.is_alive():
            child.kill()
            child.join()
        messages.close()


def _export_child(handle: StoreHandle, catalog: Catalog, actor: Actor, session_id: int, out: str, mask: bool,
                  reason: str, messages: Any) -> None:  # fmt: skip
    if hasattr(os, "nice"):  # background work: a save on this PC goes first
        os.nice(5)
    db = handle.open()
    try:

        def progress(done: int, total: int) -> None:
            messages.put(("progress", done, total))

        summary = ExportService(db, catalog).export_session(actor, session_id, Path(out), mask=mask, reason=reason,
                                                            progress=progress)  # fmt: skip
        messages.put(("done", summary))
    except Exception as exc:
        error = refusal_of(exc)
        if error.code == "internal":  # the parent logs only that it failed; the cause is told here
            log.exception("the export of session %s failed", session_id)
        messages.put(("refused", error.to_json()))
    finally:
        db.close()
        messages.close()
        messages.join_thread()  # every word reaches the parent before this process ends
