"""Review criteria files (`examdesk-review-criteria/1`): the criteria and weights a comprehensive
review panel scores against, and its spread threshold. The standards publish none; the exam owner
supplies the file that counts. `question_banks/review/criteria-example.yaml` is an example, marked
`example: true`, used (and said to be used) only while the owner has supplied none."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.banks.fields import FieldReader
from app.banks.yaml_source import YamlFileError, parse_yaml
from app.domain.review import DEFAULT_REVIEW_SPREAD, Criterion, ReviewCriteria, criteria_problems
from app.errors import DataFileError
from app.paths import resource_root

SCHEMA = "examdesk-review-criteria/1"


def example_criteria_path() -> Path:
    return resource_root() / "question_banks" / "review" / "criteria-example.yaml"


def example_criteria() -> ReviewCriteria:
    path = example_criteria_path()
    return read_review_criteria(path.read_text(encoding="utf-8"), path.name, supplied=False)


def _decimal(r: FieldReader, mapping: Any, path: tuple[Any, ...], key: str, default: Decimal | None) -> Decimal:
    value = r.get(mapping, path, key, (int, float, str), required=default is None)
    if value is None:
        return default if default is not None else Decimal(0)
    try:
        return Decimal(str(value))
    except InvalidOperation:
        r.problem((*path, key), f"must be a positive number, got {value!r}")
        return Decimal(0)


def read_review_criteria(text: str, name: str, *, supplied: bool = True) -> ReviewCriteria:
    """The criteria in a file's text; DataFileError naming the file, line and field otherwise."""
    try:
        root = parse_yaml(text, name)
    except YamlFileError as exc:
        raise DataFileError([exc.problem]) from None
    r = FieldReader(name, root)
    doc = r.mapping(root, ()) or {}
    schema = r.get(doc, (), "schema", str)
    if schema is not None and schema != SCHEMA:
        r.problem(("schema",), f"unsupported schema {schema!r}, expected {SCHEMA!r}")
    title = r.get(doc, (), "name", str) or ""
    example = r.get(doc, (), "example", bool, required=False, default=False)
    code = r.get(doc, (), "standard", (str, int), required=False, default=None)  # 570002 reads as a number
    standard = None if code is None else str(code)
    spread = _decimal(r, doc, (), "spread", DEFAULT_REVIEW_SPREAD)
    criteria = []
    for i, entry in enumerate(r.sequence(doc.get("criteria"), ("criteria",))):
        here = ("criteria", i)
        c = r.mapping(entry, here)
        if c is None:
            continue
        criteria.append(Criterion(
            name=r.get(c, here, "name", str) or "", weight=_decimal(r, c, here, "weight", None),
            description=r.get(c, here, "description", str, required=False, default=""),
        ))  # fmt: skip
    if not r.problems:
        for message in criteria_problems(criteria, spread):
            r.problem(("criteria",), str(message))
    if r.problems:
        raise DataFileError(r.problems)
    return ReviewCriteria(title, tuple(criteria), example=example, supplied=supplied, spread=spread,
                          standard=standard)  # fmt: skip
