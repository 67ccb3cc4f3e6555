"""What a station holds: the contract's interfaces over a transport, and the caller's token.

    client = Client(InProcess(server), station="R101-01")
    client.sign_in("proctor1", password)
    client.proctor.pause(session_id, None, "fire alarm")

`InProcess` calls the services in this process (single-station mode); `Loopback` sends every call,
result and refusal through JSON text and back, exactly as centre mode will over HTTPS, so the
screens are proven against the wire format. Either way a refusal arrives as an ApiError.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

from app.api import wire
from app.api.contract import AdminApi, CandidateApi, ExaminerApi, ProctorApi, PublicApi
from app.api.errors import ApiError
from app.api.types import CandidateSession, JobStatus, StaffSession

if TYPE_CHECKING:
    from app.api.server import Server

Progress = Callable[[int, int], None]
# waits between polls: an Event that is never set (time.sleep fails under libfaketime, which CI's
# year-ahead run uses; a condition wait does not)
_POLL = threading.Event()
# which interface a signed-in role uses
INTERFACE_OF_ROLE = {"candidate": "candidate", "proctor": "proctor", "examiner": "examiner", "chief": "examiner",
                     "admin": "admin"}  # fmt: skip


class Transport(Protocol):
    def call(self, method: str, token: str | None, station: str, arguments: dict[str, Any]) -> Any: ...


class InProcess:
    """The services in this process: values pass as they are."""

    def __init__(self, server: Server):
        self.server = server

    def call(self, method: str, token: str | None, station: str, arguments: dict[str, Any]) -> Any:
        return self.server.call(method, token, station, arguments)


class Loopback:
    """Every call as JSON text to the server and every reply back from JSON text."""

    def __init__(self, server: Server):
        self.server = server
        self.calls = 0

    def call(self, method: str, token: str | None, station: str, arguments: dict[str, Any]) -> Any:
        self.calls += 1
        return wire.read_reply(method, self.server.handle(wire.request(method, token, station, arguments)))


class _Proxy:
    """One interface of the contract: attribute access gives its calls, checked against it."""

    def __init__(self, client: Client, interface: str):
        self._client, self._interface = client, interface

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = f"{self._interface}.{name}"
        try:
            wire.signature(method)
        except ApiError:
            raise AttributeError(f"the {self._interface} interface has no call {name!r}") from None

        def invoke(*args: Any, **kwargs: Any) -> Any:
            return self._client.call(method, wire.bind(method, args, kwargs))

        invoke.__name__ = name
        return invoke


class Client:
    def __init__(self, transport: Transport, station: str, token: str | None = None, role: str = ""):
        self.transport, self.station, self.token, self.role = transport, station, token, role
        self.staff: StaffSession | None = None
        self.public = cast(PublicApi, _Proxy(self, "public"))
        self.candidate = cast(CandidateApi, _Proxy(self, "candidate"))
        self.proctor = cast(ProctorApi, _Proxy(self, "proctor"))
        self.examiner = cast(ExaminerApi, _Proxy(self, "examiner"))
        self.admin = cast(AdminApi, _Proxy(self, "admin"))

    def call(self, method: str, arguments: dict[str, Any]) -> Any:
        return self.transport.call(method, self.token, self.station, arguments)

    # -- signing in and out ------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> StaffSession:
        session = self.public.sign_in(username, password)
        self.token, self.role, self.staff = session.token, session.role, session
        return session

    def candidate_sign_in(self, ticket: str, id_number: str, move_code: str = "") -> CandidateSession:
        session = self.public.candidate_sign_in(ticket, id_number, move_code)
        self.token, self.role, self.staff = session.token, "candidate", None
        return session

    def sign_out(self) -> None:
        if self.token is not None and self.role:
            try:
                self.call(f"{INTERFACE_OF_ROLE[self.role]}.sign_out", {})
            finally:
                self.token, self.role, self.staff = None, "", None

    def another_station(self, station: str) -> Client:
        """A client of the same services at another station, not signed in."""
        return Client(self.transport, station)

    # -- jobs --------------------------------------------------------------------------------

    def wait(self, job: JobStatus, progress: Progress | None = None, poll_seconds: float = 0.05) -> Any:
        """The finished job's result (its refusal raised), reporting progress while it runs."""
        interface = INTERFACE_OF_ROLE[self.role]
        while job.state == "running":
            if progress is not None and job.total:
                progress(job.done, job.total)
            _POLL.wait(poll_seconds)
            job = self.call(f"{interface}.job_status", {"job_id": job.job_id})
        if job.state == "failed":
            raise ApiError.from_json(job.error)
        if progress is not None and job.total:
            progress(job.total, job.total)
        return wire.job_result(job.method, job.result)

    def run(self, start: Callable[[], JobStatus], progress: Progress | None = None) -> Any:
        """Start a job and wait for its result."""
        return self.wait(start(), progress)
