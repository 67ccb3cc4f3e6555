"""The contract as an OpenAPI 3.1 document: one POST operation per call, its arguments and its
result as JSON Schema generated from the contract's type hints (the same ones app/api/wire.py
checks every request against), and the refusal every call may answer with."""

from __future__ import annotations

import inspect
import logging
from functools import cache
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import ConfigDict, TypeAdapter, create_model
from pydantic.json_schema import models_json_schema

from app.api import wire
from app.api.contract import INTERFACES, JOB_RESULTS, STEP_CALLS

log = logging.getLogger(__name__)
_CONFIG = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64", arbitrary_types_allowed=True)
REF = "#/components/schemas/{model}"
PUBLIC_WITHOUT_SIGN_IN = {"public.centre", "public.sign_in", "public.candidate_sign_in", "public.public_keys",
                          "public.set_up_centre"}  # fmt: skip


def methods() -> list[str]:
    found = []
    for interface, protocol in INTERFACES.items():
        for name, _member in inspect.getmembers(protocol, callable):
            if not name.startswith("_"):
                found.append(f"{interface}.{name}")
    return sorted(found)


def _title(method: str, suffix: str) -> str:
    return "".join(part.title().replace("_", "") for part in method.split(".")) + suffix


@cache
def _schemas() -> tuple[dict[str, tuple[str, str]], dict[str, Any]]:
    """Per method the names of its arguments' and result's schemas, and every schema by name."""
    models: list[Any] = []
    names: dict[str, tuple[str, str]] = {}
    for method in methods():
        sig, hints = wire.signature(method)
        fields: dict[str, Any] = {}
        for p in sig.parameters.values():
            if p.name == "self":
                continue
            default = ... if p.default is inspect.Parameter.empty else p.default
            fields[p.name] = (hints[p.name], default)
        arguments = create_model(_title(method, "Arguments"), __config__=_CONFIG, **fields)
        result = create_model(_title(method, "Reply"), __config__=_CONFIG, ok=(hints.get("return", Any), ...))
        models += [(arguments, "validation"), (result, "serialization")]
        names[method] = (arguments.__name__, result.__name__)
    _keys, document = models_json_schema(models, ref_template=REF)
    return names, document.get("$defs", {})


def document(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, routes=app.routes,
                      description=(__doc__ or "").strip())  # fmt: skip
    names, schemas = _schemas()
    components = doc.setdefault("components", {})
    components.setdefault("schemas", {}).update(schemas)
    components["schemas"]["Refusal"] = TypeAdapter(dict[str, Any]).json_schema() | {
        "description": "{'error': {code, template, params, parts, problems}}: see docs/contract.md, Refusals"}
    components["securitySchemes"] = {
        "station": {"type": "apiKey", "in": "header", "name": "X-ExamDesk-Station"},
        "caller": {"type": "http", "scheme": "bearer"},
    }
    refusal = {"content": {"application/json": {"schema": {"$ref": REF.format(model="Refusal")}}}}
    for method, (arguments, reply) in names.items():
        interface, _, name = method.partition(".")
        function = getattr(INTERFACES[interface], name)
        security: list[dict[str, list[str]]] = [{"station": []}]
        if method not in PUBLIC_WITHOUT_SIGN_IN:
            security = [{"station": [], "caller": []}]
        description = inspect.getdoc(function) or ""
        if method in JOB_RESULTS:
            description += "\n\nA job: poll job_status; its result is JSON of the call's job result type."
        doc["paths"][f"/api/{interface}/{name}"] = {"post": {
            "operationId": method, "tags": [interface], "summary": name.replace("_", " "),
            "description": description.strip(), "security": security,
            "requestBody": {"required": True,
                            "content": {"application/json": {"schema": {"$ref": REF.format(model=arguments)}}}},
            "responses": {"200": {"description": "done",
                                  "content": {"application/json": {"schema": {"$ref": REF.format(model=reply)}}}},
                          **{status: {"description": why} | refusal for status, why in (
                              ("400", "the request does not fit the call"), ("401", "sign in or enrol again"),
                              ("403", "not this caller's duty"), ("404", "no such record"),
                              ("409", "the state moved on (e.g. a stale save)"), ("422", "refused, with the reason"),
                              ("500", "a fault, logged at the centre"))}},
        }}  # fmt: skip
        if method in STEP_CALLS:
            doc["paths"][f"/api/{interface}/{name}"]["post"]["responses"]["503"] = {
                "description": "the centre cannot take the step now (its standby does not answer): keep it, send it "
                               "again later with the same step id"} | refusal  # fmt: skip
    app.openapi_schema = doc
    return doc
