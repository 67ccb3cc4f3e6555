"""The answer log read from the store, in one place: an attempt's steps, in order, folded by
`app.domain.attempt_state.derive` into its answers, flags, grades and how it ended.

Every service that needs any of these reads them here (the candidate's paper, grading, closing,
the examiners' worklist, results and exports, item analysis, the proctor's overview for how an
attempt ended). What differs between callers is only how much they read: whole logs, or only
some kinds of step (`kinds`), which `derive` folds as a partial log, or a handed-in paper's answer
sheet where it holds (`read_for_grading`, the close). The answer-save path reads no
step data (only the last sequence number); the proctor's overview counts answered and flagged
slots with aggregate SQL (app/services/overview.py) so that no answer is decrypted every refresh.

The data column is read as stored and decrypted here, in a tight loop: no per-row type
processing, and an answer's value is taken from its canonical JSON without a parser where it can
be (most answers are an option letter, a list of them or true/false).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, LargeBinary, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from app.domain.attempt_state import AttemptState, Step, StepKind, derive
from app.store.models import AttemptStep
from app.store.types import EncryptedJSON, cipher_of, step_row

_DATA = AttemptStep.__table__.c.data
_CONTEXT = cast(EncryptedJSON, _DATA.type).context  # the column's type in app/store/models.py
STEP_DATA_CONTEXT = _CONTEXT
_CHUNK = 500  # ids per IN list
_ANSWER = StepKind.ANSWER.value
_UNREAD = ""  # the kind a step of a partial read takes when only its place in the log was read


def raw(column: Any) -> Any:
    """A column's stored bytes, decrypted by the caller in a tight loop (no per-row type processing)."""
    return type_coerce(column, LargeBinary).label(column.name)


_Q_STEPS = select(AttemptStep.attempt_id, AttemptStep.seq, AttemptStep.kind, AttemptStep.slot, raw(_DATA))


def answer_value(plain: bytes) -> Any:
    """The "value" of an answer step's data (canonical JSON). Most answers are an option letter, a
    list of them or a true/false, which need no JSON parser: a string without a backslash holds no
    escape and no quote (canonical JSON escapes nothing else), and literals are spelled one way.
    Anything else goes to the parser. Stored data is padded with trailing spaces (app/store/types.py
    `padded`), which canonical JSON never ends with: they are dropped first."""
    plain = plain.rstrip(b" ")
    if plain.startswith(b'{"value":') and plain.endswith(b"}"):
        inner = plain[9:-1]
        if inner.startswith(b'"') and inner.endswith(b'"') and len(inner) >= 2 and b"\\" not in inner \
                and b'"' not in inner[1:-1]:  # fmt: skip
            return inner[1:-1].decode("utf-8")
        if inner in _LITERALS:
            return _LITERALS[inner]
        if inner.startswith(b'["') and inner.endswith(b'"]') and b"\\" not in inner:  # ["A","C"]
            letters = inner[2:-2].split(b'","')
            if not any(b'"' in letter for letter in letters):
                return [letter.decode("utf-8") for letter in letters]
    return (json.loads(plain) or {}).get("value")


_LITERALS = {b"true": True, b"false": False, b"null": None}


class Logs(dict[int, AttemptState]):
    """Attempt id -> its state; an attempt with no step read is the empty log's state."""

    def __missing__(self, attempt_id: int) -> AttemptState:
        return AttemptState()


def read_logs(c: Session | Connection, attempts: Any, *, kinds: Collection[StepKind] | None = None) -> Logs:
    """The state of each attempt in `attempts` (a list of ids, or a subquery selecting them) from
    its steps. `kinds`: read only steps of these kinds (and each attempt's first step, so that
    `began` holds): a partial log, see `derive`."""
    conn = c.connection() if isinstance(c, Session) else c
    decrypt = cipher_of(conn.dialect).decrypt
    wanted = None if kinds is None else {StepKind(k).value for k in kinds}
    query = _Q_STEPS
    if wanted is not None:
        query = query.where(or_(AttemptStep.kind.in_(sorted(wanted)), AttemptStep.seq == 1))
    query = query.order_by(AttemptStep.attempt_id, AttemptStep.seq)
    rows = _for_attempts(conn, query, attempts)

    def steps(group: Iterable[Any]) -> Iterator[Step]:
        for _attempt_id, seq, kind, slot, data in group:
            if wanted is not None and kind not in wanted:
                yield Step(seq, _UNREAD, None, None)  # the first step, read only for `began`
                continue
            if data is not None:
                plain = decrypt(data, _CONTEXT, step_row(_attempt_id, seq))  # moved between rows: refused
                data = answer_value(plain) if kind == _ANSWER else json.loads(plain)
            yield Step(seq, kind, slot, data)

    whole = wanted is None
    return Logs((aid, derive(steps(group), whole=whole)) for aid, group in groupby(rows, key=itemgetter(0)))


_SHEET_KINDS = (StepKind.SUBMIT, StepKind.GRADE)
_GRADE = StepKind.GRADE.value


def read_for_grading(c: Session | Connection, attempts: Any) -> Logs:
    """Each attempt's state as grading needs it (answers, how it ended, grades, last step), read
    as cheaply as it can be: for an attempt whose submit step recorded the answer sheet and that
    has no step after the submit but grades, the sheet is its answers (one step read instead of
    every answer; the sheet is the fold of the whole log, made in the submit's own transaction).
    Every other attempt's whole log is read. The result is the same as `read_logs(c, attempts)`'s
    for everything grading reads (answers, ended, graded, last_seq, began); flags, focus losses and
    drawn cards are not read for attempts graded from their sheet."""
    conn = c.connection() if isinstance(c, Session) else c
    logs = read_logs(conn, attempts, kinds=_SHEET_KINDS)
    last_not_grade = func.max(case((AttemptStep.kind != _GRADE, AttemptStep.seq)))
    ends = select(AttemptStep.attempt_id, func.max(AttemptStep.seq), last_not_grade).group_by(AttemptStep.attempt_id)
    whole: list[int] = []
    for attempt_id, last_seq, last_step in _for_attempts(conn, ends, attempts):
        state = logs[attempt_id]
        if state.sheet is not None and state.submit_seq == last_step:
            state.answers, state.last_seq = state.sheet, last_seq
        else:
            whole.append(attempt_id)
    if whole:
        logs.update(read_logs(conn, whole))
    return logs


def _for_attempts(conn: Connection, query: Any, attempts: Any) -> Iterable[Any]:
    """The rows of `query` (over attempt steps) for `attempts`: a list of ids, read in chunks of
    `_CHUNK`, or a subquery selecting them."""
    if isinstance(attempts, Sequence | set | frozenset):
        return (row for chunk in _chunks(attempts)
                for row in conn.execute(query.where(AttemptStep.attempt_id.in_(chunk))))  # fmt: skip
    return conn.execute(query.where(AttemptStep.attempt_id.in_(attempts)))


def read_log(c: Session | Connection, attempt_id: int, *, kinds: Collection[StepKind] | None = None) -> AttemptState:
    """One attempt's state from its steps (see `read_logs`)."""
    return read_logs(c, [attempt_id], kinds=kinds)[attempt_id]


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for n in range(0, len(ordered), _CHUNK):
        yield ordered[n:n + _CHUNK]
