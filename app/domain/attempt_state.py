"""An attempt's current state, derived from its append-only steps (as Moodle's question engine).

Nothing is updated in place: the answer to a question is the data of the last answer or clear
step for its slot; flags likewise; the first submit step closes the attempt and says how it ended.
`derive` is the one reading of the log: every service that needs an attempt's answers, flags or
how it ended folds the log's steps here (app/services/answer_log.py reads them from the store).

A submit step may also carry the answer sheet as it stood (`"answers"`: [slot, answer] pairs, made
from this fold of the whole log in the submit's own transaction), so that work over a whole session
(grading at the close) can read one step per attempt instead of every answer; it is only trusted
where no step but a grade follows the submit (app/services/answer_log.py `read_for_grading`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class StepKind(StrEnum):
    ANSWER = "answer"
    CLEAR = "clear"
    FLAG = "flag"
    UNFLAG = "unflag"
    SUBMIT = "submit"
    GRADE = "grade"
    FOCUS_LOST = "focus"  # the exam window lost focus (the candidate left it)
    DRAW = "draw"  # the candidate drew an oral task's question card: {"card": index}
    ATTACH = "attach"  # a file an observed task produced: {"file", "filename", "sha256", "size", "by"}


class Step(NamedTuple):
    """One step of the log. `kind` is a StepKind or its value as stored; `data` is the step's data,
    except for an answer, where it is the answer itself (the "value" of the stored data)."""

    seq: int
    kind: str
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
    cards: dict[int, int] = field(default_factory=dict)  # slot -> the oral card drawn (the first draw)
    attached: dict[int, list[Any]] = field(default_factory=dict)  # slot -> the attach steps' data
    submit_seq: int = 0  # the first submit step's sequence number (0 while open)
    sheet: dict[int, Any] | None = None  # the answers the first submit recorded, where it did (see `derive`)

    def answered_count(self) -> int:
        return len(self.answers)

    @property
    def began(self) -> bool:
        """Whether the log has any step (an answer, a flag, a focus loss, a submit...)."""
        return self.last_seq > 0

    @property
    def ended(self) -> str | None:
        """How the attempt ended: the submit's reason (candidate, time, terminated, absent...),
        "submitted" when it gives none; None while the attempt is open."""
        return (self.submit_reason or "submitted") if self.submitted else None

    @property
    def graded(self) -> bool:
        return bool(self.grades)


# the kinds' values, compared with each step's kind (a StepKind or the stored string) in the fold
_ANSWER, _CLEAR, _FLAG, _UNFLAG = (k.value for k in (StepKind.ANSWER, StepKind.CLEAR, StepKind.FLAG, StepKind.UNFLAG))
_SUBMIT, _GRADE, _FOCUS_LOST = (k.value for k in (StepKind.SUBMIT, StepKind.GRADE, StepKind.FOCUS_LOST))
_DRAW, _ATTACH = StepKind.DRAW.value, StepKind.ATTACH.value


def derive(steps: Iterable[Step], *, whole: bool = True) -> AttemptState:
    """The state after `steps`, in sequence order. `whole`: the steps are the whole log, which has
    no gap (ValueError otherwise); else some kinds only (a partial read: only what those kinds
    set is meaningful, and `began` when the first step is among them). A step of any other kind
    only moves `last_seq`."""
    state = AttemptState()
    answers, flagged = state.answers, state.flagged
    for seq, kind, slot, data in steps:
        if whole and seq != state.last_seq + 1:
            raise ValueError(f"step {seq} follows step {state.last_seq}: the log has a gap")
        state.last_seq = seq
        if kind == _ANSWER:
            if slot is not None:
                answers[slot] = data
        elif kind == _CLEAR:
            if slot is not None:
                answers.pop(slot, None)
        elif kind == _FLAG:
            if slot is not None:
                flagged.add(slot)
        elif kind == _UNFLAG:
            if slot is not None:
                flagged.discard(slot)
        elif kind == _SUBMIT:
            if not state.submitted:  # the first submit closed the attempt
                state.submitted = True
                state.submit_reason = (data or {}).get("reason")
                state.submit_seq = seq
                recorded = (data or {}).get("answers")
                if isinstance(recorded, list):
                    state.sheet = {int(slot): answer for slot, answer in recorded}
        elif kind == _GRADE:
            state.grades.append(data)
        elif kind == _FOCUS_LOST:
            state.focus_losses += 1
        elif kind == _DRAW:
            if slot is not None and slot not in state.cards:
                state.cards[slot] = int((data or {}).get("card", 0))
        elif kind == _ATTACH and slot is not None:
            state.attached.setdefault(slot, []).append(data)
    return state


def answer_sheet(answers: dict[int, Any]) -> list[list[Any]]:
    """The answers as a submit step records them: [slot, answer] pairs in slot order (JSON keys
    are strings, slots are not)."""
    return [[slot, answers[slot]] for slot in sorted(answers)]
