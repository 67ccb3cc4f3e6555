"""Item analysis of a closed theory session: read the papers and answers, hand the matrix to the domain.

Reading only (no audit entry: nothing changes). Each candidate's item scores are recomputed from the
paper snapshot (keys, points, the multiple-choice credit rule) and the last saved answers, by the
same rules as grading; a written answer (简答题, 案例分析题) counts as the chief examiner finalized it.
Items are told apart by version: the bank, its version, the item id and a digest of the item's
content, so statistics never mix two wordings of one item id.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, insert, select

from app.banks.catalog import Catalog
from app.domain.blueprint import MultipleCredit
from app.domain.item_analysis import ItemSpec, ResponseMatrix, SessionAnalysis, analyse, column_key
from app.domain.item_versions import ItemOrigin, Observed, bank_item_digest, content_digest, item_version_key
from app.domain.items import Item, ItemType
from app.domain.scoring import aggregate_examiner_scores, score_objective
from app.domain.standards import Part
from app.services.answer_log import read_logs
from app.services.base import Actor, Conflict, NotFound, Service, require_duty, require_role
from app.store.clock import local_today
from app.store.database import Database
from app.store.models import (
    Attempt,
    Candidate,
    Centre,
    ExaminerScore,
    ExamSession,
    ItemStatistic,
    PaperInstance,
    Result,
    SessionStaff,
)

DEFAULT_PASS_MARK = 60
SPREAD_THRESHOLD = Decimal(15)  # as ScoringService.finalize: percent of a written item's rubric maximum
TYPE_ORDER = {t.value: n for n, t in enumerate((ItemType.TRUEFALSE, ItemType.SINGLE, ItemType.MULTIPLE,
                                                ItemType.FILL, ItemType.SHORT, ItemType.CASE))}  # fmt: skip


def _display_texts(entry: dict[str, Any]) -> dict[str, str]:
    return {label: text for label, text in entry.get("options", [])}


def _keyed_texts(entry: dict[str, Any]) -> Any:
    """The key in a form that does not depend on the option order."""
    texts = _display_texts(entry)
    key: Any = entry.get("key")
    if entry["type"] == ItemType.SINGLE:
        return [texts.get(key, key)]
    if entry["type"] == ItemType.MULTIPLE:
        return sorted(texts.get(k, k) for k in key or [])
    if entry["type"] in (ItemType.SHORT, ItemType.CASE):
        return {"key": key, "rubric": entry.get("rubric")}
    return key


def _snapshot_item(entry: dict[str, Any]) -> Item:
    kind = ItemType(entry["type"])
    key: Any = entry.get("key")
    if kind is ItemType.MULTIPLE:
        key = tuple(key)
    elif kind is ItemType.FILL:
        key = tuple(tuple(blank) for blank in key)
    return Item(id=entry["id"], type=kind, area=entry["area"], code="", levels=(), difficulty=3,
                points=Decimal(entry["points"]), stem=entry["stem"],
                options=tuple((label, text) for label, text in entry.get("options", [])), key=key)  # fmt: skip


class _Columns:
    """The matrix's items, one per item version (and points), as the papers reveal them."""

    def __init__(self, catalog: Catalog | None):
        self.specs: dict[tuple[str, str], ItemSpec] = {}
        self.bank_items: dict[str, Item] = {}
        self.bank_versions: dict[str, str] = {}
        if catalog is not None:
            try:
                banks = catalog.banks
                self.bank_items = {it.id: it for it in banks.items}
                self.bank_versions = {info.bank: info.version for info in banks.banks}
            except Exception:  # the bundled banks do not load: the papers alone still give everything
                pass
        self.relabel: dict[tuple[str, str], dict[str, str]] = {}  # spec -> option text -> item's own label
        self.origins: dict[str, ItemOrigin] = {}  # item version key -> its bank, bank version, id, digest
        self.digests: dict[tuple[str, str, tuple[str, ...], str], str] = {}  # content -> content_digest

    def spec_for(self, entry: dict[str, Any]) -> tuple[ItemSpec, dict[str, str]]:
        """The item's column and, for a choice item, display label -> the item's own label."""
        texts = _display_texts(entry)
        keyed = _keyed_texts(entry)
        # every paper holds the same items in its own option order: digest each content once
        content = (entry["type"], entry["stem"], tuple(sorted(texts.values())), repr(keyed))
        digest = self.digests.get(content)
        if digest is None:
            digest = self.digests[content] = content_digest(entry["type"], entry["stem"], list(texts.values()), keyed)
        where = (f"{entry['id']}#{digest}", str(entry["points"]))
        spec = self.specs.get(where)
        if spec is None:
            bank_item = self.bank_items.get(entry["id"])
            same = bank_item is not None and bank_item_digest(bank_item) == digest
            if "bank" in entry:  # the paper recorded where the item came from
                bank, version = str(entry["bank"]), str(entry.get("bank_version") or "")
            else:  # a paper from before that: the bank in use, its version only if the item is unchanged
                bank = bank_item.bank if bank_item is not None else ""
                version = self.bank_versions.get(bank, "") if same else ""
            if same and bank_item is not None:  # the bank's own labels and order
                own = {text: label for label, text in bank_item.options}
            else:  # lettered in the order of the option texts
                own = {text: "ABCDEFGH"[n] for n, text in enumerate(sorted(texts.values()))}
            options = tuple(sorted(own.values()))
            by_label = {label: text for text, label in own.items()}
            keyed = frozenset(own[texts[k]] for k in self._keys(entry) if k in texts)
            spec = ItemSpec(
                id=entry["id"], area=entry["area"], type=entry["type"], max_score=float(Decimal(entry["points"])),
                options=options if entry["type"] in (ItemType.SINGLE, ItemType.MULTIPLE) else (),
                keyed=keyed, version=item_version_key(bank, version, entry["id"], digest),
                option_texts=tuple(by_label[label] for label in options)
                if entry["type"] in (ItemType.SINGLE, ItemType.MULTIPLE) else (),
            )  # fmt: skip
            self.specs[where] = spec
            self.origins[spec.version] = ItemOrigin(bank, version, entry["id"], digest)
            self.relabel[where] = own
        own = self.relabel[where]
        return spec, {label: own[text] for label, text in texts.items()}

    @staticmethod
    def _keys(entry: dict[str, Any]) -> list[str]:
        key: Any = entry.get("key")
        if entry["type"] == ItemType.SINGLE:
            return [key]
        if entry["type"] == ItemType.MULTIPLE:
            return list(key or [])
        return []


