"""Every call, result and error of the contract as JSON, typed by the contract's signatures.

A request is {"method": "proctor.pause", "token": "...", "station": "...", "args": {...}}; a reply
is {"ok": value} or {"error": ApiError.to_json()}. Values are encoded and checked against the
method's annotations with pydantic: Decimal as a string, bytes as base64 (URL-safe alphabet),
enums by value, tuples and frozensets as lists, dict keys as strings. A request that does not fit
its method's signature is refused as `bad_request`, naming the argument.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from functools import cache
from typing import Any, get_type_hints

from pydantic import ConfigDict, TypeAdapter, ValidationError

from app.api.contract import INTERFACES, JOB_RESULTS
from app.api.errors import ApiError

_CONFIG = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")


class BadRequest(ApiError):
    """A request that does not fit the contract (a client's bug, not a user's mistake)."""

    code = "bad_request"

    def __init__(self, template: str, **params: object):
        super().__init__("bad_request", template, {k: str(v) for k, v in params.items()})


@cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    # wrapped in a tuple: pydantic takes a config only for a type that has none of its own, and
    # the wrapper's config reaches the dataclasses inside it
    return TypeAdapter(tuple[annotation], config=_CONFIG)


def encode(annotation: Any, value: Any) -> Any:
    """`value` as JSON-ready data (lists, dicts, strings, numbers)."""
    return _adapter(annotation).dump_python((value,), mode="json")[0]


def _from_json(annotation: Any, data: Any) -> Any:
    """`data` (as json.loads made it) validated into `annotation`, the way JSON input is read:
    base64 text into bytes, strings into Decimal, lists into tuples and frozensets."""
    return _adapter(annotation).validate_json(json.dumps([data]))[0]


@cache
def signature(method: str) -> tuple[inspect.Signature, dict[str, Any]]:
    """The contract's signature of "role.name" and its resolved annotations."""
    interface_name, _, name = method.partition(".")
    interface = INTERFACES.get(interface_name)
    function = getattr(interface, name, None) if interface is not None and not name.startswith("_") else None
    if function is None or not callable(function):
        raise BadRequest("no such call: {method}", method=method)
    return inspect.signature(function), get_type_hints(function)


def bind(method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """The call's arguments by name, defaults filled in (the caller's side)."""
    sig, _hints = signature(method)
    try:
        bound = sig.bind(None, *args, **kwargs)
    except TypeError as exc:
        raise BadRequest("{method}: the call does not fit: {problem}", method=method, problem=str(exc)) from None
    bound.apply_defaults()
    return {name: value for name, value in bound.arguments.items() if name != "self"}


def encode_args(method: str, arguments: dict[str, Any]) -> dict[str, Any]:
    _sig, hints = signature(method)
    unknown = sorted(set(arguments) - set(hints))
    if unknown:
        raise BadRequest("{method}: unknown argument {name}", method=method, name=unknown[0])
    return {name: encode(hints[name], value) for name, value in arguments.items()}


def decode_args(method: str, data: Any) -> dict[str, Any]:
    """The arguments of a request, checked against the signature: unknown, missing or ill-typed
    arguments are a bad request naming the argument."""
    sig, hints = signature(method)
    if not isinstance(data, dict):
        raise BadRequest("{method}: the arguments must be an object", method=method)
    params = [p for p in sig.parameters.values() if p.name != "self"]
    unknown = sorted(set(data) - {p.name for p in params})
    if unknown:
        raise BadRequest("{method}: unknown argument {name}", method=method, name=unknown[0])
    out: dict[str, Any] = {}
    for p in params:
        if p.name not in data:
            if p.default is inspect.Parameter.empty:
                raise BadRequest("{method}: missing argument {name}", method=method, name=p.name)
            continue
        try:
            out[p.name] = _from_json(hints[p.name], data[p.name])
            if not _in_range(out[p.name]):
                raise BadRequest("{method}: argument {name}: {problem}", method=method, name=p.name,
                                 problem="a number out of range")  # fmt: skip
        except ValidationError as exc:
            problem = exc.errors()[0]["msg"] if exc.errors() else str(exc)
            raise BadRequest("{method}: argument {name}: {problem}", method=method, name=p.name,
                             problem=problem) from None  # fmt: skip
    return out


_LIMIT = 2**63 - 1  # what every store's integer column holds (ids, sequence numbers)


def _in_range(value: Any) -> bool:
    """No integer anywhere in `value` beyond 64 bits: a store would fail on it, not refuse it."""
    if isinstance(value, int) and not isinstance(value, bool):
        return -_LIMIT <= value <= _LIMIT
    if isinstance(value, dict):
        return all(_in_range(k) and _in_range(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return all(_in_range(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return all(_in_range(getattr(value, f.name)) for f in dataclasses.fields(value))
    return True


def result_type(method: str) -> Any:
    return signature(method)[1].get("return", Any)


def request(method: str, token: str | None, station: str, arguments: dict[str, Any]) -> str:
    return json.dumps({"method": method, "token": token, "station": station,
                       "args": encode_args(method, arguments)}, ensure_ascii=False)  # fmt: skip


def reply_ok(method: str, value: Any) -> str:
    return json.dumps({"ok": encode(result_type(method), value)}, ensure_ascii=False)


def reply_error(error: ApiError) -> str:
    return json.dumps({"error": error.to_json()}, ensure_ascii=False)


def read_reply(method: str, text: str) -> Any:
    """The value of a reply, or its refusal raised."""
    data = json.loads(text)
    if "error" in data:
        raise ApiError.from_json(data["error"])
    return _from_json(result_type(method), data["ok"])


def job_result(method: str, status_result: Any) -> Any:
    """A finished job's result as its type (the server encodes it as JSON data)."""
    return _from_json(JOB_RESULTS[method], status_result)


def decode(annotation: Any, data: Any) -> Any:
    """JSON data (as json.loads made it) read as `annotation`: a value another channel carried (events)."""
    return _from_json(annotation, data)
