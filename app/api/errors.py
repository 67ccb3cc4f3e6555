"""Refusals as they cross the boundary: a code, the message's template and its parameters.

`code` says what kind of refusal it is (a client may act on it: `invalid_token` means sign in
again, `stale_save` means reload the attempt); `template` is the English message with {placeholders}
and `params` its values: screens translate by the template (app/ui/widgets/messages.py), never by
matching the English text. `problems` are the lines of a refused data file (file, line, field).
Anything that is not a refusal is a fault of ExamDesk: it crosses as `internal`, without details
that could leak data; the server logs it in full.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.domain.paper_assembly import AssemblyError
from app.domain.standards import MissingWeightsError
from app.errors import DataFileError, Message, Problem, UserFacingError

INTERNAL_MESSAGE = "the service failed unexpectedly; the fault is logged at the centre"


class ApiError(UserFacingError):
    """A refused call, as the caller receives it: `code`, and the message's `template`, `params`
    and nested `parts` (app/errors.py Message); `problems` for a refused data file."""

    code = "api"  # each instance names its own (from the refusal it carries)

    def __init__(self, code: str, template: str, params: Mapping[str, object] | None = None,
                 problems: Sequence[Problem] = ()):  # fmt: skip
        if isinstance(template, Message) and not params:
            super().__init__(template)
        else:
            super().__init__(template, **dict(params or {}))
        self.code = code
        self.problems = tuple(problems)

    def to_json(self) -> dict[str, Any]:
        return {**self.message.as_dict(), "code": self.code,
                "problems": [[p.source, p.line, p.location, p.message] for p in self.problems]}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ApiError:
        problems = tuple(Problem(str(s), None if n is None else int(n), str(loc), str(m))
                         for s, n, loc, m in data.get("problems", []))  # fmt: skip
        return cls(str(data["code"]), Message.from_dict(data), problems=problems)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ApiError) and self.to_json() == other.to_json()

    __hash__ = None  # type: ignore[assignment]  # compared by value (tests), never hashed


def refusal_of(exc: BaseException) -> ApiError:
    """The ApiError a caller receives for `exc` raised by the services."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, UserFacingError):
        code = exc.code if exc.code != UserFacingError.code else "refused"
        problems = tuple(exc.problems) if isinstance(exc, DataFileError) else ()
        return ApiError(code, exc.message, problems=problems)
    if isinstance(exc, AssemblyError):  # the bank cannot make the paper: each line says why
        return ApiError("assembly", Message(str(exc)))
    if isinstance(exc, MissingWeightsError):
        return ApiError("missing_weights", Message(str(exc)))
    return ApiError("internal", INTERNAL_MESSAGE)


class Unreachable(ApiError):
    """The centre did not answer (link down, server restarting): the call may or may not have
    run there. A station keeps what it must not lose (app/station) and tries again."""

    code = "unreachable"

    def __init__(self, reason: str):
        super().__init__("unreachable", "the centre cannot be reached: {reason}", {"reason": reason})
