"""A drawn paper as it is stored with an attempt: what the candidate sees, plus the keys, in the
option labels the candidate sees (A, B, C... in the paper's shuffled order).

Pure data shaping: the services store the result as the attempt's paper (`PaperInstance.content`)
and every later reader (the candidate's screen, grading, the examiners) reads it from there.
"""

from __future__ import annotations

from typing import Any

from app.domain.items import ItemType, TaskMode
from app.domain.paper_assembly import Paper, PaperItem
from app.security.canonical import canonical_json

_DISPLAY = "ABCDEFGH"  # option labels as the candidate sees them, in the paper's order


def paper_content(paper: Paper, items_by_id: dict[str, Any], cache: dict[str, Any] | None = None,
                  bank_versions: dict[str, str] | None = None,
                  package: str | None = None) -> dict[str, Any]:  # fmt: skip
    """The snapshot stored with an attempt: what the candidate sees plus keys, in display labels.
    `cache` keeps what every paper shares of an item (its options by label, its rubric) across
    the papers of one session. Each item names the bank it came from and that bank's version
    (`bank_versions`: bank -> version), so its statistics can be kept per item version; snapshots
    written before they were recorded have neither. `package`: the digest of the sealed package
    the paper was drawn from (docs/packages.md)."""
    slots = [{**_entry(entry, items_by_id, cache, bank_versions), "slot": slot}
             for slot, entry in enumerate(paper.items)]  # fmt: skip
    content = {"seed": str(paper.seed), "standard": paper.standard, "level": str(paper.level), "items": slots,
               "multiple_credit": paper.multiple_credit.value}  # fmt: skip
    if package is not None:
        content["package"] = package
    return content


SCORING_FIELDS = frozenset({"slot", "id", "type", "area", "points", "key"})


def scoring_view(content: dict[str, Any]) -> dict[str, Any]:
    """What grading reads of a paper (app/services/scoring.py: objective_grade, scoring_items):
    each entry's slot, id, type, area, points and key, and how multiple-choice answers are
    credited if the paper says. Stored with the paper when it is drawn, so that closing a
    session need not parse every paper's stems and options."""
    items = content.get("items", [])
    view: dict[str, Any] = {"items": [{k: v for k, v in e.items() if k in SCORING_FIELDS} for e in items]}
    if "multiple_credit" in content:
        view["multiple_credit"] = content["multiple_credit"]
    return view


def paper_json(paper: Paper, items_by_id: dict[str, Any], cache: dict[Any, Any],
               bank_versions: dict[str, str] | None = None,
               package: str | None = None) -> tuple[bytes, bytes]:  # fmt: skip
    """The bytes a paper is stored as: `canonical_json` of its content (`paper_content`) and of its
    scoring view (`scoring_view`), put together from each entry's JSON, which is made once per
    (item, option order, points) and kept in `cache` across the papers of one session (they draw
    the same items in few orders; `items_by_id` and `bank_versions` are the same for all of them).

    Canonical JSON sorts keys: an entry's keys before "slot" (area .. rubric), the slot, then
    those after it (stem, type); a paper's "items" before the rest (level .. standard)."""
    made = cache.get("json")
    if made is None:
        made = cache["json"] = {}
    get = made.get
    items = paper.items
    slots = _SLOTS if len(items) <= len(_SLOTS) else [str(n).encode() for n in range(len(items))]
    parts: list[bytes] = []
    scoring: list[bytes] = []
    for slot, entry in enumerate(items):
        # by the entry object first: the assembler hands every paper that draws an item in one
        # option order the same PaperItem (kept in the cache, so its id is not reused)
        pieces = get(id(entry))
        if pieces is None or pieces[0] is not entry:
            pieces = _pieces(entry, made, items_by_id, cache, bank_versions)
        number = slots[slot]
        parts += (pieces[1], number, pieces[2])  # each entry's head starts with the comma before it
        scoring += (pieces[3], number, pieces[4])
    if parts:  # but the first
        parts[0], scoring[0] = parts[0][1:], scoring[0][1:]
    rest = {"seed": str(paper.seed), "standard": paper.standard, "level": str(paper.level),
            "multiple_credit": paper.multiple_credit.value}  # fmt: skip
    if package is not None:
        rest["package"] = package
    ending = cache.get(("scoring end", paper.multiple_credit))
    if ending is None:
        ending = b"]," + canonical_json({"multiple_credit": paper.multiple_credit.value})[1:]
        cache[("scoring end", paper.multiple_credit)] = ending
    return (b'{"items":[' + b"".join(parts) + b"]," + canonical_json(rest)[1:],
            b'{"items":[' + b"".join(scoring) + ending)  # fmt: skip


def _pieces(entry: PaperItem, made: dict[Any, Any], items_by_id: dict[str, Any], cache: dict[Any, Any],
            bank_versions: dict[str, str] | None) -> tuple[Any, ...]:  # fmt: skip
    """_entry_json of this entry, kept in `made` by (item, option order, points) and by the entry object."""
    pieces = made.get((entry.id, entry.options_order, entry.points))
    if pieces is None:
        pieces = _entry_json(entry, items_by_id, cache, bank_versions)
        made[(entry.id, entry.options_order, entry.points)] = pieces
    pieces = made[id(entry)] = (entry, *pieces[1:])
    return pieces


