"""A drawn paper as it is stored with an attempt: what the candidate sees, plus the keys, in the
option labels the candidate sees (A, B, C... in the paper's shuffled order).

Pure data shaping: the services store the result as the attempt's paper (`PaperInstance.content`)
and every later reader (the candidate's screen, grading, the examiners) reads it from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.items import ItemType
from app.domain.paper_assembly import Paper

_DISPLAY = "ABCDEFGH"  # option labels as the candidate sees them, in the paper's order


def paper_content(
    paper: Paper,
    items_by_id: dict[str, Any],
    cache: dict[str, Any] | None = None,
    bank_versions: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The snapshot stored with an attempt: what the candidate sees plus keys, in display labels.
    `cache` keeps what every paper shares of an item (its options by label, its rubric) across
    the papers of one session. Each item names the bank it came from and that bank's version
    (`bank_versions`: bank -> version), so its statistics can be kept per item version later;
    snapshots written before they were recorded have neither."""
    slots = []
    for slot, entry in enumerate(paper.items):
        shared = cache.get(entry.id) if cache is not None else None
        if shared is None:
            item = items_by_id[entry.id]
            rubric = [(p.point, str(p.max)) for p in item.rubric] if item.type.examiner_scored else None
            shared = (item, dict(item.options), rubric)
            if cache is not None:
                cache[entry.id] = shared
        item, options, rubric = shared
        order = entry.options_order
        key: Any = item.key
        if item.type is ItemType.SINGLE:
            key = _DISPLAY[order.index(item.key)]
        elif item.type is ItemType.MULTIPLE:
            key = sorted(_DISPLAY[order.index(k)] for k in item.key)
        elif item.type is ItemType.FILL:
            key = [list(blank) for blank in item.key]
        snapshot = {
            "slot": slot,
            "id": item.id,
            "type": item.type.value,
            "area": item.area,
            "points": str(entry.points),
            "stem": item.stem,
            "options": [[_DISPLAY[i], options[orig]] for i, orig in enumerate(order)],
            "key": key,
            "bank": item.bank,
            "bank_version": (bank_versions or {}).get(item.bank, ""),
        }
        if rubric is not None:  # 简答题, 案例分析题: examiners score against the rubric
            snapshot["rubric"] = [list(point) for point in rubric]
        slots.append(snapshot)
    return {"seed": str(paper.seed), "standard": paper.standard, "level": str(paper.level), "items": slots,
            "multiple_credit": paper.multiple_credit.value}  # fmt: skip


def skill_paper_content(paper: Paper, tasks_by_id: dict[str, Any]) -> dict[str, Any]:
    """The snapshot of a skill assessment: one task per weighted area, with its rubric."""
    slots = []
    for slot, entry in enumerate(paper.items):
        task = tasks_by_id[entry.id]
        slots.append(
            {
                "slot": slot, "id": task.id, "type": "task", "area": task.area, "points": str(entry.points),
                "stem": f"{task.title}\n{task.instructions}", "minutes": task.minutes,
                "rubric": [[p.point, str(p.max)] for p in task.rubric], "key": None,
            }
        )  # fmt: skip
    return {"seed": str(paper.seed), "standard": paper.standard, "level": str(paper.level), "items": slots}


def task_minutes(content: dict[str, Any]) -> tuple[int, list[str]]:
    """The suggested minutes of a skill paper's tasks added up, and the tasks' ids."""
    tasks = [e for e in content.get("items", []) if e.get("type") == "task"]
    return sum(int(e.get("minutes") or 0) for e in tasks), [str(e["id"]) for e in tasks]