@dataclass
class Responses:
    """A session's response matrix as read from its papers and answer logs."""

    rows: list[tuple[int, dict[str, tuple[Decimal, Any]]]]  # (candidate id, column key -> (score, response))
    specs: list[ItemSpec]  # the columns
    excluded: dict[str, int]  # why papers were left out -> how many
    origins: dict[str, ItemOrigin]  # item version key -> where the item came from


class AnalysisService(Service):
    def __init__(self, db: Database, catalog: Catalog | None = None):
        super().__init__(db)
        self.catalog = catalog

    def _rules(self, session: ExamSession) -> tuple[str, str, int, dict[str, int]]:
        """(standard as printed, level name, pass mark, theory weights); national defaults when the
        standard is no longer in the catalogue."""
        fallback: tuple[str, str, int, dict[str, int]] = (session.standard, session.level, DEFAULT_PASS_MARK, {})
        if self.catalog is None:
            return fallback
        try:
            std = self.catalog.standard(session.standard)
            level = self.catalog.level(std, session.level, session.subtype)
        except Exception:  # a standard no longer bundled
            return fallback
        title = f"{std.code} {std.name}" + (f"（{session.subtype}）" if session.subtype else "")
        return title, level.name, std.pass_mark_for(level), dict(level.theory_weights or {})

    def session_analysis(self, actor: Actor, session_id: int) -> SessionAnalysis:
        """The item analysis of a closed (or archived) theory session: for an admin, or for the
        session's chief examiner."""
        return self._analysis(actor, session_id)[0]

    def record_statistics(self, actor: Actor, session_id: int) -> int:
        """Keep each item version's figures from the session's item analysis (n, p, D, the
        point-biserial, the omitted rate), replacing what was kept for the session before (a late
        finalization changes them); returns how many item versions. One action, one audit entry.
        Paper assembly pools them into calibrated difficulty (`calibration`)."""
        require_role(actor, "admin")
        result, origins = self._analysis(actor, session_id)
        wall = self.db.wall_now()
        rows = [
            {"session_id": session_id, "item_version": stats.item.version, "bank": origins[stats.item.version].bank,
             "bank_version": origins[stats.item.version].bank_version, "item_id": stats.item.id,
             "digest": origins[stats.item.version].digest, "max_score": stats.item.max_score, "n": stats.n,
             "p": stats.p, "d": stats.d, "r": stats.r, "omitted": stats.omitted, "recorded_wall": wall}
            for stats in result.analysis.items
        ]  # fmt: skip
        data = {"items": len(rows), "candidates": result.analysis.summary.candidates}
        with self.action(actor, "analysis.record", f"session:{session_id}", data) as s:
            s.execute(delete(ItemStatistic).where(ItemStatistic.session_id == session_id))
            if rows:
                s.execute(insert(ItemStatistic), rows)
        return len(rows)

    def _analysis(self, actor: Actor, session_id: int) -> tuple[SessionAnalysis, dict[str, ItemOrigin]]:
        require_role(actor, "admin", "chief")
        with self.db.reader() as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound("no session {session}", session=session_id)
            if actor.role == "chief":
                require_duty(s, actor, session_id, "chief")
            if session.part != Part.THEORY:
                raise Conflict("item analysis is for theory sessions; {code} is a {paper_part} session",
                               code=session.code, paper_part=session.part)
            if session.state not in ("closed", "archived"):
                raise Conflict("item analysis waits until the session is closed; {code} is {state}",
                               code=session.code, state=session.state)
            title, level_name, pass_mark, weights = self._rules(session)
            responses = read_responses(s, session, self.catalog)
            specs, excluded = responses.specs, responses.excluded
            centre = s.scalars(select(Centre)).first()
            info: dict[str, Any]  # SessionAnalysis's keyword arguments
            info = dict(session=session.code, room=session.room, standard=session.standard, standard_title=title,
                        subtype=session.subtype, level=session.level, level_name=level_name,
                        scheduled_start=session.scheduled_start, pass_mark=pass_mark,
                        centre=centre.name if centre else "",
                        analysed_on=local_today(self.db.clock).isoformat())  # fmt: skip
        area_order = {area: n for n, area in enumerate(weights)}
        ordered = sorted(specs, key=lambda it: (area_order.get(it.area, len(area_order)), it.area,
                                                TYPE_ORDER.get(it.type, 99), it.id, it.version))  # fmt: skip
        rows = [row for _candidate, row in responses.rows]
        result = analyse(ResponseMatrix.from_rows(ordered, rows), pass_mark=pass_mark)
        return SessionAnalysis(**info, area_weights=weights, analysis=result, excluded=excluded), responses.origins


