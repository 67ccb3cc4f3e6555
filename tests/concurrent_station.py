"""A candidate station in a process of its own, for tests/test_concurrency.py (run with the spawn
start method: it must be importable by name)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from app.services.exam import ExamService
from app.store.database import Database
from tests.store_fixtures import PASSPHRASE, exam_day_clock, shared_catalog


def save_answers(exam: ExamService, login: Any, saves: int, tag: str) -> tuple[list[list[Any]], list[str]]:
    """`saves` answers in a row on one attempt: the acknowledged ones (seq, slot, value), and errors."""
    acks: list[list[Any]] = []
    errors: list[str] = []
    seq = 0
    for k in range(saves):
        slot, value = k % 5, "ABC"[(k + len(tag)) % 3]  # an option of the paper's single-choice questions
        try:
            seq = exam.save_answer(login.actor, login.attempt_id, seq, slot, value).seq
        except Exception as exc:  # counted: the test expects none
            errors.append(f"{type(exc).__name__}: {exc}")
            try:
                seq = exam.attempt_view(login.actor, login.attempt_id).last_seq
            except Exception as again:
                errors.append(f"re-reading: {type(again).__name__}: {again}")
                return acks, errors
            continue
        acks.append([login.attempt_id, seq, slot, value])
    return acks, errors


def station(url: str, people: list[tuple[str, str]], saves: int, ready: Any, out: str) -> None:
    """Open the store, log `people` in (one thread each, one station each), wait until every
    station is ready, then save at once; the outcome goes to the JSON file `out`."""
    acks: list[list[Any]] = []
    errors: list[str] = []
    db = Database.open(url, PASSPHRASE, clock=exam_day_clock())
    try:
        exam = ExamService(db, shared_catalog())
        logins = [exam.candidate_login(ticket=t, id_number=n, station=f"PC-{t}") for t, n in people]
        ready.wait(60)

        def work(login: Any, tag: str) -> None:
            done, failed = save_answers(exam, login, saves, tag)
            acks.extend(done)
            errors.extend(failed)

        threads = [threading.Thread(target=work, args=(login, ticket))
                   for login, (ticket, _n) in zip(logins, people, strict=True)]  # fmt: skip
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        errors.extend("a saving thread never finished" for t in threads if t.is_alive())
    except Exception as exc:
        errors.append(f"setting up the station: {type(exc).__name__}: {exc}")
    finally:
        db.close()
        Path(out).write_text(json.dumps({"acks": acks, "errors": errors}, ensure_ascii=False))
