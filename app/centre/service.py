"""The centre service: the contract over HTTPS for every station of the centre (FastAPI on uvicorn).

    POST /api/{interface}/{call}   one call of the contract; the body is its arguments as JSON
    GET  /api/events?session_id=N  the session's changes as server-sent events (id = audit sequence)
    GET  /health                   liveness and version (and the standby's state), no token
    GET  /ca.pem                   the centre CA, checked by a station at enrolment against the code
    POST /enrol                    a PC presents its one-time code and receives its station token
    GET  /openapi.json             the whole contract, each call's arguments and result as JSON Schema

Every other request carries the station token (header X-ExamDesk-Station) and, but for sign-in,
the caller's token (Authorization: Bearer ...): the station's name comes from its token, never
from the request. Replies are the contract's JSON (app/api/wire.py): {"ok": value} or
{"error": {...}} with an HTTP status that says the same (401 sign in / enrol again, 403, 404,
409 the state moved on, 422 refused, 500 a fault logged here, 503 a candidate's step the centre cannot
take now: its standby does not answer; the station keeps it in its journal).
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.sse import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.api import wire
from app.api.contract import STEP_CALLS
from app.api.errors import ApiError, refusal_of
from app.api.server import Server
from app.centre import openapi
from app.centre.heads import HeadWatch
from app.services.audit_log import AuditService

log = logging.getLogger(__name__)

STATION_HEADER = "X-ExamDesk-Station"
HEAD_HEADER = "X-ExamDesk-Audit-Head"  # on every reply of a call: the store's audit head (app/centre/heads.py)
HELD_HEADER = "X-ExamDesk-Held-Head"  # on a station's call: the latest head it holds (app/station/audit_head.py)
EVENT_POLL_SECONDS = 1.0  # a change is also pushed at once; this only bounds a missed wake-up
KEEPALIVE_SECONDS = 15.0
SAVES_HELD = ApiError("saves_held", "the centre holds its saves until its standby answers or the admin goes on "
                      "without it")  # fmt: skip
STATUS_OF_CODE = {"bad_request": 400, "invalid_token": 401, "invalid_station": 401, "permission_denied": 403,
                  "not_found": 404, "conflict": 409, "stale_save": 409, "internal": 500, "saves_held": 503}  # fmt: skip


@dataclass
class Centre:
    server: Server
    ca_pem: bytes
    addresses: list[str]  # every address a station may reach the centre at (its standby's too)
    worker: int | None = None  # which of the centre's processes this is, when several serve it
    _wakers: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = field(default_factory=set)

    def saves_held(self) -> bool:
        """Commits wait for a standby that does not answer (app/centre/standby.py)."""
        watch = self.server.standby_watch
        return watch is not None and watch.report.state == "lost"

    def wake(self) -> None:
        """After every call: event streams look for new changes at once."""
        for loop, event in list(self._wakers):
            loop.call_soon_threadsafe(event.set)


def _status(error: ApiError | None) -> int:
    if error is None:
        return 200
    return STATUS_OF_CODE.get(error.code, 422)


def _refusal(error: ApiError) -> JSONResponse:
    return JSONResponse({"error": error.to_json()}, status_code=_status(error))


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def watch_heads(server: Server) -> HeadWatch:
    """The audit head told to stations and the heads they hold, read from the served store."""
    audit = AuditService(server.backend.db)

    def entry_mac(seq: int) -> str | None:
        found = audit.entry(seq)
        return None if found is None else found[0]

    return HeadWatch(audit.head, entry_mac)


def make_app(centre: Centre) -> FastAPI:
    server = centre.server
    server.listeners.append(centre.wake)
    heads = server.heads
    if heads is None:
        heads = server.heads = watch_heads(server)
    app = FastAPI(title="ExamDesk centre", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")  # fmt: skip

    def station_of(request: Request) -> str:
        return server.stations.station_for(request.headers.get(STATION_HEADER))

    @app.get("/health")
    async def health() -> dict[str, Any]:  # on the event loop: never queued behind calls holding every worker thread
        watch = server.standby_watch  # read without the store: it answers even while commits are held
        standby = {} if watch is None else {"standby": watch.report.state}
        alarm = heads.first_alarm()  # read from memory: a station held a later audit head than the store's
        rolled_back = {} if alarm is None else {"rolled_back": alarm.message}
        worker = {} if centre.worker is None else {"worker": centre.worker}
        return {"status": "ok", "version": __version__, **worker, **standby, **rolled_back}

    @app.get("/ca.pem", response_class=PlainTextResponse)
    async def ca() -> Response:
        return Response(centre.ca_pem, media_type="application/x-pem-file")

    @app.post("/enrol")
    async def enrol(request: Request) -> JSONResponse:
        try:
            body = await request.json()
            if not isinstance(body, dict) or not all(isinstance(body.get(k), str) for k in ("code", "station")):
                raise wire.BadRequest("an enrolment names its code and station")
            token = await run_in_threadpool(server.stations.enrol, body["code"], body["station"])
            # the station seals its journal under this key; the centre derives it again to open a dead PC's file
            journal_key = server.backend.db.cipher.journal_key(body["station"])
        except ValueError:  # not JSON, or not UTF-8
            return _refusal(wire.BadRequest("the request is not JSON"))
        except Exception as exc:
            return _refusal(refusal_of(exc))
        return JSONResponse({"station": body["station"], "station_token": token, "addresses": centre.addresses,
                             "journal_key": base64.b64encode(journal_key).decode("ascii")})  # fmt: skip

    @app.post("/api/{interface}/{name}", include_in_schema=False)  # each call is described by openapi.py
    async def call(interface: str, name: str, request: Request) -> Response:
        method = f"{interface}.{name}"
        if method in STEP_CALLS and centre.saves_held():
            # the standby does not answer: a commit would wait until the admin acts, holding a worker
            # thread and a database connection; the station keeps the step in its journal instead
            return _refusal(SAVES_HELD)
        try:
            args = json.loads(await request.body() or b"{}")
        except ValueError:  # not JSON, or not UTF-8
            return _refusal(wire.BadRequest("the request is not JSON"))

        def run() -> tuple[str, ApiError | None, str]:
            try:
                station = station_of(request)
            except Exception as exc:
                refused = refusal_of(exc)
                return wire.reply_error(refused), refused, ""
            try:  # a rollback is logged and shown to the admin; the call itself goes on
                heads.check(station, request.headers.get(HELD_HEADER))
            except Exception:
                log.exception("the audit head %s presented could not be checked", station)
            reply, error = server.respond(method, _bearer(request), station, args)
            try:
                told = str(heads.current())
            except Exception:  # the store cannot be read now: this reply tells no head
                log.exception("the store's audit head could not be read")
                told = ""
            return reply, error, told

        text, error, head = await run_in_threadpool(run)
        return Response(text, status_code=_status(error), media_type="application/json",
                        headers={HEAD_HEADER: head} if head else None)  # fmt: skip

    @app.get("/api/events", response_class=EventSourceResponse, summary="A session's changes as they happen")
    async def events(request: Request, session_id: int, after: int | None = None) -> AsyncIterator[ServerSentEvent]:
        last = request.headers.get("last-event-id", "")
        position = int(last) if last.isdigit() else max(after or 0, 0)

        def feed(since: int) -> Any:
            actor = server.auth.actor_for(_bearer(request), station_of(request))
            return server.feed.changes(actor, session_id, since)

        loop = asyncio.get_running_loop()
        waker = (loop, asyncio.Event())
        centre._wakers.add(waker)
        try:
            try:  # checked again for every batch: a signed-out or revoked caller's stream ends
                batch = await run_in_threadpool(feed, position)
            except Exception as exc:
                yield ServerSentEvent(data=refusal_of(exc).to_json(), event="refused")
                return
            yield ServerSentEvent(data={"head": batch.head}, event="hello")
            idle = 0.0
            while True:
                for change in batch.changes:
                    yield ServerSentEvent(data=wire.encode(type(change), change), event="change", id=str(change.seq))
                if batch.head > position:
                    position = batch.head
                if await request.is_disconnected():
                    return
                waker[1].clear()
                try:
                    await asyncio.wait_for(waker[1].wait(), EVENT_POLL_SECONDS)
                    idle = 0.0
                except TimeoutError:
                    idle += EVENT_POLL_SECONDS
                    if idle >= KEEPALIVE_SECONDS:
                        idle = 0.0
                        yield ServerSentEvent(comment="keep-alive")
                try:
                    batch = await run_in_threadpool(feed, position)
                except Exception as exc:
                    yield ServerSentEvent(data=refusal_of(exc).to_json(), event="refused")
                    return
        finally:
            centre._wakers.discard(waker)

    app.openapi = lambda: openapi.document(app)  # type: ignore[method-assign]
    return app
