"""A station in a process of its own, for tests that run several processes on one store.

Run as `python -m tests.station_process URL CLOCK_FILE`: it opens the store on a machine clock
read from CLOCK_FILE (the test moves time on by rewriting it, so every process reads the same
seconds, as processes of one boot read CLOCK_BOOTTIME), then answers one JSON command per line on
stdin with one JSON line on stdout: {"ok": result} or {"error": "Type: message"}.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

from app.services.accounts import AccountService
from app.services.exam import ExamService
from app.store.database import Database
from tests.store_fixtures import CANDIDATES, PASSPHRASE, exam_day_clock, first_proctor, seated_login, shared_catalog


class FileMachineClock:
    """The machine clock of a test: seconds written in a file that every process reads."""

    def __init__(self, path: Path):
        self.path = path

    def boot(self) -> str:
        return "test-machine-boot"

    def now(self) -> float:
        return float(self.path.read_text(encoding="ascii"))


def main(url: str, clock_file: str) -> None:
    db = Database.open(url, PASSPHRASE, clock=exam_day_clock(), machine=FileMachineClock(Path(clock_file)))
    accounts, exam = AccountService(db), ExamService(db, shared_catalog())
    me: dict[str, Any] = {}

    def run(command: str, **args: Any) -> Any:
        if command == "proctor":
            me["actor"] = accounts.login(args["username"], args["password"])
            return db.epoch
        if command == "candidate":
            login = seated_login(exam, first_proctor(exam), args["ticket"], CANDIDATES[args["ticket"]][1],
                                 args["station"])  # fmt: skip
            me["actor"], me["attempt"] = login.actor, login.attempt_id
            return {"epoch": db.epoch, "attempt": login.attempt_id}
        if command == "start":
            return exam.start_session(me["actor"], args["session"])
        if command in ("pause", "resume"):
            return getattr(exam, command)(me["actor"], args["session"], args.get("attempt"), args.get("reason", "测试"))
        if command == "extend":
            return exam.extend(me["actor"], args["session"], args.get("attempt"), args["seconds"], "测试")
        if command == "save":
            view = exam.attempt_view(me["actor"], me["attempt"])
            return exam.save_answer(me["actor"], me["attempt"], view.last_seq, args["slot"], args["value"]).remaining
        if command == "view":  # what the candidate station shows
            view = exam.attempt_view(me["actor"], me["attempt"])
            return {"state": view.state.value, "remaining": view.remaining}
        if command == "overview":  # what the proctor console shows
            rows = exam.session_overview(me["actor"], args["session"])
            return {row.ticket: {"state": row.state, "remaining": row.remaining} for row in rows}
        raise ValueError(f"no command {command}")

    for line in sys.stdin:
        request = json.loads(line)
        try:
            reply: dict[str, Any] = {"ok": run(request.pop("command"), **request)}
        except Exception as exc:  # the test reads the refusal
            reply = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
        print(json.dumps(reply, ensure_ascii=False), flush=True)
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
