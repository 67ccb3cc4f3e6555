"""Refusal messages from the services, in the user's language.

The services speak English (they also serve the command line and the logs). Each message shape
they can raise is listed here once, as a template; the screens match a message against the
templates and show the translated template with the same values. A test checks that every
message the services raise has a template here, so a new refusal cannot slip through untranslated.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "messages"

TEMPLATES = (
    QT_TRANSLATE_NOOP("messages", "admin password: {problem}"),
    QT_TRANSLATE_NOOP("messages", "role must be one of {roles}"),
    QT_TRANSLATE_NOOP("messages", "password: {problem}"),
    QT_TRANSLATE_NOOP("messages", "at least 8 characters"),
    QT_TRANSLATE_NOOP("messages", "mix letters with digits or symbols"),
    QT_TRANSLATE_NOOP("messages", "wrong user name or password"),
    QT_TRANSLATE_NOOP("messages", "only an admin lists users"),
    QT_TRANSLATE_NOOP("messages", "the centre is already set up"),
    QT_TRANSLATE_NOOP("messages", "user {user} already exists"),
    QT_TRANSLATE_NOOP("messages", "account {user} is locked for {minutes} more minute(s)"),
    QT_TRANSLATE_NOOP("messages", "no user {user}"),
    QT_TRANSLATE_NOOP("messages", "{role} may not do this (needs {roles})"),
    QT_TRANSLATE_NOOP("messages", "{minutes} minutes: the standard requires at least {required}"),
    QT_TRANSLATE_NOOP("messages", "candidate {ticket}: ID number {problem}"),
    QT_TRANSLATE_NOOP("messages", "check digit is {given}, expected {expected}"),
    QT_TRANSLATE_NOOP("messages", "must be 17 digits followed by a digit or X"),
    QT_TRANSLATE_NOOP("messages", "the birth date {date} is not a real date"),
    QT_TRANSLATE_NOOP("messages", "the birth date {date} is too early"),
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} has no paper yet: ask the proctor"),
    QT_TRANSLATE_NOOP("messages", "a reason is required to move a candidate"),
    QT_TRANSLATE_NOOP("messages", "this is not your attempt"),
    QT_TRANSLATE_NOOP("messages", "this station's login is no longer valid: log in again"),
    QT_TRANSLATE_NOOP("messages", "extra time must be positive"),
    QT_TRANSLATE_NOOP("messages", "a reason is required to {what} time"),
    QT_TRANSLATE_NOOP("messages", "the attempt has been submitted"),
    QT_TRANSLATE_NOOP("messages", "only the candidate answers"),
    QT_TRANSLATE_NOOP("messages", "the attempt is at step {step}, this save expected {expected}"),
    QT_TRANSLATE_NOOP("messages", "the exam is {state}: answers cannot be saved now"),
    QT_TRANSLATE_NOOP("messages", "time is up"),
    QT_TRANSLATE_NOOP("messages", "no question {n} on this paper"),
    QT_TRANSLATE_NOOP("messages", "{role} may not read answer keys"),
    QT_TRANSLATE_NOOP("messages", "a reason is required to terminate an attempt"),
    QT_TRANSLATE_NOOP("messages", "records are kept at least {years} years"),
    QT_TRANSLATE_NOOP("messages", "a station is required for check-in"),
    QT_TRANSLATE_NOOP("messages", "only the candidate accepts the exam rules"),
    QT_TRANSLATE_NOOP("messages", "unknown incident category {category}"),
    QT_TRANSLATE_NOOP("messages", "session {code} already exists"),
    QT_TRANSLATE_NOOP("messages", "no session {session}"),
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} is already in this session"),
    QT_TRANSLATE_NOOP("messages", "{file}: nothing imported; {clashes}"),
    QT_TRANSLATE_NOOP("messages", "row {row}: ticket {ticket} is already in this session"),
    QT_TRANSLATE_NOOP("messages", "no candidate {candidate}"),
    QT_TRANSLATE_NOOP("messages", "ticket number and ID number do not match"),
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} has no session open now"),
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} is in more than one session now: ask the proctor"),
    QT_TRANSLATE_NOOP(
        "messages", "ticket {ticket} is logged in on station {station}; a proctor must allow the move first"
    ),
    QT_TRANSLATE_NOOP("messages", "no attempt {attempt}"),
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}"),
    QT_TRANSLATE_NOOP("messages", "session {session} is not open: its clock cannot change"),
    QT_TRANSLATE_NOOP("messages", "another save for this attempt landed first"),
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}, not open"),
    QT_TRANSLATE_NOOP("messages", "{count} attempt(s) are still open: submit or terminate them first"),
    QT_TRANSLATE_NOOP("messages", "only a closed session can be archived; {code} is {state}"),
    QT_TRANSLATE_NOOP("messages", "{role} may not see candidate identities"),
    QT_TRANSLATE_NOOP("messages", "a reason is required to force-submit"),
    QT_TRANSLATE_NOOP("messages", "{role} may not submit an attempt"),
    QT_TRANSLATE_NOOP("messages", "{role} may not read attempts"),
    QT_TRANSLATE_NOOP("messages", "no signing key {key}"),
    QT_TRANSLATE_NOOP("messages", "this centre has no signing key yet"),
    QT_TRANSLATE_NOOP("messages", "unknown duty {duty}"),
    QT_TRANSLATE_NOOP("messages", "the {part} result is already recorded"),
    QT_TRANSLATE_NOOP("messages", "review scores are out of 100, got {score}"),
    QT_TRANSLATE_NOOP("messages", "no such session or user"),
    QT_TRANSLATE_NOOP("messages", "user {user} already has the duty {duty} in this session"),
    QT_TRANSLATE_NOOP("messages", "the attempt is still open"),
    QT_TRANSLATE_NOOP("messages", "you are not an examiner of this session"),
    QT_TRANSLATE_NOOP("messages", "only the chief examiner arbitrates"),
    QT_TRANSLATE_NOOP("messages", "question {n} has no rubric"),
    QT_TRANSLATE_NOOP("messages", "you have already scored this task"),
    QT_TRANSLATE_NOOP("messages", "not ready: {waiting}"),
    QT_TRANSLATE_NOOP("messages", "question {n}: {scored} of {needed} examiners have scored"),
    QT_TRANSLATE_NOOP(
        "messages", "question {n}: scores {scores} differ by {spread}: the chief examiner must arbitrate"
    ),
    QT_TRANSLATE_NOOP("messages", "you are not on this session's review panel"),
    QT_TRANSLATE_NOOP("messages", "you have already scored this candidate"),
    QT_TRANSLATE_NOOP("messages", "this paper has examiner-scored items; score them before grading"),
    QT_TRANSLATE_NOOP("messages", "rubric point {n} ({point}) has no score"),
    QT_TRANSLATE_NOOP("messages", "no rubric point {n}"),
    QT_TRANSLATE_NOOP("messages", "rubric point {n} ({point}) allows 0..{maximum}, got {value}"),
    QT_TRANSLATE_NOOP("messages", "the attempt is already graded"),
    QT_TRANSLATE_NOOP("messages", "please keep reading the rules for {seconds} more seconds"),
    QT_TRANSLATE_NOOP("messages", "a review panel needs {rule} members, got {count}"),
    # roster files (app/banks/roster_file.py)
    QT_TRANSLATE_NOOP("messages", "not UTF-8 or GB18030 text"),
    QT_TRANSLATE_NOOP("messages", "cannot read: {reason}"),
    QT_TRANSLATE_NOOP("messages", "the roster is empty"),
    QT_TRANSLATE_NOOP("messages", "missing column(s) {columns}; found: {found}"),
    QT_TRANSLATE_NOOP("messages", "{column} is empty"),
    QT_TRANSLATE_NOOP("messages", "身份证号 {number}: {problem}"),
    QT_TRANSLATE_NOOP("messages", "身份证号 already on row {row}"),
    QT_TRANSLATE_NOOP("messages", "准考证号 {ticket} already on row {row}"),
    QT_TRANSLATE_NOOP("messages", "照片 {file}: file not found"),
    QT_TRANSLATE_NOOP("messages", "照片 {file}: larger than 2 MB"),
    QT_TRANSLATE_NOOP("messages", "照片 {file}: not a JPEG or PNG image"),
)
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for template in TEMPLATES:
        pieces = PLACEHOLDER.split(template)
        regex = "".join(re.escape(piece) if n % 2 == 0 else f"(?P<{piece}>.+?)" for n, piece in enumerate(pieces))
        out.append((re.compile(regex, re.DOTALL), template))
    return out


def translate_message(text: str) -> str:
    """The message in the interface language; unchanged when no template fits."""
    for pattern, template in _patterns():
        match = pattern.fullmatch(text)
        if match:
            values = {
                key: "; ".join(translate_message(part) for part in value.split("; ")) if key in ("clashes", "waiting")
                else translate_message(value) if key == "problem" else value
                for key, value in match.groupdict().items()
            }  # fmt: skip
            try:
                return QCoreApplication.translate(CONTEXT, template).format(**values)
            except (KeyError, IndexError, ValueError):  # a translation with other placeholders: say it in English
                return text
    return text
