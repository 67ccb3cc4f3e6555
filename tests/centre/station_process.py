"""A station PC in a process of its own, talking to a centre over HTTPS with its enrolment:
`python -m tests.centre.station_process STATION_DIR`. One JSON command per line on stdin, one JSON
line on stdout: {"ok": result} or {"error": {"code": ..., "message": ...}}."""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

from app.api import wire
from app.api.errors import ApiError
from app.flows.candidate import CandidateFlow, Stage
from app.station.enrolment import StationConfig


def main(folder: str) -> None:
    config = StationConfig.read(Path(folder))
    client = config.client()
    me: dict[str, Any] = {}

    def run(command: str, **args: Any) -> Any:
        if command == "sign_in":
            return client.sign_in(args["username"], args["password"]).role
        if command == "candidate_sign_in":
            login = client.candidate_sign_in(args["ticket"], args["id_number"])
            me["attempt"] = login.attempt_id
            return login.attempt_id
        if command == "call":  # any call of the contract: {"method": "proctor.pause", "args": {...}}
            interface, _, name = args["method"].partition(".")
            value = getattr(getattr(client, interface), name)(**args.get("args", {}))
            return wire.encode(wire.result_type(args["method"]), value)
        if command == "save":
            view = client.candidate.attempt_view(me["attempt"])
            return client.candidate.save_answer(me["attempt"], view.last_seq, args["slot"], args["value"]).seq
        if command == "flow_log_in":  # the candidate screen's flow, with this PC's journal
            if "flow" not in me:  # one flow and journal per station, however many tries at logging in
                journal = config.journal(Path(folder) / "journal")
                me["flow"] = CandidateFlow(client, min_rules_seconds=0, journal=journal)
            flow = me["flow"]
            flow.log_in(args["ticket"], args["id_number"], args.get("move_code", ""))
            if flow.confirm_identity() is Stage.RULES:  # read once per attempt: not again after a move
                flow.accept_rules()
            return flow.stage.value
        if command == "flow_answer":
            ack = me["flow"].answer(args["slot"], args["value"])
            return None if ack is None else ack.seq
        if command == "flow_status":
            status = me["flow"].save_status()
            return {"at_centre": status.at_centre, "waiting": status.waiting}
        if command == "flow_view":
            view = client.candidate.attempt_view(me["flow"].login.attempt_id)
            return {"answers": view.answers, "seq": view.last_seq, "submitted": view.submitted}
        if command == "flow_sync":
            return len(me["flow"].sync())
        if command == "flow_submit":
            return me["flow"].submit().value
        if command == "submit":
            return client.candidate.submit(me["attempt"])
        if command == "view":
            view = client.candidate.attempt_view(me["attempt"])
            return {"state": view.state.value, "remaining": view.remaining, "answers": view.answers,
                    "seq": view.last_seq, "submitted": view.submitted}  # fmt: skip
        raise ValueError(f"no command {command}")

    for line in sys.stdin:
        request = json.loads(line)
        try:
            reply: dict[str, Any] = {"ok": run(request.pop("command"), **request)}
        except ApiError as exc:
            reply = {"error": {"code": exc.code, "message": str(exc)}}
        except Exception as exc:
            reply = {"error": {"code": "crash", "message": f"{type(exc).__name__}: {exc}",
                               "trace": traceback.format_exc()}}  # fmt: skip
        print(json.dumps(reply, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
