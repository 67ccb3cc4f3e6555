"""An attempt's current state, derived from its append-only steps (as Moodle's question engine).

Nothing is updated in place: the answer to a question is the data of the last answer or clear
step for its slot; flags likewise; a submit step closes the attempt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class StepKind(StrEnum):
    ANSWER = "answer"
    CLEAR = "clear"
    FLAG = "flag"
    UNFLAG = "unflag"
    SUBMIT = "submit"
    GRADE = "grade"
    FOCUS_LOST = "focus"  # the exam window lost focus (the candidate left it)


@dataclass(frozen=True)
class Step:
    seq: int
    kind: StepKind
    slot: int | None
    data: Any


@dataclass
class AttemptState:
    last_seq: int = 0
    answers: dict[int, Any] = field(default_factory=dict)
    flagged: set[int] = field(default_factory=set)
    submitted: bool = False
    submit_reason: str | None = None
    grades: list[Any] = field(default_factory=list)
    focus_losses: int = 0

    def answered_count(self) -> int:
        return len(self.answers)


def derive(steps: Iterable[Step]) -> AttemptState:
    state = AttemptState()
    for step in steps:
        if step.seq != state.last_seq + 1:
            raise ValueError(f"step {step.seq} follows step {state.last_seq}: the log has a gap")
        state.last_seq = step.seq
        if step.kind is StepKind.ANSWER and step.slot is not None:
            state.answers[step.slot] = step.data
        elif step.kind is StepKind.CLEAR and step.slot is not None:
            state.answers.pop(step.slot, None)
        elif step.kind is StepKind.FLAG and step.slot is not None:
            state.flagged.add(step.slot)
        elif step.kind is StepKind.UNFLAG and step.slot is not None:
            state.flagged.discard(step.slot)
        elif step.kind is StepKind.SUBMIT:
            state.submitted = True
            state.submit_reason = (step.data or {}).get("reason")
        elif step.kind is StepKind.GRADE:
            state.grades.append(step.data)
        elif step.kind is StepKind.FOCUS_LOST:
            state.focus_losses += 1
    return state
