"""The exam day as one service object: `ExamService` composes the role services.

New code should use the role services themselves:
- `app.services.sessions.SessionService`: sessions and staffing (schedule, rosters, papers, start,
  close, archive);
- `app.services.answers.AnswerService`: the candidate's answer path (login, identity, rules, the
  paper, answers, flags, focus, submit) and the answer keys;
- `app.services.proctoring.ProctorService`: the proctor's actions and live read model;
- `app.domain.paper_content`: the stored paper's content (pure).
What they share is in app/services/exam_day.py. The names other code imports from here stay
importable from here.
"""

from __future__ import annotations

from typing import cast

from app.api.types import (
    AttemptView,
    CandidateRow,
    Identity,
    RosterEntry,
    SaveAck,
    SessionInfo,
)
from app.domain.paper_content import paper_content, skill_paper_content, task_minutes
from app.services.answers import AnswerService, CandidateLogin, StaleSave
from app.services.base import Actor, NotFound
from app.services.exam_day import AttemptClosed
from app.services.proctoring import INCIDENT_CATEGORIES, ProctorService
from app.services.sessions import RETENTION_YEARS, EarlyStart, SessionService, StandardRuleRefused

__all__ = [
    "INCIDENT_CATEGORIES",
    "RETENTION_YEARS",
    "AttemptClosed",
    "AttemptView",
    "CandidateLogin",
    "CandidateRow",
    "EarlyStart",
    "ExamService",
    "Identity",
    "RosterEntry",
    "SaveAck",
    "SessionInfo",
    "StaleSave",
    "StandardRuleRefused",
    "paper_content",
    "skill_paper_content",
    "task_minutes",
]


class ExamService(SessionService, AnswerService, ProctorService):
    """Every action of the exam day on one object, for the callers that still use one (the tests'
    `world.exam`, the contract's endpoints through `Backend.exam`). New code should use the role
    service it serves: `SessionService`, `AnswerService` or `ProctorService`. One object shares one
    set of per-process caches (attempts' facts, earlier epochs' checkpoints) among the roles."""

    def identity(self, actor: Actor, candidate_id: int | None = None) -> Identity:
        """What the candidate confirms before the rules: their own identity for a candidate; for a
        proctor, the identity of `candidate_id`, a candidate of a session they proctor."""
        if actor.role == "candidate":
            return AnswerService.identity(self, actor)
        if candidate_id is None and actor.role == "proctor":
            raise NotFound("no candidate {candidate}", candidate=candidate_id)
        return ProctorService.identity(self, actor, cast(int, candidate_id))  # other roles are refused first
