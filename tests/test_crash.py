"""Kill -9 while a candidate saves answers, 200 times: every acknowledged answer survives and the
store stays intact (invariant 1).

Each round forks a worker process that opens the store, logs the candidate in and saves answers
in a loop, writing "ACK seq slot value" to a pipe only after `save_answer` has returned (i.e.
after the commit). The parent SIGKILLs it at a random moment, then reopens the store and checks.
Forking (rather than starting Python afresh) keeps 200 rounds to well under a minute.
"""

from __future__ import annotations

import os
import random
import select as io_select
import signal
import time

import pytest
from sqlalchemy import select

from app.services.exam import ExamService
from app.store.database import Database
from app.store.models import AttemptStep
from tests.store_fixtures import CANDIDATES, PASSPHRASE, build_world, fresh_url, shared_catalog

KILLS = int(os.environ.get("EXAMDESK_CRASH_KILLS", "200"))


def _worker(url: str, number: str, out_fd: int, seed: int) -> None:
    db = Database.open(url, PASSPHRASE)
    exam = ExamService(db, shared_catalog())
    login = exam.candidate_login(ticket="T001", id_number=number, station="PC-CRASH")
    seq = exam.attempt_view(login.actor, login.attempt_id).last_seq
    rng = random.Random(seed)
    os.write(out_fd, b"READY\n")
    while True:
        slot, value = rng.randrange(5), rng.choice("ABC")  # each ack names its step: (seq, slot, value)
        seq = exam.save_answer(login.actor, login.attempt_id, seq, slot, value).seq
        os.write(out_fd, f"ACK {seq} {slot} {value}\n".encode())


def _run_and_kill(url: str, number: str, delay: float, seed: int, after_ready: bool) -> list[str]:
    """Fork a worker; SIGKILL it `delay` seconds after it starts, or after it is ready to save."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns into pytest
        os.close(read_fd)
        try:
            _worker(url, number, write_fd, seed)
        finally:
            os._exit(1)
    os.close(write_fd)
    received = b""
    if after_ready:
        deadline = time.monotonic() + 30
        while b"READY\n" not in received and time.monotonic() < deadline:
            ready, _, _ = io_select.select([read_fd], [], [], 1.0)
            if ready:
                received += os.read(read_fd, 65536)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the worker died on its own"
    chunks = [received]
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    return b"".join(chunks).decode().splitlines()


@pytest.mark.slow
def test_acknowledged_answers_survive_sigkill(tmp_path):
    url = fresh_url("sqlite", tmp_path)
    w = build_world(url, duration=10 * 3600)
    w.exam.start_session(w.proctor, w.session_id)
    w.exam.check_in(w.proctor, w.candidates["T001"], "PC-CRASH")
    attempt_id = w.attempts["T001"]
    w.db.close()
    _name, number = CANDIDATES["T001"]
    rng = random.Random(2026)
    acked: dict[int, tuple[int, str]] = {}
    kills_while_saving = 0
    for round_no in range(KILLS):
        # mostly while saving; every fifth round during start-up (opening, unlocking, logging in)
        during_start = round_no % 5 == 0
        delay = rng.uniform(0.0, 0.03) if during_start else rng.uniform(0.0, 0.04)
        lines = _run_and_kill(url, number, delay, seed=round_no, after_ready=not during_start)
        acks = [line.split() for line in lines if line.startswith("ACK ")]
        kills_while_saving += bool(acks)
        for _, seq, slot, value in acks:
            acked[int(seq)] = (int(slot), value)

        db = Database.open(url, PASSPHRASE)
        try:
            assert db.integrity_problems() == []
            with db.reader() as s:
                stored = {
                    r.seq: (r.slot, (r.data or {}).get("value"))
                    for r in s.scalars(select(AttemptStep).where(AttemptStep.attempt_id == attempt_id))
                }
            lost = sorted(seq for seq, v in acked.items() if stored.get(seq) != v)
            assert lost == [], f"round {round_no}: acknowledged but lost: {lost[:5]}"
            assert sorted(stored) == list(range(1, len(stored) + 1))  # no gaps in the step log
        finally:
            db.close()
    assert kills_while_saving > KILLS // 2, "too few kills landed while answers were being saved"
    assert len(acked) > KILLS
