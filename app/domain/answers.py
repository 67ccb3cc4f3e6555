"""What a saved answer may look like, per item type: the save refuses anything else.

Steps are append-only, so an answer the grader cannot read would stay in the attempt for ever;
the shapes below are the only ones the candidate screen sends, and the grader reads exactly these:
- single choice: one option label of the item ("B");
- multiple choice: a list of distinct option labels of the item (["A", "C"]);
- true/false: a boolean;
- fill in the blanks: a list of strings, at most one per blank (a single string for one blank);
- short answer, case analysis and a skill task's written work: a string.
Written text is limited to MAX_TEXT_BYTES of UTF-8 per answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.items import FILL_BLANK, ItemType
from app.errors import Message

MAX_TEXT_BYTES = 64 * 1024
TASK = "task"  # a skill paper's slot (app/domain/paper_assembly.py): answered in writing
LIVE_MODES = ("observed", "oral")  # a task's `mode` in the paper (TaskMode) when examiners score it live


def text_too_long(text: str) -> bool:
    return len(text.encode("utf-8")) > MAX_TEXT_BYTES


def characters_left(text: str) -> int:
    """How many more characters a written answer takes, counted as Chinese characters (3 bytes of
    UTF-8 each, the most a CJK character needs), so the figure shown never promises too much."""
    return max(0, (MAX_TEXT_BYTES - len(text.encode("utf-8"))) // 3)


def blanks_in(stem: str) -> int:
    return max(1, len(FILL_BLANK.findall(stem)))


def answer_problem(item_type: str, labels: Sequence[str], stem: str, answer: object) -> Message | None:
    """Why `answer` cannot be saved for an item of this type and these option labels (None: it can).
    `answer` None clears the answer and is always allowed."""
    return _problem(item_type, labels, blanks_in(stem), answer)


def _problem(item_type: str, labels: Sequence[str], blanks: int, answer: object) -> Message | None:
    if answer is None:
        return None
    if item_type == TASK:  # a skill task's written work: text, like a short answer
        return _written_problem(answer)
    try:
        kind = ItemType(item_type)
    except ValueError:
        return Message("the paper has an item of unknown type {type}", type=repr(item_type))
    if kind is ItemType.SINGLE:
        if not isinstance(answer, str) or answer not in labels:
            return Message("a single-choice answer is one of the options {labels}", labels=", ".join(labels))
        return None
    if kind is ItemType.MULTIPLE:
        if not isinstance(answer, list) or not all(isinstance(a, str) and a in labels for a in answer):
            return Message("a multiple-choice answer is a list of the options {labels}", labels=", ".join(labels))
        if len(set(answer)) != len(answer):
            return Message("a multiple-choice answer names each option once")
        return None
    if kind is ItemType.TRUEFALSE:
        return None if isinstance(answer, bool) else Message("a true-or-false answer is true or false")
    if kind is ItemType.FILL:
        given = [answer] if isinstance(answer, str) else answer
        if not isinstance(given, list) or not all(isinstance(a, str) for a in given):
            return Message("a fill-in answer is the text of each blank")
        if len(given) > blanks:
            return Message("this question has {blanks} blank(s), the answer has {given}",
                           blanks=blanks, given=len(given))
        if text_too_long("".join(given)):
            return Message("the answer is longer than {limit} KiB of text", limit=MAX_TEXT_BYTES // 1024)
        return None
    return _written_problem(answer)


def _written_problem(answer: object) -> Message | None:
    if not isinstance(answer, str):
        return Message("a written answer is text")
    if text_too_long(answer):
        return Message("the answer is longer than {limit} KiB of text", limit=MAX_TEXT_BYTES // 1024)
    return None


@dataclass(frozen=True)
class AnswerShape:
    """What an answer to one question of a paper may look like (kept per attempt by the save path)."""

    item_type: str
    labels: tuple[str, ...]
    blanks: int
    live: bool = False  # an observed or oral skill task: performed before the examiners, nothing typed

    @staticmethod
    def of(item: Mapping[str, Any]) -> AnswerShape:
        """From a question of a stored paper (`paper_content`'s snapshot)."""
        labels = tuple(str(option[0]) for option in item.get("options") or ())
        live = item.get("mode") in LIVE_MODES
        return AnswerShape(str(item.get("type")), labels, blanks_in(str(item.get("stem", ""))), live)

    def problem(self, answer: object) -> Message | None:
        if self.live and answer is not None:
            return Message("this task is performed in front of the examiners: nothing is typed for it")
        return _problem(self.item_type, self.labels, self.blanks, answer)

    def example(self) -> object:
        """An answer of this shape (for demonstrations and screenshots): the first option, true, or text."""
        if self.item_type == ItemType.SINGLE:
            return self.labels[0] if self.labels else None
        if self.item_type == ItemType.MULTIPLE:
            return list(self.labels[:1])
        if self.item_type == ItemType.TRUEFALSE:
            return True
        if self.item_type == ItemType.FILL:
            return ["答"] * self.blanks
        return "作答"