def observed_statistics(s: Any) -> Observed:
    """The kept item statistics pooled per item content: (bank, item id, digest) -> (n, p over all
    of its candidates), p weighted by each session's n. Rows without a p (nobody had it) count nothing."""
    pooled = s.execute(
        select(ItemStatistic.bank, ItemStatistic.item_id, ItemStatistic.digest, func.sum(ItemStatistic.n),
               func.sum(ItemStatistic.n * ItemStatistic.p))
        .where(ItemStatistic.p.is_not(None), ItemStatistic.n > 0)
        .group_by(ItemStatistic.bank, ItemStatistic.item_id, ItemStatistic.digest)
    ).all()  # fmt: skip
    return {(bank, item_id, digest): (int(n), float(earned) / int(n)) for bank, item_id, digest, n, earned in pooled}


def read_responses(s: Any, session: ExamSession, catalog: Catalog | None) -> Responses:
    """The response matrix of a theory session's papers as read in `s`: one row per candidate whose
    paper can be scored (submitted; with written items, finalized), each item's score and response."""
    attempts = s.execute(
        select(Attempt.id, Attempt.candidate_id, PaperInstance.content)
        .join(PaperInstance, PaperInstance.id == Attempt.paper_id)
        .join(Candidate, Candidate.id == Attempt.candidate_id)
        .where(Attempt.session_id == session.id)
        .order_by(Candidate.ticket)
    ).all()  # fmt: skip
    logs = read_logs(s, [a.id for a in attempts])
    with_result = set(s.scalars(
        select(Result.candidate_id).join(Candidate, Candidate.id == Result.candidate_id)
        .where(Candidate.session_id == session.id, Result.part == session.part)
    ))  # fmt: skip
    examiners = set(s.scalars(select(SessionStaff.user_id).where(SessionStaff.session_id == session.id,
                                                                 SessionStaff.duty == "examiner")))  # fmt: skip
    columns = _Columns(catalog)
    rows: list[tuple[int, dict[str, tuple[Decimal, Any]]]] = []
    excluded: dict[str, int] = {}
    for attempt_id, candidate_id, content in attempts:
        state = logs[attempt_id]
        reason = state.ended or "open"
        if reason in ("absent", "terminated", "open"):
            excluded[reason] = excluded.get(reason, 0) + 1
            continue
        written = any(ItemType(e["type"]).examiner_scored for e in content["items"])
        if written and candidate_id not in with_result:
            excluded["not_finalized"] = excluded.get("not_finalized", 0) + 1
            continue
        marks = _examiner_marks(s, attempt_id, examiners) if written else {}
        credit = MultipleCredit(content.get("multiple_credit", MultipleCredit.ALL_OR_NOTHING.value))
        row: dict[str, tuple[Decimal, Any]] = {}
        for entry in content["items"]:
            spec, relabel = columns.spec_for(entry)
            value = state.answers.get(entry["slot"])
            item = _snapshot_item(entry)
            if item.type.examiner_scored:
                score = marks.get(entry["slot"], (Decimal(0), Decimal(1)))
                earned = item.points * score[0] / score[1] if score[1] else Decimal(0)
                response: Any = value
            else:
                answer = set(value) if item.type is ItemType.MULTIPLE and isinstance(value, list) else value
                earned = score_objective(item, answer, None, credit)
                response = value
                if spec.options and value is not None:  # the item's own labels, not this paper's
                    shown = [value] if isinstance(value, str) else list(value)
                    response = [relabel.get(v, v) for v in shown]
            row[column_key(spec)] = (earned, response)
        rows.append((candidate_id, row))
    return Responses(rows, list(columns.specs.values()), excluded, columns.origins)


