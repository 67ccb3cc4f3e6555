"""Item-writing lint over bank files (app/domain/item_lint.py), reported with file and line.

An item keeps a warning quiet with a comment inside it naming the rule and saying why,
`# lint: ok long-option: the key lists three legal bases`; a file rule (absolute-wording,
key-balance) with such a comment before `items:`. A comment without a reason does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.banks.bank_file import BankSet
from app.banks.fields import path_text
from app.banks.yaml_source import LocatedList, YamlFileError, parse_yaml
from app.domain.item_lint import lint_file, lint_item
from app.domain.items import Item
from app.errors import Problem

JUSTIFIED = re.compile(r"#\s*lint:\s*ok\s+([\w-]+)\s*[:：—-]+\s*\S")


@dataclass(frozen=True)
class LintReport:
    warnings: list[Problem]
    justified: list[Problem]  # warnings a comment explains


def lint_banks(bankset: BankSet, only: Iterable[Path] | None = None) -> LintReport:
    """Lint every bank file of `bankset` read from disk (or those among `only`)."""
    wanted = None if only is None else {p.resolve() for p in only}
    by_bank = items_by_bank(bankset)
    warnings: list[Problem] = []
    justified: list[Problem] = []
    for info in bankset.banks:
        path = Path(info.source)
        if not path.is_file() or (wanted is not None and path.resolve() not in wanted):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        report = lint_source(str(path), text, by_bank.get(info.bank, []))
        warnings += report.warnings
        justified += report.justified
    return LintReport(sorted(warnings), sorted(justified))


def items_by_bank(bankset: BankSet) -> dict[str, list[Item]]:
    by_bank: dict[str, list[Item]] = {}
    for item in bankset.items:
        by_bank.setdefault(item.bank, []).append(item)
    return by_bank


def lint_source(name: str, text: str, items: list[Item]) -> LintReport:
    """Lint one bank file's `items`, read from `text` (a file on disk, or one held in memory such as a
    bank about to be imported): each warning with the item's line, unless a comment explains it."""
    try:
        root = parse_yaml(text, name)
    except YamlFileError:
        return LintReport([], [])
    lines = text.splitlines()
    raw_items = root.get("items") if isinstance(root, dict) else None
    if not isinstance(raw_items, LocatedList):
        return LintReport([], [])
    warnings: list[Problem] = []
    justified: list[Problem] = []
    index = {str(raw.get("id")): i for i, raw in enumerate(raw_items) if isinstance(raw, dict)}
    starts = [raw_items.line_of(i) for i in range(len(raw_items))]
    header = set(JUSTIFIED.findall("\n".join(lines[: max(0, (starts[0] if starts else 1) - 1)])))
    findings = [(f, False) for it in items for f in lint_item(it)] + [(f, True) for f in lint_file(items)]
    for finding, per_file in findings:
        i = index.get(finding.item_id)
        if i is None:
            continue
        line = starts[i]
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(lines)
        ok = header if per_file else set(JUSTIFIED.findall("\n".join(lines[line - 1 : end])))
        location = path_text(("items", i, *finding.field.split(".")))
        head, _, rest = location.partition("].")
        location = f"{head}] ({finding.item_id}).{rest}"
        problem = Problem(name, line, location, f"warning [{finding.rule}]: {finding.message}")
        (justified if finding.rule in ok else warnings).append(problem)
    return LintReport(sorted(warnings), sorted(justified))
