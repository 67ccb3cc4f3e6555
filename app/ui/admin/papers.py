"""Papers for every candidate of a session who has none yet (no Qt: runs on a pool thread).

A theory paper comes from the catalogue's assembler, a skill paper from the level's skill
blueprint; both are seeded by the admission ticket, as the demo centre does, so a paper can be
rebuilt and checked later. Each paper is fixed with one `prepare_attempt` call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.domain.blueprint import skill_blueprint
from app.domain.paper_assembly import build_skill_paper
from app.domain.standards import Part
from app.services.exam import SessionInfo, paper_content, skill_paper_content

ContentFor = Callable[[str], dict[str, Any]]


def content_builder(catalog: Any, info: SessionInfo) -> ContentFor:
    """ticket -> the paper content for this session's standard, level and part.

    Raises AssemblyError or MissingWeightsError when the banks cannot fill the paper, before
    anything is written.
    """
    std = catalog.standard(info.standard)
    level = catalog.level(std, info.level, info.subtype)
    if info.part == Part.THEORY:
        assembler = catalog.assembler(std.code, level.level, subtype=info.subtype)
        items = {it.id: it for it in catalog.banks.items}
        return lambda ticket: paper_content(assembler.build(ticket), items)
    if info.part == Part.SKILL:
        blueprint = skill_blueprint(std, level, info.subtype)
        tasks = catalog.banks.tasks_for(std.code, info.subtype, level.level)
        tasks_by_id = {t.id: t for t in tasks}
        return lambda ticket: skill_paper_content(build_skill_paper(blueprint, tasks, ticket), tasks_by_id)
    raise ValueError("the comprehensive review has no paper: a panel scores it")


def prepare_papers(backend: Any, actor: Any, info: SessionInfo, waiting: Sequence[tuple[int, str]],
                   progress: Callable[[int, int], None] | None = None) -> int:  # fmt: skip
    """Build and fix a paper for each (candidate id, ticket) in `waiting`; returns how many.

    Every paper is built first, so a bank that cannot fill one stops the run before any write.
    """
    if not waiting:
        return 0
    build = content_builder(backend.catalog, info)
    contents = [(candidate_id, build(ticket)) for candidate_id, ticket in waiting]
    for n, (candidate_id, content) in enumerate(contents, 1):
        backend.exam.prepare_attempt(actor, candidate_id, content, info.duration_minutes * 60)
        if progress:
            progress(n, len(contents))
    return len(contents)
