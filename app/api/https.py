"""Centre mode's transport: every call of the contract over HTTPS to the centre (app/centre/service.py).

The station trusts only the centre CA it received at enrolment, and proves which station it is
with its station token. It knows every address of the centre (the server's and its standby's):
a call that could not even connect is tried at the next address; a call that may have reached the
centre (the reply was lost) is not repeated here but raised as `Unreachable`, because the caller
knows whether it is safe to repeat (candidate steps carry their own ids; app/station).
"""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from typing import Any, Protocol

import httpx
from httpx_sse import connect_sse

from app.api import wire
from app.api.contract import STEP_CALLS
from app.api.errors import ApiError, Unreachable
from app.api.types import Change

STATION_HEADER = "X-ExamDesk-Station"
HEAD_HEADER = "X-ExamDesk-Audit-Head"  # on every reply: the centre's audit head (app/centre/heads.py)
HELD_HEADER = "X-ExamDesk-Held-Head"  # on every call: the head this station holds (app/station/audit_head.py)
CONNECT_SECONDS = 3.0  # a LAN answers in milliseconds; a dead server must not freeze a screen for long
CALL_SECONDS = 30.0  # closing a session or an export runs as a job; no call should take this long
# a candidate's step commits in milliseconds; one held longer (a centre whose standby died holds every
# commit until the admin acts) is given up and waits in the station's journal (the screen never waits
# for it: a worker thread of the candidate's station sends the journal, app/ui/candidate/station.py)
STEP_SECONDS = 8.0
HELD = 503  # the centre takes no step now (its standby does not answer): kept in the journal, sent later


def trust_only(ca_pem: bytes) -> ssl.SSLContext:
    """TLS that accepts the centre's certificates and nothing else (not the system's CAs)."""
    context = ssl.create_default_context(cadata=ca_pem.decode("ascii"))
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class HeadHolder(Protocol):
    """Keeps the latest audit head the centre told (app/station/audit_head.py's HeadKeeper)."""

    def held(self) -> Any: ...  # the head held (str() gives SEQ:HASH), or None

    def see(self, text: str | None) -> Any: ...


class Https:
    secure = True

    def __init__(self, addresses: list[str], ca_pem: bytes, station_token: str, *,
                 connect_seconds: float = CONNECT_SECONDS, call_seconds: float = CALL_SECONDS,
                 step_seconds: float = STEP_SECONDS, heads: HeadHolder | None = None):  # fmt: skip
        """`heads`: where this station keeps the centre's audit head (shown every reply, presented
        with every call), so a centre put back to an earlier copy is caught by what the stations hold."""
        if not addresses:
            raise ValueError("a centre has at least one address")
        self.heads = heads
        self.addresses = list(addresses)
        self.ca_pem, self.station_token = ca_pem, station_token
        self._preferred = 0
        self._lock = threading.Lock()
        self._timeout = httpx.Timeout(call_seconds, connect=connect_seconds)
        self._step_timeout = httpx.Timeout(step_seconds, connect=connect_seconds)
        self._http = httpx.Client(verify=trust_only(ca_pem), timeout=self._timeout, http2=False,
                                  limits=httpx.Limits(max_connections=8, max_keepalive_connections=4))  # fmt: skip

    def close(self) -> None:
        self._http.close()

    def _headers(self, token: str | None) -> dict[str, str]:
        headers = {STATION_HEADER: self.station_token}
        held = self.heads.held() if self.heads is not None else None
        if held is not None:
            headers[HELD_HEADER] = str(held)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def _order(self) -> list[int]:
        with self._lock:
            first = self._preferred
        return [first] + [i for i in range(len(self.addresses)) if i != first]

    def call(self, method: str, token: str | None, station: str, arguments: dict[str, Any]) -> Any:
        interface, _, name = method.partition(".")
        body = json.dumps(wire.encode_args(method, arguments), ensure_ascii=False).encode()
        reason = ""
        timeout = self._step_timeout if method in STEP_CALLS else self._timeout
        headers = {**self._headers(token), "Content-Type": "application/json"}
        for index in self._order():
            url = f"{self.addresses[index].rstrip('/')}/api/{interface}/{name}"
            try:
                reply = self._http.post(url, content=body, headers=headers, timeout=timeout)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:  # never reached the centre: try the next
                reason = f"{self.addresses[index]}: {_plain(exc)}"
                continue
            except httpx.TransportError as exc:  # it may have run there: the caller decides
                raise Unreachable(f"{self.addresses[index]}: {_plain(exc)}") from None
            with self._lock:
                self._preferred = index
            if self.heads is not None:
                self.heads.see(reply.headers.get(HEAD_HEADER))
            if reply.status_code == HELD and method in STEP_CALLS:
                raise Unreachable(f"{self.addresses[index]}: the centre holds its saves until its standby answers")
            try:
                return wire.read_reply(method, reply.text)
            except (ValueError, KeyError) as exc:  # not our service's reply (a proxy's error page)
                raise Unreachable(f"{self.addresses[index]}: HTTP {reply.status_code}, not a reply ({exc})") from None
        raise Unreachable(reason)

    def changes(self, token: str, session_id: int, after: int = 0) -> Iterator[Change]:
        """The session's changes as the centre streams them, from after `after`, until the stream ends
        (raises Unreachable then; the caller reconnects with the last seq it saw)."""
        for index in self._order():
            url = f"{self.addresses[index].rstrip('/')}/api/events"
            try:
                with httpx.Client(verify=trust_only(self.ca_pem), timeout=httpx.Timeout(None, connect=3.0)) as http, \
                        connect_sse(http, "GET", url, params={"session_id": session_id, "after": after},
                                    headers=self._headers(token)) as source:  # fmt: skip
                    for event in source.iter_sse():
                        if event.event == "change":
                            change = wire.decode(Change, json.loads(event.data))
                            after = change.seq
                            yield change
                        elif event.event == "refused":
                            raise ApiError.from_json(json.loads(event.data))
                return
            except (httpx.ConnectError, httpx.ConnectTimeout):
                continue
            except httpx.TransportError as exc:
                raise Unreachable(f"{self.addresses[index]}: {_plain(exc)}") from None
        raise Unreachable("no address of the centre answers")


def _plain(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