def _examiner_marks(s: Any, attempt_id: int, examiners: set[int]) -> dict[int, tuple[Decimal, Decimal]]:
    """slot -> (the examiners' combined score, the rubric maximum), as finalize combines them."""
    content = s.scalar(select(PaperInstance.content).join(Attempt, Attempt.paper_id == PaperInstance.id)
                       .where(Attempt.id == attempt_id))  # fmt: skip
    rows = s.scalars(select(ExaminerScore).where(ExaminerScore.attempt_id == attempt_id)
                     .order_by(ExaminerScore.id)).all()  # fmt: skip
    out = {}
    for entry in content["items"]:
        if "rubric" not in entry:
            continue
        slot = entry["slot"]
        maximum = sum((Decimal(m) for _, m in entry["rubric"]), Decimal(0))
        totals = [sum((Decimal(v) for v in r.scores.values()), Decimal(0))
                  for r in rows if r.target == f"slot:{slot}" and r.examiner_id in examiners]  # fmt: skip
        if not totals:
            continue
        agg = aggregate_examiner_scores(totals, spread_threshold=SPREAD_THRESHOLD * maximum / 100)
        score = agg.score
        chief = [r for r in rows if r.target == f"slot:{slot}:arbitration"]
        if agg.needs_arbitration and chief:
            score = sum((Decimal(v) for v in chief[-1].scores.values()), Decimal(0))
        out[slot] = (score, maximum)
    return out