_SLOTS = [str(n).encode() for n in range(200)]
_LABELS = {label: canonical_json(label) for label in _DISPLAY}
_VARYING = ("key", "options")  # an entry's fields that depend on its option order


def _json_of(value: Any) -> bytes:
    """canonical_json(value), without a call to the encoder for a display label or a list of them
    (an option's label, a choice question's key)."""
    if type(value) is str and value in _LABELS:
        return _LABELS[value]
    if type(value) is list and all(type(v) is str and v in _LABELS for v in value):
        return b"[" + b",".join(_LABELS[v] for v in value) + b"]"
    return canonical_json(value)


def _entry_json(entry: PaperItem, items_by_id: dict[str, Any], cache: dict[Any, Any],
                bank_versions: dict[str, str] | None) -> tuple[Any, ...]:  # fmt: skip
    """(entry, then the content's and the scoring view's JSON of one entry before and after its
    slot number; each part before the slot starts with a comma). What does not depend on the
    option order (stem, area, points...) is encoded once per item and points; the options (each
    text encoded once) and the key are put together for each order."""
    fixed = cache.get(("fields", entry.id, entry.points))
    if fixed is None:
        body = _entry(entry, items_by_id, cache, bank_versions)
        _item, options, _rubric = cache[entry.id]
        names = sorted(body)
        scored = [n for n in names if n in SCORING_FIELDS]
        layout = tuple([n for n in these if n < "slot"] for these in (names, scored)), \
            tuple([n for n in these if n > "slot"] for these in (names, scored))  # fmt: skip
        fields = {name: canonical_json(name) + b":" + _json_of(value)
                  for name, value in body.items() if name not in _VARYING}  # fmt: skip
        texts = {label: canonical_json(text) for label, text in options.items()}
        fixed = cache[("fields", entry.id, entry.points)] = (layout, fields, texts)
    (heads, tails), fields, texts = fixed
    item = cache[entry.id][0]
    order = entry.options_order
    pairs = [b"[" + _LABELS[_DISPLAY[i]] + b"," + texts[orig] + b"]" for i, orig in enumerate(order)]
    fields = {**fields, "options": b'"options":[' + b",".join(pairs) + b"]",
              "key": b'"key":' + _json_of(_display_key(item, order))}  # fmt: skip
    out: list[Any] = [entry]
    for head_names, tail_names in zip(heads, tails, strict=True):  # the content's, then the scoring view's
        head = b",".join([fields[n] for n in head_names])
        tail = b",".join([fields[n] for n in tail_names])
        out += (b",{" + head + (b"," if head else b"") + b'"slot":', (b"," if tail else b"") + tail + b"}")
    return tuple(out)


def _display_key(item: Any, order: tuple[str, ...]) -> Any:
    """An item's key as the candidate's paper labels it (options in `order`)."""
    if item.type is ItemType.SINGLE:
        return _DISPLAY[order.index(item.key)]
    if item.type is ItemType.MULTIPLE:
        return sorted(_DISPLAY[order.index(k)] for k in item.key)
    if item.type is ItemType.FILL:
        return [list(blank) for blank in item.key]
    return item.key


def _entry(entry: PaperItem, items_by_id: dict[str, Any], cache: dict[Any, Any] | None,
           bank_versions: dict[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
    """One entry of the snapshot, but for its slot."""
    shared = cache.get(entry.id) if cache is not None else None
    if shared is None:
        item = items_by_id[entry.id]
        rubric = [(p.point, str(p.max)) for p in item.rubric] if item.type.examiner_scored else None
        shared = (item, dict(item.options), rubric)
        if cache is not None:
            cache[entry.id] = shared
    item, options, rubric = shared
    order = entry.options_order
    snapshot = {
        "id": item.id,
        "type": item.type.value,
        "area": item.area,
        "points": str(entry.points),
        "stem": item.stem,
        "options": [[_DISPLAY[i], options[orig]] for i, orig in enumerate(order)],
        "key": _display_key(item, order),
        "bank": item.bank,
        "bank_version": (bank_versions or {}).get(item.bank, ""),
    }
    if rubric is not None:  # 简答题, 案例分析题: examiners score against the rubric
        snapshot["rubric"] = [list(point) for point in rubric]
    return snapshot


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
                **_live_fields(task),
            }
        )  # fmt: skip
    return {"seed": str(paper.seed), "standard": paper.standard, "level": str(paper.level), "items": slots}


def _live_fields(task: Any) -> dict[str, Any]:
    """How an observed or oral task is assessed; a written task's snapshot stays as it always was."""
    mode = getattr(task, "mode", TaskMode.WRITTEN)
    if mode is TaskMode.WRITTEN:
        return {}
    fields: dict[str, Any] = {"mode": mode.value}
    if task.form:
        fields["form"] = task.form
    if task.cards:
        fields["cards"] = [[card.question, list(card.expected)] for card in task.cards]
    return fields


def task_minutes(content: dict[str, Any]) -> tuple[int, list[str]]:
    """The suggested minutes of a skill paper's tasks added up, and the tasks' ids."""
    tasks = [e for e in content.get("items", []) if e.get("type") == "task"]
    return sum(int(e.get("minutes") or 0) for e in tasks), [str(e["id"]) for e in tasks]
