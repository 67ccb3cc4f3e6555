"""Refusals as they cross the boundary: a code, the message's template and its parameters.

`code` says what kind of refusal it is (a client may act on it: `invalid_token` means sign in
again, `stale_save` means reload the attempt); `template` is the English message with {placeholders}
and `params` its values: screens translate by the template (app/ui/widgets/messages.py), never by
matching the English text. `problems` are the lines of a refused data file (file, line, field).
Anything that is not a refusal is a fault of ExamDesk: it crosses as `internal`, without details
that could leak data; the server logs it in full.
"""

from __future__ import annotations

from typing import Any

from app.domain.paper_assembly import AssemblyError
from app.domain.standards import MissingWeightsError
from app.errors import DataFileError, Problem, UserFacingError

INTERNAL_MESSAGE = "the service failed unexpectedly; the fault is logged at the centre"


class ApiError(UserFacingError):
    """A refused call, as the caller receives it."""

    def __init__(self, code: str, template: str, params: dict[str, str] | None = None,
                 problems: tuple[Problem, ...] = ()):  # fmt: skip
        self.code = code
        self.template = template
        self.params = dict(params or {})
        self.problems = tuple(problems)
        message = template.format(**self.params) if self.params else template
        Exception.__init__(self, message)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "template": self.template,
            "params": self.params,
            "problems": [[p.source, p.line, p.location, p.message] for p in self.problems],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ApiError:
        problems = tuple(Problem(str(s), None if n is None else int(n), str(loc), str(m))
                         for s, n, loc, m in data.get("problems", []))  # fmt: skip
        params = {str(k): str(v) for k, v in dict(data.get("params") or {}).items()}
        return cls(str(data["code"]), str(data["template"]), params, problems)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ApiError) and self.to_json() == other.to_json()

    __hash__ = None  # type: ignore[assignment]  # mutable exception, compared by value in tests


def refusal_of(exc: BaseException) -> ApiError:
    """The ApiError a caller receives for `exc` raised by the services."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, UserFacingError):
        code = str(getattr(exc, "code", "") or _code_by_class(exc))
        template = getattr(exc, "template", None)
        params = getattr(exc, "params", None) or {}
        problems = tuple(exc.problems) if isinstance(exc, DataFileError) else ()
        if not isinstance(template, str) or _filled(template, params) != str(exc):
            template, params = str(exc), {}  # a message made without its template
        return ApiError(code, template, {str(k): str(v) for k, v in params.items()}, problems)
    if isinstance(exc, MissingWeightsError):  # the banks cannot make this paper: the data, not a fault
        return ApiError("missing_weights", str(exc))
    if isinstance(exc, AssemblyError):
        return ApiError("assembly", str(exc))
    return ApiError("internal", INTERNAL_MESSAGE)


def _filled(template: str, params: dict[str, Any]) -> str | None:
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):
        return None


def _code_by_class(exc: BaseException) -> str:
    """Until every refusal names its own code: the nearest known class."""
    names = [cls.__name__ for cls in type(exc).__mro__]
    for name, code in (
        ("StaleSave", "stale_save"), ("AttemptClosed", "attempt_closed"), ("EarlyStart", "early_start"),
        ("LoginFailed", "login_failed"), ("AccountLocked", "account_locked"), ("InvalidToken", "invalid_token"),
        ("PermissionDenied", "permission_denied"), ("NotFound", "not_found"), ("Conflict", "conflict"),
        ("DataFileError", "data_file"), ("AssemblyError", "assembly"),
    ):  # fmt: skip
        if name in names:
            return code
    return "refused"
