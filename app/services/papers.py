"""Papers for a session: built from the catalogue, then fixed for every candidate in one action.

A theory paper comes from the catalogue's assembler, a skill paper from the level's skill
blueprint; both are seeded by the admission ticket, so a paper can be rebuilt and checked later.
Every paper is built before anything is written: a bank that cannot fill one paper refuses the
whole run, and a run that succeeds is one transaction with one audit entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import LargeBinary, bindparam, insert, select

from app.api.types import PaperPreview, PreviewQuestion
from app.banks.catalog import Catalog
from app.domain.blueprint import skill_blueprint
from app.domain.fixed_papers import form_for
from app.domain.item_versions import Observed
from app.domain.paper_assembly import Paper, build_skill_paper
from app.domain.paper_content import paper_json, scoring_view, skill_paper_content, task_minutes
from app.domain.staffing import check_task_minutes
from app.domain.standards import Part
from app.security.canonical import canonical_json
from app.services.analysis import observed_statistics
from app.services.base import Actor, Conflict, NotFound, Service, ServiceError, require_duty, require_role
from app.services.packages import checked_papers, package_catalog, session_package
from app.services.sessions import StandardRuleRefused
from app.services.snapshot import gc_paused, snapshot
from app.store.database import Database
from app.store.models import Attempt, Candidate, ExamSession, PaperInstance
from app.store.types import EncryptedJSON


@dataclass(frozen=True)
class DrawnPaper:
    """A candidate's paper as it will be stored: its seed, its content's and its scoring view's
    canonical JSON, and how many questions it has."""

    seed: str
    plain: bytes  # canonical_json(content), encrypted before the write
    scoring: bytes  # canonical_json(scoring_view(content)), likewise
    slots: int
    minutes: tuple[int, list[str]] = (0, [])  # a skill paper's tasks' suggested minutes, and their ids

    @staticmethod
    def of(content: dict[str, Any]) -> DrawnPaper:
        return DrawnPaper(str(content.get("seed", "")), canonical_json(content), canonical_json(scoring_view(content)),
                          len(content["items"]), task_minutes(content))  # fmt: skip


ContentFor = Callable[[str], DrawnPaper]
_CONTENT = PaperInstance.__table__.c.content
_SCORING_CONTEXT = cast(EncryptedJSON, PaperInstance.__table__.c.scoring.type).context
_ADD_PAPER = insert(PaperInstance).values(  # both encrypted already
    content=bindparam("sealed", type_=LargeBinary), scoring=bindparam("sealed_scoring", type_=LargeBinary)
)
Progress = Callable[[int, int], None]


def content_builder(catalog: Catalog, standard: str, level: str, subtype: str | None, part: str,
                    observed: Observed | None = None, package: str | None = None) -> ContentFor:  # fmt: skip
    """ticket -> the paper for this standard, level and part, as it will be stored; a theory paper
    steers by the calibrated difficulty of items `observed` often enough (the store's item
    statistics), and its JSON is put together from its entries' (`paper_json`), which every paper of
    the builder shares: the same bytes as encoding its content, without building it. `package`: the
    sealed package's digest, recorded in every paper drawn from it.

    Raises AssemblyError or MissingWeightsError when the banks cannot fill the paper.
    """
    std = catalog.standard(standard)
    lv = catalog.level(std, level, subtype)
    if part == Part.THEORY:
        assembler = catalog.assembler(std.code, lv.level, subtype=subtype, observed=observed)
        shared: dict[Any, Any]
        items, shared = {it.id: it for it in catalog.banks.items}, {}
        versions = {info.bank: info.version for info in catalog.banks.banks}

        def theory(ticket: str) -> DrawnPaper:
            paper = assembler.build(ticket)
            return DrawnPaper(str(paper.seed), *paper_json(paper, items, shared, versions, package), len(paper.items))

        return theory
    if part == Part.SKILL:
        blueprint = skill_blueprint(std, lv, subtype)
        tasks = catalog.banks.tasks_for(std.code, subtype, lv.level)
        tasks_by_id = {t.id: t for t in tasks}
        def skill(ticket: str) -> DrawnPaper:
            content = skill_paper_content(build_skill_paper(blueprint, tasks, ticket), tasks_by_id)
            if package is not None:
                content["package"] = package
            return DrawnPaper.of(content)

        return skill
    raise ServiceError("the comprehensive review has no paper: a panel scores it")


def fixed_builder(catalog: Catalog, papers: list[tuple[str, str]], standard: str, level: str, subtype: str | None,
                  part: str, session_code: str, package: str) -> ContentFor:  # fmt: skip
    """ticket -> the paper for this candidate from a sealed package's fixed papers, used as the exam
    owner assembled them (checked again against the package's banks and the weight table): the form
    is chosen by the ticket (app/domain/fixed_papers.py form_for)."""
    forms = [p for p in checked_papers(catalog, catalog.banks, papers)
             if p.standard == standard and str(p.level) == str(level) and p.subtype == subtype and p.part == part]
    if not forms:
        raise Conflict("session {code}'s sealed package holds no fixed paper for {standard} level {level} {part}",
                       code=session_code, standard=standard, level=level, part=part)  # fmt: skip
    items, tasks = {it.id: it for it in catalog.banks.items}, {t.id: t for t in catalog.banks.tasks}
    versions = {info.bank: info.version for info in catalog.banks.banks}
    shared: dict[Any, Any] = {}

    def fixed(ticket: str) -> DrawnPaper:
        paper = form_for(ticket, forms)
        if paper.part == Part.SKILL:
            return DrawnPaper.of({**skill_paper_content(paper, tasks), "package": package})
        return DrawnPaper(str(paper.seed), *paper_json(paper, items, shared, versions, package), len(paper.items))

    return fixed


class PaperService(Service):
    def __init__(self, db: Database, catalog: Catalog):
        super().__init__(db)
        self.catalog = catalog

    def prepare_papers(self, actor: Actor, session_id: int, progress: Progress | None = None) -> int:
        """Fix a paper and open an attempt for every candidate of the session who has none yet;
        returns how many. Nothing is written unless every paper could be built and, for a skill
        session, the session lasts at least as long as every candidate's drawn tasks suggest."""
        require_role(actor, "admin", "proctor")
        with snapshot(self.db) as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound("no session {session}", session=session_id)
            if actor.role != "admin":
                require_duty(s, actor, session_id, "proctor")
            if session.state not in ("scheduled", "open"):
                raise Conflict("session {code} is {state}", code=session.code, state=session.state)
            standard, level, subtype, part = session.standard, session.level, session.subtype, session.part
            session_code = session.code
            minutes = session.duration_minutes
            waiting = self._waiting(s, session_id)
            observed = observed_statistics(s) if waiting and part == Part.THEORY else None
            package = session_package(s, session.code)
            if package is not None and package.content is None:
                raise Conflict("session {code}'s content is in a sealed package that is not open yet: open it with "
                               "its release key first", code=session.code)  # fmt: skip
            sealed_files = [(f["name"], f["text"]) for f in package.content["files"]] if package and package.content \
                else None  # fmt: skip
            fixed_papers = [(f["name"], f["text"]) for f in package.content.get("papers", [])] \
                if package and package.content else []  # fmt: skip
            package_digest = package.digest if package is not None else None
        if not waiting:
            return 0
        # a session a sealed package names takes its papers from that package's banks only
        catalog = package_catalog(self.catalog, sealed_files) if sealed_files is not None else self.catalog
        if fixed_papers and package_digest is not None:  # the exam owner's papers, as assembled
            build = fixed_builder(catalog, fixed_papers, standard, level, subtype, part, session_code, package_digest)
        else:
            build = content_builder(catalog, standard, level, subtype, part, observed, package_digest)
        total = len(waiting) + 1  # the last step is the write
        contents: dict[int, DrawnPaper] = {}
        with gc_paused():
            for n, (candidate_id, ticket) in enumerate(waiting, 1):
                contents[candidate_id] = build(ticket)
                if progress:
                    progress(n, total)
        if part == Part.SKILL:  # the session must last as long as each candidate's tasks suggest
            findings = check_task_minutes(minutes, [c.minutes for c in contents.values()])
            if findings:
                raise StandardRuleRefused(findings)
        data: dict[str, Any] = {"count": len(contents), "seeds": sorted(c.seed for c in contents.values())}
        if package_digest is not None:
            data["package"] = package_digest
        # Encrypted before the write transaction, which then only inserts (two bulk inserts).
        cipher, context = self.db.cipher, cast(EncryptedJSON, _CONTENT.type).context  # its type in app/store/models.py
        sealed = {cid: cipher.encrypt(drawn.plain, context) for cid, drawn in contents.items()}
        scoring = {cid: cipher.encrypt(drawn.scoring, _SCORING_CONTEXT) for cid, drawn in contents.items()}
        with self.action(actor, "papers.prepare", f"session:{session_id}", data) as s:
            session = s.get(ExamSession, session_id)
            assert session is not None
            if session.state not in ("scheduled", "open"):
                raise Conflict("session {code} is {state}", code=session.code, state=session.state)
            if session.duration_minutes != minutes:  # the admin changed it (edit_session) while they were built
                raise Conflict("session {code} changed while papers were built: prepare again", code=session.code)
            if {cid for cid, _t in self._waiting(s, session_id)} != set(contents):
                raise Conflict("the session's candidates changed while papers were built: prepare again")
            c = s.connection()
            c.execute(_ADD_PAPER, [
                {"session_id": session_id, "candidate_id": cid, "seed": contents[cid].seed,
                 "sealed": sealed[cid], "slots": contents[cid].slots, "sealed_scoring": scoring[cid]}
                for cid in contents
            ])  # fmt: skip
            added = select(PaperInstance.candidate_id, PaperInstance.id, Candidate.extra_seconds).join(
                Candidate, Candidate.id == PaperInstance.candidate_id).where(PaperInstance.session_id == session_id)
            c.execute(insert(Attempt), [
                {"session_id": session_id, "candidate_id": cid, "paper_id": paper_id,
                 "duration_seconds": session.duration_minutes * 60 + (extra or 0.0)}
                for cid, paper_id, extra in c.execute(added) if cid in sealed
            ])  # fmt: skip
        if progress:
            progress(total, total)
        return len(contents)

    # -- reads for the admin's set-up screens ---------------------------------------------------

    def preview(self, actor: Actor, standard: str, level: str, part: str, seed: str,
                subtype: str | None = None) -> PaperPreview:  # fmt: skip
        """A sample paper from the banks in use, as a candidate of ticket `seed` would get it; nothing
        is kept or audited (a read). Stems and options only: keys, explanations and rubrics stay here."""
        require_role(actor, "admin")
        if part not in {p.value for p in Part}:
            raise ServiceError("unknown part {part}; use theory, skill or review", part=part)
        catalog = self.catalog
        std = catalog.standard(standard)
        lv = catalog.level(std, level, subtype or None)
        if part == Part.THEORY:  # as prepare_papers builds it: with the calibrated difficulty the store has
            with self.db.reader() as s:
                observed = observed_statistics(s)
            paper: Paper = catalog.assembler(std.code, lv.level, subtype=subtype or None, observed=observed).build(seed)
        else:
            paper = catalog.build_paper(std.code, lv.level, Part(part), seed, subtype=subtype or None)
        items = {it.id: it for it in catalog.banks.items}
        tasks = {t.id: t for t in catalog.banks.tasks}
        questions = []
        for entry in paper.items:
            if entry.id in tasks:
                task = tasks[entry.id]
                questions.append(PreviewQuestion(entry.id, entry.type, entry.area, entry.points,
                                                 f"{task.title}\n{task.instructions}".strip()))  # fmt: skip
                continue
            item = items[entry.id]
            options = dict(item.options)
            order = entry.options_order or item.option_labels
            questions.append(PreviewQuestion(entry.id, entry.type, entry.area, entry.points, item.stem,
                                             tuple(options[label] for label in order)))  # fmt: skip
        return PaperPreview(std.code, subtype or None, str(lv.level), part, str(seed), tuple(questions),
                            paper.total_points, paper.difficulty)  # fmt: skip

    def skill_task_minutes(self, actor: Actor, standard: str, level: str,
                           subtype: str | None = None) -> list[tuple[str, int]]:  # fmt: skip
        """(area, minutes) of each skill task the banks hold for the level."""
        require_role(actor, "admin")
        std = self.catalog.standard(standard)
        lv = self.catalog.level(std, level, subtype or None)
        return [(t.area, t.minutes) for t in self.catalog.banks.tasks_for(std.code, subtype or None, lv.level)]

    @staticmethod
    def _waiting(s: Any, session_id: int) -> list[tuple[int, str]]:
        """(candidate id, ticket) of the session's candidates without an attempt, by ticket."""
        has_attempt = select(Attempt.candidate_id).where(Attempt.session_id == session_id)
        return [
            (cid, ticket)
            for cid, ticket in s.execute(
                select(Candidate.id, Candidate.ticket)
                .where(Candidate.session_id == session_id, Candidate.id.not_in(has_attempt))
                .order_by(Candidate.ticket)
            )
        ]
