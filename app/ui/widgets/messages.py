"""Refusal messages from the services, and problems found in data files, in the user's language.

The services and the file readers speak English (they also serve the command line and the logs).
Each message shape they can produce is listed here once, as a template. A refusal carries its
template and values (app/errors.py: `UserFacingError.template`, `.params`, `.parts`), and
`translate_error` / `translate_refusal` translate it by the template directly. Messages that are
still only text (the file readers' Problem messages, AssemblyError, the command line's own errors)
are matched against the templates by `translate_message`, which shows the translated template with
the values it found. Tests check that every message the services raise and every problem the
roster, bank, standard and blueprint readers report has a template here, so a new one cannot slip
through untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.errors import LINES, DataFileError, Message, Problem, UserFacingError
from app.ui.widgets.labels import join_clauses

CONTEXT = "messages"

TEMPLATES = (
    # the store checked at unlock and by export (app/store/seals.py, app/store/migrate.py; docs/store.md)
    QT_TRANSLATE_NOOP("messages", "the store was changed outside ExamDesk: {problem}. Do not run an exam on it: run "
                                  "'examdesk store verify' for the full check, keep this data folder as evidence, "
                                  "and restore the last good copy (the second disk's copy or a backup) under the "
                                  "same passphrase"),
    QT_TRANSLATE_NOOP("messages", "the store's schema version is {version}, which this ExamDesk does not know: it "
                                  "was written by a newer ExamDesk, or its version record was edited. Open it with "
                                  "the ExamDesk that wrote it, or restore the data folder from a backup; nothing "
                                  "was changed"),
    QT_TRANSLATE_NOOP("messages", "the store could not be upgraded from schema version {version} ({error}): its "
                                  "version record does not match its tables (set back outside ExamDesk?). Restore "
                                  "the data folder from a backup, or ask for support with 'examdesk store verify'; "
                                  "nothing was changed"),
    QT_TRANSLATE_NOOP("messages", "the store was changed outside ExamDesk ({problem}): nothing was exported. Run "
                                  "'examdesk store verify'"),
    # sealed exam packages (app/services/packages.py, docs/packages.md)
    QT_TRANSLATE_NOOP("messages", "{file} was changed after it was sealed, or is not a sealed package: {reason}"),
    # why a package is refused (app/security/sealed_package.py), the {reason} above
    QT_TRANSLATE_NOOP("messages", "not an ExamDesk sealed package"),
    QT_TRANSLATE_NOOP("messages", "its header is cut short or too long"),
    QT_TRANSLATE_NOOP("messages", "its header cannot be read"),
    QT_TRANSLATE_NOOP("messages", "its signature does not match its content"),
    QT_TRANSLATE_NOOP("messages", "not a package of the format this ExamDesk reads (examdesk-package/1)"),
    QT_TRANSLATE_NOOP("messages", "its header lacks a field or has one of the wrong kind"),
    QT_TRANSLATE_NOOP("messages", "its content does not match the signed digest"),
    QT_TRANSLATE_NOOP("messages", "its content cannot be decrypted"),
    QT_TRANSLATE_NOOP("messages", "its digest is not the one recorded at import"),
    QT_TRANSLATE_NOOP("messages", "{file} is not an Ed25519 public key in PEM form"),
    QT_TRANSLATE_NOOP("messages", "the owner key {fingerprint} is already trusted"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{file} is signed by an exam owner this centre does not trust (key {fingerprint}): register the owner's "
        "public key first (owner trust)",
    ),
    QT_TRANSLATE_NOOP("messages", "package {package} is already imported"),
    QT_TRANSLATE_NOOP("messages", "session {session} already has a sealed package from another exam owner"),
    QT_TRANSLATE_NOOP(
        "messages",
        "session {session} already has version {held} of its package: version {version} is not newer and is refused",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "session {session}'s papers were already drawn from version {held} of its package: it cannot be replaced now",
    ),
    QT_TRANSLATE_NOOP("messages", "the session's packages changed meanwhile: import it again"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{file} (session {session}, version {version}) was replaced by a newer version of the package: the older "
        "one is refused",
    ),
    QT_TRANSLATE_NOOP("messages", "{file} was revoked by its exam owner on {when} (UTC): {reason}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{file} names package {package}, but not the package of that id this centre holds (another digest or "
        "owner): it is not applied",
    ),
    QT_TRANSLATE_NOOP("messages", "package {package} is already revoked"),
    QT_TRANSLATE_NOOP("messages", "not an ExamDesk package revocation"),
    QT_TRANSLATE_NOOP("messages", "not a revocation of the format this ExamDesk reads (examdesk-revocation/1)"),
    QT_TRANSLATE_NOOP(
        "messages", "session {code}'s sealed package holds no fixed paper for {standard} level {level} {part}"
    ),
    # a fixed paper that does not check (app/domain/fixed_papers.py)
    QT_TRANSLATE_NOOP("messages", "is not an item of the banks sealed with the paper"),
    QT_TRANSLATE_NOOP("messages", "is not a skill task of the banks sealed with the paper"),
    QT_TRANSLATE_NOOP("messages", "is in the paper twice"),
    QT_TRANSLATE_NOOP("messages", "not JSON: {reason}"),
    QT_TRANSLATE_NOOP("messages", "must be a list of papers"),
    QT_TRANSLATE_NOOP("messages", "must be a paper (an object with standard, level, part, items)"),
    QT_TRANSLATE_NOOP("messages", "a paper lacks {fields}"),
    QT_TRANSLATE_NOOP("messages", "{value} is not theory or skill"),
    QT_TRANSLATE_NOOP("messages", "a review has no paper"),
    QT_TRANSLATE_NOOP("messages", "must be a list of items"),
    QT_TRANSLATE_NOOP("messages", "must have id, type, area and points"),
    QT_TRANSLATE_NOOP("messages", "must be a list of option labels"),
    QT_TRANSLATE_NOOP("messages", "{value} is not a way to score multiple choice (all_or_nothing or proportional)"),
    QT_TRANSLATE_NOOP("messages", "{value} is not a positive number"),
    QT_TRANSLATE_NOOP("messages", "is written for level {levels}, not level {level}"),
    QT_TRANSLATE_NOOP("messages", "area {area} has {got} points; the weight table gives it {want}"),
    QT_TRANSLATE_NOOP("messages", "is {given}, the item's type is {type}"),
    QT_TRANSLATE_NOOP("messages", "is {given}, the bank gives it area {area}"),
    QT_TRANSLATE_NOOP("messages", "must order the item's options {labels}"),
    QT_TRANSLATE_NOOP("messages", "the package holds no paper"),
    QT_TRANSLATE_NOOP("messages", "no sealed package {package} in this store: import it first"),
    QT_TRANSLATE_NOOP("messages", "package {package} (session {session}) is already open"),
    QT_TRANSLATE_NOOP(
        "messages",
        "package {package} (session {session}) opens at {not_before} (UTC) on the centre's clock; it is {now} now",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "the release key is mistyped (a release key has 30 letters and digits and its check characters must "
        "match): type it again",
    ),
    QT_TRANSLATE_NOOP("messages", "this release key is not the key of package {package} (session {session})"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the opened content of package {package} (session {session}) is not the content of that package: the store "
        "was changed",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "session {code}'s content is in a sealed package that is not open yet: open it with its release key first",
    ),
    # observed and oral skill tasks scored live (app/services/live_scoring.py, app/domain/staffing.py)
    QT_TRANSLATE_NOOP(
        "messages",
        "{source}: the examiners who observe a group are at least {least}, an odd number, and 1 per {per} "
        "candidates: group {group} has {candidates} candidates and needs {needed} examiners, it has {actual}",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "{source}: the examiners who observe a group are an odd number, group {group} has {actual}"
    ),
    QT_TRANSLATE_NOOP("messages", "this task is performed in front of the examiners: nothing is typed for it"),
    QT_TRANSLATE_NOOP("messages", "only the candidate draws a question card"),
    QT_TRANSLATE_NOOP("messages", "only the candidate's station attaches files here"),
    QT_TRANSLATE_NOOP("messages", "question {n} is not an oral task"),
    QT_TRANSLATE_NOOP("messages", "files are attached to observed tasks only"),
    QT_TRANSLATE_NOOP("messages", "question {n} is not scored live (it is a written task)"),
    QT_TRANSLATE_NOOP(
        "messages",
        "candidate {code} is in no observation group: the chief examiner forms the groups before observed tasks "
        "are scored",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "candidate {code} is observed by group {group}, and you are not one of its examiners"
    ),
    QT_TRANSLATE_NOOP("messages", "candidate {codes} is already in group {group}"),
    QT_TRANSLATE_NOOP("messages", "no candidate {codes} in this session"),
    QT_TRANSLATE_NOOP("messages", "user {users} is not an examiner of this session"),
    QT_TRANSLATE_NOOP("messages", "observation groups are for skill sessions"),
    QT_TRANSLATE_NOOP("messages", "an observation group needs a name"),
    QT_TRANSLATE_NOOP("messages", "a group's name is at most {most} characters"),
    QT_TRANSLATE_NOOP("messages", "your timer for this task is already running"),
    QT_TRANSLATE_NOOP("messages", "your timer for this task is not running"),
    QT_TRANSLATE_NOOP("messages", "a note needs text"),
    QT_TRANSLATE_NOOP("messages", "a note is at most {most} characters"),
    QT_TRANSLATE_NOOP("messages", "a file needs a name"),
    QT_TRANSLATE_NOOP("messages", "file {name} is empty"),
    QT_TRANSLATE_NOOP("messages", "file {name} is larger than {most} MB"),
    QT_TRANSLATE_NOOP("messages", "no file {file}"),
    # the comprehensive review (app/domain/review.py, app/services/review.py, app/banks/review_criteria.py)
    QT_TRANSLATE_NOOP("messages", "the review criteria list no criterion"),
    QT_TRANSLATE_NOOP("messages", "a review criterion has no name"),
    QT_TRANSLATE_NOOP("messages", "the review criterion {name} is listed twice"),
    QT_TRANSLATE_NOOP("messages", "the review criterion {name} has weight {weight}; weights are above 0"),
    QT_TRANSLATE_NOOP("messages", "the review criteria's weights add up to {total}, not 100"),
    QT_TRANSLATE_NOOP("messages", "the review spread threshold is {spread}; use a number above 0 and at most 100"),
    QT_TRANSLATE_NOOP("messages", "the review criterion {name} has no mark"),
    QT_TRANSLATE_NOOP("messages", "the review criterion {name} is marked out of 100, got {mark}"),
    QT_TRANSLATE_NOOP("messages", "no review criterion {name}"),
    QT_TRANSLATE_NOOP("messages", "the defence has not been held"),
    QT_TRANSLATE_NOOP("messages", "the defence is still running"),
    QT_TRANSLATE_NOOP(
        "messages", "the defence lasted {minutes} minutes; the standard asks for at least {least} per candidate"
    ),
    QT_TRANSLATE_NOOP("messages", "no application materials are registered"),
    QT_TRANSLATE_NOOP(
        "messages", "the standard asks for the employer's assessment of representative works; none is registered"
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "the panel's scores are further apart than the spread threshold: the chair notes how the disagreement was "
        "settled",
    ),
    QT_TRANSLATE_NOOP("messages", "session {code} is not a comprehensive review"),
    QT_TRANSLATE_NOOP("messages", "the review criteria are for standard {criteria}, session {code} is {standard}"),
    QT_TRANSLATE_NOOP("messages", "no attachment {material}"),
    QT_TRANSLATE_NOOP("messages", "the panel has started scoring: the review criteria can no longer change"),
    QT_TRANSLATE_NOOP("messages", "unknown kind of review material {kind}"),
    QT_TRANSLATE_NOOP("messages", "a review material needs a title of at most {most} characters"),
    QT_TRANSLATE_NOOP("messages", "a review material has at least 1 page, got {pages}"),
    QT_TRANSLATE_NOOP("messages", "an attachment is at most {most} MB"),
    QT_TRANSLATE_NOOP("messages", "the defence has already started"),
    QT_TRANSLATE_NOOP("messages", "the defence has not started"),
    QT_TRANSLATE_NOOP("messages", "the defence has already ended"),
    QT_TRANSLATE_NOOP("messages", "unknown kind of review note {kind}"),
    QT_TRANSLATE_NOOP("messages", "a question or note has 1 to {most} characters"),
    QT_TRANSLATE_NOOP("messages", "only the review panel's chair finalizes a review"),
    # bank files of other formats (app/banks/xlsx_format.py, app/banks/interchange.py): before the generic ones
    QT_TRANSLATE_NOOP("messages", "two bank files of this name: rename one"),
    QT_TRANSLATE_NOOP("messages", "empty: the question (题干)"),
    QT_TRANSLATE_NOOP(
        "messages",
        "no 题型 column, and the sheet's name {sheet} is no question type (name it 单选题, 多选题, 判断题, 填空题, "
        "简答题 or 论述题, or add a 题型 column)",
    ),
    QT_TRANSLATE_NOOP("messages", "the column {column} repeats column {first} ({header})"),
    QT_TRANSLATE_NOOP("messages", "no header row with a 题干 column in the first rows: the sheet is skipped"),
    QT_TRANSLATE_NOOP("messages", "missing: the question type (题型)"),
    QT_TRANSLATE_NOOP("messages", "must be a positive number (分值), got {value}"),
    QT_TRANSLATE_NOOP("messages", "must be 是 or 否, got {value}"),
    QT_TRANSLATE_NOOP("messages", "a choice question needs options (columns 选项A, 选项B, ...)"),
    QT_TRANSLATE_NOOP("messages", "missing: the correct answer (正确答案), e.g. B or ABD"),
    QT_TRANSLATE_NOOP("messages", "must be option letters such as B or ABD, got {value}"),
    QT_TRANSLATE_NOOP("messages", "there is no option {label} (the question has {count})"),
    QT_TRANSLATE_NOOP("messages", "an option is named twice in {value}"),
    QT_TRANSLATE_NOOP("messages", "a single-choice question has one correct option, got {value}"),
    QT_TRANSLATE_NOOP("messages", "missing: the correct answer (正确答案), e.g. 对 or 错"),
    QT_TRANSLATE_NOOP("messages", "must be true or false (对/错, √/×, 正确/错误, T/F), got {value}"),
    QT_TRANSLATE_NOOP("messages", "missing: the accepted answers (正确答案), blanks separated by |"),
    QT_TRANSLATE_NOOP(
        "messages",
        "a blank has no answer in {value} (blanks are separated by |, answers of one blank by ;)",
    ),
    QT_TRANSLATE_NOOP("messages", "a scoring point is written 要点|分数 or 要点（N分）, got {value}"),
    QT_TRANSLATE_NOOP("messages", "not an Excel workbook (.xlsx): {reason}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "formula without a saved value: open the workbook in Excel or WPS and save it, then import it again",
    ),
    # item-writing lint (app/domain/item_lint.py): warnings of bank validate and of the import check
    QT_TRANSLATE_NOOP("messages", "warning [{rule}]: {problem}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "option {label} (the key) has {length} characters, the others {others} on average: candidates pick the "
        "longest option; make the options about as long",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "option {label} (a distractor) has {length} characters, the others {others} on average: candidates pick "
        "the longest option; make the options about as long",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "option {label} is '{text}': it rewards partial knowledge and needs a fixed order; write a fourth "
        "plausible option instead",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "distractor {label} ('{text}') is one no candidate would choose: write a mistake a candidate could make",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "the stem asks for the wrong option and only the key ({labels}) has absolute wording ({words}): candidates "
        "know that absolute statements are usually false and pick it without knowing the content; word the key "
        "without it, or a distractor with it",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{count} of the file's {total} 判断题 with absolute wording (只要, 一定, ...) are keyed false: candidates "
        "learn that such wording means false; reword some so that they are true ({ids})",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{count} of the file's {total} 判断题 with absolute wording (只要, 一定, ...) are keyed true: candidates "
        "learn that such wording means true; reword some so that they are false ({ids})",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "the file's {total} 单项选择题 are keyed {spread}: far from even (chi-square {chi2}, p < 0.05); move keys "
        "to the rarer letters by reordering options",
    ),
    QT_TRANSLATE_NOOP("messages", "{count} of the file's {total} 判断题 are keyed true: keep it between 30% and 70%"),
    QT_TRANSLATE_NOOP(
        "messages",
        "question type {value} is not supported; supported: 单选题, 多选题, 判断题, 填空题, 简答题, 论述题, "
        "案例分析题",
    ),
    QT_TRANSLATE_NOOP("messages", "media file not found: {file}"),
    QT_TRANSLATE_NOOP("messages", "option {label} is empty, but a later option is filled"),
    QT_TRANSLATE_NOOP("messages", "unknown column {column}: ignored"),
    QT_TRANSLATE_NOOP("messages", "the sheet cannot be read: {reason}"),
    QT_TRANSLATE_NOOP("messages", "options in one cell are written one per line as A. ... B. ..."),
    QT_TRANSLATE_NOOP("messages", "no questions: no row below the header is filled in"),
    QT_TRANSLATE_NOOP("messages", "no questions found: no sheet has a header row with a 题干 column"),
    QT_TRANSLATE_NOOP(
        "messages",
        "unknown field {field}; a mapping has: standard, subtype, defaults, rules, difficulty",
    ),
    QT_TRANSLATE_NOOP("messages", "a rule names what it matches: knowledge, category or tag"),
    QT_TRANSLATE_NOOP("messages", "unknown field {field}; use {fields}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "lacks what a paper needs: {fields}; give them in the file's columns or in a mapping file (--map)",
    ),
    QT_TRANSLATE_NOOP("messages", "the package unpacks to more than {files} files or {mb} MB"),
    QT_TRANSLATE_NOOP("messages", "the old Excel format (.xls) is not read: save the workbook as .xlsx"),
    QT_TRANSLATE_NOOP("messages", "{count} skill task(s): only questions are exchanged with other formats"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{count} part(s) cannot be represented in ExamDesk: skip them explicitly (--skip-unsupported) to import "
        "the rest",
    ),
    QT_TRANSLATE_NOOP("messages", "no standard: name the standard the bank is for (--standard)"),
    QT_TRANSLATE_NOOP(
        "messages",
        "difficulty {value} is not 1-5 or 易/中/难; a mapping file may name its own words (difficulty:)",
    ),
    QT_TRANSLATE_NOOP("messages", "not a .zip package: {reason}"),
    QT_TRANSLATE_NOOP("messages", "cannot be unpacked: {reason}"),
    QT_TRANSLATE_NOOP("messages", "must be a positive number, got {value}"),
    # QTI, Moodle XML and GIFT (app/banks/qti_format.py, moodle_format.py, gift_format.py, markup.py,
    # choice_scoring.py): before the generic ones
    QT_TRANSLATE_NOOP("messages", "no bank files (*.yaml, *.xlsx, *.xml, *.gift) found"),
    QT_TRANSLATE_NOOP("messages", "not XML ExamDesk reads: {reason}"),
    QT_TRANSLATE_NOOP("messages", "not a QTI item, QTI package or Moodle XML quiz (its root is <{root}>)"),
    QT_TRANSLATE_NOOP("messages", "larger than {mb} MB"),
    QT_TRANSLATE_NOOP("messages", "it declares entities (<!ENTITY ...>), which are refused"),
    QT_TRANSLATE_NOOP("messages", "not well-formed XML: {reason}"),
    QT_TRANSLATE_NOOP("messages", "not text in its declared encoding {encoding}: {reason}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "it gives partial credit that is neither all or nothing nor a share per correct option (with nothing "
        "for a wrong one)",
    ),
    QT_TRANSLATE_NOOP("messages", "a scored choice question with {count} choices (ExamDesk works out at most {most})"),
    QT_TRANSLATE_NOOP("messages", "no response scores more than 0"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the response processing template {name} is not one ExamDesk can honour (match_correct, map_response)",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "template variables (templateDeclaration): ExamDesk cannot make the item's values up",
    ),
    QT_TRANSLATE_NOOP("messages", "no itemBody: the item has no question"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{interactions} is not supported; ExamDesk has choiceInteraction, textEntryInteraction and "
        "extendedTextInteraction",
    ),
    QT_TRANSLATE_NOOP("messages", "no interaction: nothing for a candidate to answer"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{count} interactions in one item ({kinds}); ExamDesk has one question per item (several blanks are fine)",
    ),
    QT_TRANSLATE_NOOP("messages", "empty: the question has no text"),
    QT_TRANSLATE_NOOP("messages", "a choice question needs two choices or more"),
    QT_TRANSLATE_NOOP("messages", "two choices have the same identifier"),
    QT_TRANSLATE_NOOP("messages", "a choice has no text"),
    QT_TRANSLATE_NOOP("messages", "two choices read the same"),
    QT_TRANSLATE_NOOP("messages", "a choice response of cardinality {cardinality}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "an area mapping (areaMapping) belongs to a graphic interaction ExamDesk cannot show",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "a numeric answer with a tolerance ({mode} {tolerance}): ExamDesk compares answers as written",
    ),
    QT_TRANSLATE_NOOP("messages", "its own response processing uses {element}, which ExamDesk cannot honour"),
    QT_TRANSLATE_NOOP("messages", "the interaction's response {response} has no responseDeclaration"),
    QT_TRANSLATE_NOOP("messages", "no correctResponse: the key is not stated"),
    QT_TRANSLATE_NOOP("messages", "the correctResponse names {value}, which is no choice"),
    QT_TRANSLATE_NOOP("messages", "a text entry of cardinality {cardinality}"),
    QT_TRANSLATE_NOOP("messages", "the blank {blank} has no accepted answer"),
    QT_TRANSLATE_NOOP("messages", "its blanks are worth different points; ExamDesk gives each blank an equal share"),
    QT_TRANSLATE_NOOP("messages", "the manifest has no resources"),
    QT_TRANSLATE_NOOP("messages", "its mapping ({mapping}; default {default}, bounds {lower}..{upper}): {why}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the source gives a share of the points per correct option chosen; ExamDesk does so only where the "
        "paper's blueprint sets proportional credit for multiple choice",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "its mapping gives some answers part of the points, or takes points off; ExamDesk gives a blank its "
        "share for an accepted answer, or nothing",
    ),
    QT_TRANSLATE_NOOP("messages", "the source compares {answer} with its letter case; ExamDesk accepts it in any case"),
    QT_TRANSLATE_NOOP("messages", "an image from {src} is not loaded: only files of the package are kept"),
    QT_TRANSLATE_NOOP("messages", "the manifest's item resource is no assessmentItem"),
    QT_TRANSLATE_NOOP("messages", "{file} is no QTI item"),
    QT_TRANSLATE_NOOP("messages", "the manifest names {file}, which is not in the package"),
    QT_TRANSLATE_NOOP("messages", "an answer's fraction must be a number, got {value}"),
    QT_TRANSLATE_NOOP("messages", "no questions in the Moodle XML file"),
    QT_TRANSLATE_NOOP("messages", "defaultgrade must be a positive number, got {value}"),
    QT_TRANSLATE_NOOP("messages", "defaultgrade must be a number, got {value}"),
    QT_TRANSLATE_NOOP("messages", "a choice question needs two answers or more, each with its own text"),
    QT_TRANSLATE_NOOP("messages", "a wrong answer takes points off; ExamDesk gives a wrong answer nothing"),
    QT_TRANSLATE_NOOP("messages", "a cloze blank of kind {kind}; ExamDesk reads SHORTANSWER blanks only"),
    QT_TRANSLATE_NOOP("messages", "a cloze blank has no accepted answer"),
    QT_TRANSLATE_NOOP("messages", "the question type {type} is not supported; ExamDesk reads {types}"),
    QT_TRANSLATE_NOOP("messages", "its fractions ({fractions}): {why}"),
    QT_TRANSLATE_NOOP("messages", "a true/false question needs one answer, true or false, worth 100%"),
    QT_TRANSLATE_NOOP("messages", "the embedded file {file} is not base64"),
    QT_TRANSLATE_NOOP("messages", "a numeric answer with units: ExamDesk compares answers as written"),
    QT_TRANSLATE_NOOP(
        "messages",
        "an answer worth {percent}%; ExamDesk accepts an answer for the whole blank or not at all",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "a numeric answer with a tolerance (±{tolerance}): ExamDesk compares answers as written",
    ),
    QT_TRANSLATE_NOOP("messages", "an accepted answer with a wildcard (*) or none"),
    QT_TRANSLATE_NOOP("messages", "no accepted answer (one worth 100%)"),
    QT_TRANSLATE_NOOP("messages", "a cloze question without blanks"),
    QT_TRANSLATE_NOOP(
        "messages",
        "a cloze answer worth part of the blank; ExamDesk accepts an answer for the whole blank or not at all",
    ),
    QT_TRANSLATE_NOOP("messages", "a description without answers (no braces): not a question"),
    QT_TRANSLATE_NOOP("messages", "the answers' opening brace has no closing one"),
    QT_TRANSLATE_NOOP("messages", "a matching question (a -> b); ExamDesk has no matching questions"),
    QT_TRANSLATE_NOOP("messages", "each answer needs its own text"),
    QT_TRANSLATE_NOOP("messages", "answers start with = (right) or ~ (wrong)"),
    QT_TRANSLATE_NOOP(
        "messages",
        "a fill-in question with {count} blanks cannot be written in GIFT (one blank per question)",
    ),
    QT_TRANSLATE_NOOP("messages", "no questions in the GIFT file"),
    QT_TRANSLATE_NOOP(
        "messages",
        "an answer worth part of the points; ExamDesk accepts an answer for the whole blank or not at all",
    ),
    QT_TRANSLATE_NOOP("messages", "its weights ({weights}): {why}"),
    QT_TRANSLATE_NOOP("messages", "a numeric answer worth part of the points"),
    QT_TRANSLATE_NOOP("messages", "a numeric range ({range}): ExamDesk compares answers as written"),
    QT_TRANSLATE_NOOP("messages", "a numeric answer must be a number, got {value}"),
    QT_TRANSLATE_NOOP("messages", "a weight must be a number, got {value}"),
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
    # the standards' rules for a session (app/domain/staffing.py, app/domain/session_start.py); {source}
    # names the standard and its section, e.g. "4-13-99-02 1.9.4", and stays as it is
    QT_TRANSLATE_NOOP(
        "messages", "{source}: the {paper_part} part lasts at least {minimum} minutes, this session has {minutes}"
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{source}: the comprehensive review takes at least {per} minutes per candidate: {count} candidate(s) need "
        "{needed}, this session has {minutes}",
    ),
    QT_TRANSLATE_NOOP("messages", "{source}: level {level} ({name}) has no comprehensive review"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{source}: a theory room has at least {least} proctors (under full electronic surveillance), this session "
        "has {actual}",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{source}: a theory room has at least {least} proctors and 1 per {per} candidates: {candidates} candidates "
        "need {needed}, this session has {actual}",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{source}: skill examiners are at least {least}, an odd number, and 1 per {per} candidates: {candidates} "
        "candidates need {needed}, this session has {actual}",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{source}: skill examiners are at least {least} and 1 per {per} candidates: {candidates} candidates need "
        "{needed}, this session has {actual}",
    ),
    QT_TRANSLATE_NOOP("messages", "{source}: the number of skill examiners must be odd, this session has {actual}"),
    QT_TRANSLATE_NOOP("messages", "{source}: a review panel has at least {least} members, this session has {actual}"),
    QT_TRANSLATE_NOOP(
        "messages", "{source}: the number of review panel members must be odd, this session has {actual}"
    ),
    QT_TRANSLATE_NOOP("messages", "{source}: the review panel has no chair: assign one chief examiner as its chair"),
    QT_TRANSLATE_NOOP("messages", "{source}: a review panel has one chair, this session has {actual}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the skill tasks drawn for {count} of {total} candidate(s) suggest up to {needed} minutes ({tasks}), this "
        "session has {minutes}",
    ),
    QT_TRANSLATE_NOOP("messages", "session {code} is scheduled for {date}, not today ({today})"),
    QT_TRANSLATE_NOOP(
        "messages",
        "session {code} is scheduled to start at {time}, {minutes} minutes from now: confirm to start it early",
    ),
    QT_TRANSLATE_NOOP("messages", "unknown part {part}; use theory, skill or review"),
    QT_TRANSLATE_NOOP("messages", "the start {start} is not a date and time like 2026-12-05T09:00"),
    QT_TRANSLATE_NOOP("messages", "a reason is required to record electronic surveillance"),
    QT_TRANSLATE_NOOP("messages", "electronic surveillance relaxes only a theory room's proctor ratio"),
    QT_TRANSLATE_NOOP(
        "messages", "{source}: the standard does not lower the proctor ratio for electronic surveillance"
    ),
    QT_TRANSLATE_NOOP(
        "messages", "written answers are scored by at least {least} examiners, this session has {actual}"
    ),
    QT_TRANSLATE_NOOP("messages", "{scored} of {needed} review panel members have scored"),
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
    QT_TRANSLATE_NOOP("messages", "the attempt is at step {step}, this submission expected {expected}"),
    QT_TRANSLATE_NOOP("messages", "a step id is 32 lowercase hexadecimal digits, not {step_id}"),
    QT_TRANSLATE_NOOP("messages", "step {step_id} was already used for another step"),
    QT_TRANSLATE_NOOP("messages", "only the candidate's station sends heartbeats"),
    # a dead PC's journal, imported by the proctor (app/services/journal_import.py)
    QT_TRANSLATE_NOOP("messages", "{role} may not import a station journal"),
    QT_TRANSLATE_NOOP("messages", "the attempt was submitted: the {count} steps this file still holds cannot be added"),
    QT_TRANSLATE_NOOP("messages", "{file} is not a station journal export"),
    QT_TRANSLATE_NOOP("messages", "{file} was altered, or was not sealed by station {station} of this centre"),
    QT_TRANSLATE_NOOP(
        "messages", "{file} holds the answers of ticket {ticket}, who is not a candidate of this session"
    ),
    QT_TRANSLATE_NOOP("messages", "{file} mixes the records of several candidates"),
    QT_TRANSLATE_NOOP("messages", "{file} comes from station {station}, where ticket {ticket} never logged in"),
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
    QT_TRANSLATE_NOOP("messages", "and {count} more"),
    QT_TRANSLATE_NOOP("messages", "user {user} has no duty {duty} in this session"),
    QT_TRANSLATE_NOOP("messages", "user {user} has already scored in this session: the duty stays"),
    # the materials register's states (app/services/review.py)
    QT_TRANSLATE_NOOP("messages", "unknown state of a review material {state}"),
    QT_TRANSLATE_NOOP("messages", "no review material {material}"),
    QT_TRANSLATE_NOOP("messages", "the material {title} is still expected: mark it received or missing"),
    # per-task examiner duties (app/services/scoring.py)
    QT_TRANSLATE_NOOP("messages", "user {user} has already scored in this session: the tasks stay"),
    QT_TRANSLATE_NOOP("messages", "skill task {task} is not among the tasks assigned to you"),
    QT_TRANSLATE_NOOP("messages", "session {code} is not a skill assessment: its examiners have no tasks to divide"),
    QT_TRANSLATE_NOOP("messages", "user {user} is not an examiner of session {code}"),
    QT_TRANSLATE_NOOP("messages", "no skill task {task} for session {code}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{source}: skill task {task} is scored by {actual} examiner(s); each task needs at least {least}, an odd "
        "number",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "{source}: skill task {task} is scored by {actual} examiner(s); each task needs at least {least}"
    ),
    QT_TRANSLATE_NOOP("messages", "row {row}: ticket {ticket} is already in this session"),
    QT_TRANSLATE_NOOP("messages", "no candidate {candidate}"),
    QT_TRANSLATE_NOOP("messages", "ticket number and ID number do not match"),
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} has no session open now"),
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} is in more than one session now: ask the proctor"),
    QT_TRANSLATE_NOOP(
        "messages", "ticket {ticket} is logged in on station {station}; a proctor must allow the move first"
    ),
    # candidates at their seat (app/services/seating.py)
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} is not checked in: ask the proctor"),
    QT_TRANSLATE_NOOP("messages", "this seat is not yours: ask the proctor"),
    QT_TRANSLATE_NOOP("messages", "the move code is wrong or has expired: ask the proctor"),
    QT_TRANSLATE_NOOP("messages", "too many failed logins: try again in {seconds} s"),
    QT_TRANSLATE_NOOP("messages", "station {station} is already the seat of ticket {ticket}"),
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} has logged in at station {station}: move the candidate instead"),
    QT_TRANSLATE_NOOP("messages", "you have been moved to station {station}: continue there"),
    QT_TRANSLATE_NOOP("messages", "a proctor is moving you to another station: continue there"),
    QT_TRANSLATE_NOOP("messages", "ticket {ticket} and station {station} are not in session {session}"),
    QT_TRANSLATE_NOOP("messages", "only the candidate keeps their screen settings"),
    QT_TRANSLATE_NOOP("messages", "these screen settings are out of range"),
    QT_TRANSLATE_NOOP("messages", "no attempt {attempt}"),
    # editing and cancelling a session, deactivating an account (app/services/sessions.py, accounts.py)
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}: it can no longer change"),
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}: only a session not yet started can be cancelled"),
    QT_TRANSLATE_NOOP("messages", "session {code} is cancelled: its records can no longer change"),
    QT_TRANSLATE_NOOP("messages", "session {code} is cancelled: it has no results to export"),
    QT_TRANSLATE_NOOP(
        "messages",
        "session {code} has started: only its room can change; time is changed by the proctors' pauses and "
        "extensions",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "session {code} has papers: each fixed its candidate's time, so the duration no longer changes"
    ),
    QT_TRANSLATE_NOOP("messages", "session {code} changed while papers were built: prepare again"),
    QT_TRANSLATE_NOOP("messages", "a reason is required to change a session"),
    QT_TRANSLATE_NOOP("messages", "a reason is required to cancel a session"),
    QT_TRANSLATE_NOOP("messages", "the room cannot be empty"),
    QT_TRANSLATE_NOOP("messages", "nothing to change: the values are the session's own"),
    QT_TRANSLATE_NOOP("messages", "account {user} is already active"),
    QT_TRANSLATE_NOOP("messages", "account {user} is already deactivated"),
    QT_TRANSLATE_NOOP("messages", "you cannot deactivate your own account: another admin can"),
    QT_TRANSLATE_NOOP("messages", "account {user} is the last active admin: it stays active"),
    QT_TRANSLATE_NOOP("messages", "account {user} is deactivated: reactivate it before giving it a duty"),
    # the room's papers (app/services/room_papers.py)
    QT_TRANSLATE_NOOP("messages", "session {code} is cancelled: it has no sign-in sheet"),
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}: its room record is printed once it is closed"),
    QT_TRANSLATE_NOOP("messages", "session {code} changed while its room record was being read: print it again"),
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}"),
    QT_TRANSLATE_NOOP("messages", "session {session} is not open: its clock cannot change"),
    QT_TRANSLATE_NOOP("messages", "another save for this attempt landed first"),
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}, not open"),
    QT_TRANSLATE_NOOP("messages", "{count} attempt(s) are still open: submit or terminate them first"),
    QT_TRANSLATE_NOOP("messages", "only a closed session can be archived; {code} is {state}"),
    QT_TRANSLATE_NOOP("messages", "session {code} is archived: its records can no longer change"),
    QT_TRANSLATE_NOOP("messages", "a reason is required to reschedule a session"),
    QT_TRANSLATE_NOOP("messages", "an export with names and ID numbers in full needs a reason"),
    # an answer of the wrong shape (app/domain/answers.py), refused at save
    QT_TRANSLATE_NOOP("messages", "question {number}: {problem}"),
    QT_TRANSLATE_NOOP("messages", "the paper has an item of unknown type {type}"),
    QT_TRANSLATE_NOOP("messages", "a single-choice answer is one of the options {labels}"),
    QT_TRANSLATE_NOOP("messages", "a multiple-choice answer is a list of the options {labels}"),
    QT_TRANSLATE_NOOP("messages", "a multiple-choice answer names each option once"),
    QT_TRANSLATE_NOOP("messages", "a true-or-false answer is true or false"),
    QT_TRANSLATE_NOOP("messages", "a fill-in answer is the text of each blank"),
    QT_TRANSLATE_NOOP("messages", "this question has {blanks} blank(s), the answer has {given}"),
    QT_TRANSLATE_NOOP("messages", "the answer is longer than {limit} KiB of text"),
    QT_TRANSLATE_NOOP("messages", "a written answer is text"),
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}: only a session not yet started moves"),
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
    QT_TRANSLATE_NOOP("messages", "the result is already recorded"),
    # duties (app/services/base.py require_duty): a role says what, a duty where
    QT_TRANSLATE_NOOP("messages", "you are not a proctor of session {code}"),
    QT_TRANSLATE_NOOP("messages", "you are not an examiner of session {code}"),
    QT_TRANSLATE_NOOP("messages", "you are not the chief examiner of session {code}"),
    QT_TRANSLATE_NOOP("messages", "you are not on the review panel of session {code}"),
    QT_TRANSLATE_NOOP("messages", "you have no duty in session {code} that allows this (needs {duties})"),
    QT_TRANSLATE_NOOP("messages", "session {code} is {state}: answer keys are read only after it closes"),
    QT_TRANSLATE_NOOP("messages", "no attempt {attempt} in session {code}"),
    QT_TRANSLATE_NOOP("messages", "no candidate {candidate} in session {code}"),
    QT_TRANSLATE_NOOP("messages", "item analysis is for theory sessions; {code} is a {paper_part} session"),
    QT_TRANSLATE_NOOP("messages", "item analysis waits until the session is closed; {code} is {state}"),
    QT_TRANSLATE_NOOP("messages", "question {n} has no rubric"),
    QT_TRANSLATE_NOOP("messages", "you have already scored this task"),
    QT_TRANSLATE_NOOP("messages", "not ready: {waiting}"),
    QT_TRANSLATE_NOOP("messages", "question {n}: {scored} of {needed} examiners have scored"),
    QT_TRANSLATE_NOOP(
        "messages", "question {n}: scores {scores} differ by {spread}: the chief examiner must arbitrate"
    ),
    QT_TRANSLATE_NOOP("messages", "you have already scored this candidate"),
    QT_TRANSLATE_NOOP("messages", "this paper has examiner-scored items; score them before grading"),
    QT_TRANSLATE_NOOP("messages", "rubric point {n} ({point}) has no score"),
    QT_TRANSLATE_NOOP("messages", "no rubric point {n}"),
    QT_TRANSLATE_NOOP("messages", "rubric point {n} ({point}) allows 0..{maximum}, got {value}"),
    QT_TRANSLATE_NOOP("messages", "the attempt is already graded"),
    QT_TRANSLATE_NOOP("messages", "please keep reading the rules for {seconds} more seconds"),
    QT_TRANSLATE_NOOP("messages", "a review panel needs {rule} members, got {count}"),
    QT_TRANSLATE_NOOP("messages", "the comprehensive review has no paper: a panel scores it"),
    QT_TRANSLATE_NOOP("messages", "the session's candidates changed while papers were built: prepare again"),
    QT_TRANSLATE_NOOP("messages", "session {code} kept changing while it was being closed: close it again"),
    QT_TRANSLATE_NOOP("messages", "session {code} kept changing while it was being finalized: finalize again"),
    QT_TRANSLATE_NOOP(
        "messages", "session {code} changed while its bundle was being written ({action} on {target}): export again"
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "session {code}: another session recorded a result of the same registration while its bundle was being "
        "written: export again",
    ),
    QT_TRANSLATE_NOOP("messages", "the candidate was absent: there is nothing to grade"),
    QT_TRANSLATE_NOOP(
        "messages", "standard {code} edition {edition} is already in use; a revision needs a new edition"
    ),
    QT_TRANSLATE_NOOP("messages", "standard {code} is in more than one of these files"),
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
    QT_TRANSLATE_NOOP("messages", "照片 {file}: the name is longer than {most} characters"),
    QT_TRANSLATE_NOOP("messages", "照片 {file}: cannot read: {reason}"),
    QT_TRANSLATE_NOOP("messages", "{column} holds the control character {code}"),
    QT_TRANSLATE_NOOP("messages", "not a workbook Excel can read ({reason})"),
    QT_TRANSLATE_NOOP("messages", "not a CSV table Excel can read ({reason})"),
    # zip files: Excel rosters and result bundles (app/reports/zip_members.py)
    QT_TRANSLATE_NOOP("messages", "not a readable zip file ({reason})"),
    QT_TRANSLATE_NOOP("messages", "{member} is encrypted; ExamDesk reads no encrypted zip members"),
    QT_TRANSLATE_NOOP(
        "messages", "{member} uses compression method {method}; ExamDesk reads stored or deflated members"
    ),
    QT_TRANSLATE_NOOP("messages", "{member} needs zip version {version} to extract; ExamDesk reads up to {most}"),
    QT_TRANSLATE_NOOP("messages", "{member} inflates to more than {limit}, the most ExamDesk reads"),
    QT_TRANSLATE_NOOP("messages", "{member} is corrupt ({reason})"),
    # result bundles (app/reports/verify.py), after "INVALID:"
    QT_TRANSLATE_NOOP("messages", "duplicate member: {name}"),
    QT_TRANSLATE_NOOP("messages", "missing file: {name} (a theory session's bundle of {format} carries it)"),
    QT_TRANSLATE_NOOP("messages", "missing file: {name}"),
    QT_TRANSLATE_NOOP("messages", "extra file: {name}"),
    QT_TRANSLATE_NOOP("messages", "wrong key: the bundle names key {named}…, the given public key is {given}…"),
    QT_TRANSLATE_NOOP("messages", "bad signature: manifest.json was changed or not signed by this key"),
    QT_TRANSLATE_NOOP("messages", "manifest.json: JSON nested too deeply"),
    QT_TRANSLATE_NOOP("messages", "manifest.json: not JSON ({reason})"),
    QT_TRANSLATE_NOOP("messages", "manifest.json: not a JSON object"),
    QT_TRANSLATE_NOOP("messages", "manifest.json: files[{n}] is not a file entry (path, sha256, size)"),
    QT_TRANSLATE_NOOP("messages", "manifest.json: files[{n}] lists {name} twice"),
    QT_TRANSLATE_NOOP("messages", "unknown bundle format {format}"),
    QT_TRANSLATE_NOOP("messages", "size mismatch: {name} is {size} bytes, manifest says {listed}"),
    QT_TRANSLATE_NOOP("messages", "digest mismatch: {name}"),
    QT_TRANSLATE_NOOP("messages", "response_matrix.csv: the header is not {columns}"),
    QT_TRANSLATE_NOOP("messages", "response_matrix.csv: row {n} has {cells} cells, not {columns}"),
    QT_TRANSLATE_NOOP("messages", "response_matrix.csv: not UTF-8 text"),
    QT_TRANSLATE_NOOP("messages", "response_matrix.csv: not CSV ({reason})"),
    QT_TRANSLATE_NOOP(
        "messages",
        "response_matrix.csv: {rows} rows of {candidates} candidates, the manifest says {listed_rows} rows of "
        "{listed_candidates}",
    ),
    # data files: YAML text (app/banks/yaml_source.py); {problem} is the parser's own wording
    QT_TRANSLATE_NOOP("messages", "not UTF-8 text ({reason})"),
    QT_TRANSLATE_NOOP("messages", "YAML syntax: {problem}"),
    QT_TRANSLATE_NOOP("messages", "a mapping key must be a plain value"),
    QT_TRANSLATE_NOOP("messages", "duplicate key {key}"),
    QT_TRANSLATE_NOOP("messages", "mapping values are not allowed in this context"),
    QT_TRANSLATE_NOOP("messages", "found character that cannot start any token"),
    QT_TRANSLATE_NOOP("messages", "found unexpected end of stream"),
    QT_TRANSLATE_NOOP("messages", "did not find expected key"),
    QT_TRANSLATE_NOOP("messages", "did not find expected '-' indicator"),
    QT_TRANSLATE_NOOP("messages", "did not find expected ',' or ']'"),
    QT_TRANSLATE_NOOP("messages", "{value} is not a real date; write text that only looks like a date in quotes"),
    QT_TRANSLATE_NOOP("messages", "{value} cannot be read as {tag}"),
    QT_TRANSLATE_NOOP("messages", "{tag} values are not used in ExamDesk files"),
    QT_TRANSLATE_NOOP("messages", "nested more than {depth} levels deep"),
    QT_TRANSLATE_NOOP("messages", "character U+{code} is not allowed in YAML text (a control or special character)"),
    # data files: fields (app/banks/fields.py); the specific "must be ..., got" shapes come before
    # the general one. {kinds} is "text", "an integer", ... joined by " or "; {got} may be "a list".
    QT_TRANSLATE_NOOP("messages", "missing"),
    QT_TRANSLATE_NOOP("messages", "must be a mapping, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be a list, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be text, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be a number, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be a positive multiple of 0.5, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be between 1 and 100, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be 1..5, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be true or false, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be at most {most}, got {got}"),
    QT_TRANSLATE_NOOP("messages", "must be {kinds}, got {got}"),
    QT_TRANSLATE_NOOP("messages", "text"),
    QT_TRANSLATE_NOOP("messages", "an integer"),
    QT_TRANSLATE_NOOP("messages", "a number"),
    QT_TRANSLATE_NOOP("messages", "true or false"),
    QT_TRANSLATE_NOOP("messages", "a mapping"),
    QT_TRANSLATE_NOOP("messages", "a list"),
    QT_TRANSLATE_NOOP("messages", "a date"),
    # bank files (app/banks/bank_file.py, app/services/library.py)
    QT_TRANSLATE_NOOP("messages", "no such file or directory"),
    QT_TRANSLATE_NOOP("messages", "not a question bank (examdesk-bank/1); a standard is imported with Import standard"),
    # two imports at once (app/services/library.py)
    QT_TRANSLATE_NOOP(
        "messages",
        "a bank file of this name was imported meanwhile (by another station or window); see the banks in use, then "
        "import again only what is missing",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "standards were imported meanwhile (by another station or window): see the standards in use, then import "
        "again",
    ),
    QT_TRANSLATE_NOOP("messages", "expected {expected}, got {got}"),
    QT_TRANSLATE_NOOP("messages", "unknown subtype {subtype}; {standard} has: {choices}"),
    QT_TRANSLATE_NOOP("messages", "unknown standard {code}; known: {known}"),
    # exporting a bank in use (app/services/library.py, LibraryService.export_bank)
    QT_TRANSLATE_NOOP("messages", "unknown export format {format}; formats: {known}"),
    QT_TRANSLATE_NOOP("messages", "no bank {bank} in use; banks: {known}"),
    QT_TRANSLATE_NOOP("messages", "bank {bank} is in use in version {in_use}, not {version}"),
    QT_TRANSLATE_NOOP("messages", "bank {bank} has no questions of level {level}"),
    QT_TRANSLATE_NOOP("messages", "{standard} has no subtype {subtype}; subtypes: {known}"),
    QT_TRANSLATE_NOOP("messages", "{standard} has no level {level}; levels: {known}"),
    QT_TRANSLATE_NOOP("messages", "bank id {bank} already used by {source}"),
    QT_TRANSLATE_NOOP("messages", "duplicate id {id} (first in {source})"),
    QT_TRANSLATE_NOOP("messages", "the bank has neither items nor tasks"),
    QT_TRANSLATE_NOOP("messages", "a level must be a number or name, got {got}"),
    QT_TRANSLATE_NOOP("messages", "unknown type {type}; use one of {known}"),
    QT_TRANSLATE_NOOP("messages", "media files cannot be imported into the store yet"),
    QT_TRANSLATE_NOOP("messages", "file not found: {file}"),
    # items and skill tasks (app/domain/items.py)
    QT_TRANSLATE_NOOP("messages", "empty"),
    QT_TRANSLATE_NOOP("messages", "empty: list the levels whose papers may use this item"),
    QT_TRANSLATE_NOOP("messages", "a {type} item has no options"),
    QT_TRANSLATE_NOOP("messages", "must be one option label, e.g. B"),
    QT_TRANSLATE_NOOP("messages", "{key} is not among the options {labels}"),
    QT_TRANSLATE_NOOP("messages", "must be a list of option labels, e.g. [A, C]"),
    QT_TRANSLATE_NOOP("messages", "{labels} not among the options"),
    QT_TRANSLATE_NOOP("messages", "a label is listed twice"),
    QT_TRANSLATE_NOOP("messages", "a multiple-choice item needs at least two correct options"),
    QT_TRANSLATE_NOOP("messages", "every option is correct; leave at least one wrong option"),
    QT_TRANSLATE_NOOP("messages", "must be true or false"),
    QT_TRANSLATE_NOOP("messages", "must be one list of accepted answers per blank"),
    QT_TRANSLATE_NOOP("messages", "the stem has {blanks} blank(s) (____) but the key has {answers}"),
    QT_TRANSLATE_NOOP("messages", "a {type} item needs a rubric"),
    QT_TRANSLATE_NOOP("messages", "maxima add up to {total}, but points is {points}"),
    QT_TRANSLATE_NOOP("messages", "must be positive"),
    QT_TRANSLATE_NOOP("messages", "needs 3 to {most} options, has {count}"),
    QT_TRANSLATE_NOOP("messages", "labels must be {expected} in order"),
    QT_TRANSLATE_NOOP("messages", "empty option text"),
    QT_TRANSLATE_NOOP("messages", "the option text {text} appears twice"),
    QT_TRANSLATE_NOOP("messages", "a skill task needs at least one scoring point"),
    QT_TRANSLATE_NOOP("messages", "level {level} does not exist; known: {known}"),
    QT_TRANSLATE_NOOP(
        "messages", "level {level} has no area {area}, and no weight file read with this bank adds it (own_areas)"
    ),
    QT_TRANSLATE_NOOP("messages", "level {level} has no area {area}"),
    QT_TRANSLATE_NOOP("messages", "{area} is not weighted in the {part} table of level {level}"),
    QT_TRANSLATE_NOOP("messages", "no content {code} under {area} in the listed levels"),
    # observed and oral skill tasks in a bank (app/domain/items.py, app/banks/bank_file.py)
    QT_TRANSLATE_NOOP("messages", "unknown mode {mode}; use one of {known}"),
    QT_TRANSLATE_NOOP("messages", "an observed task says its form: {forms}"),
    QT_TRANSLATE_NOOP("messages", "only an observed task has a form; this task is {mode}"),
    QT_TRANSLATE_NOOP("messages", "an oral task needs a pool of at least {least} question cards, has {count}"),
    QT_TRANSLATE_NOOP("messages", "the same question is in the pool twice"),
    QT_TRANSLATE_NOOP("messages", "list the points the examiners expect in the answer"),
    QT_TRANSLATE_NOOP("messages", "only an oral task has question cards; this task is {mode}"),
    # standard and weight files (app/banks/standard_file.py, app/domain/standards.py)
    QT_TRANSLATE_NOOP("messages", "standard {code} defined twice"),
    QT_TRANSLATE_NOOP("messages", "unsupported schema {schema}, expected {expected}"),
    QT_TRANSLATE_NOOP("messages", "is {code}, but the paper is for standard {standard}"),
    QT_TRANSLATE_NOOP("messages", "unknown level; {standard} has: {levels}"),
    QT_TRANSLATE_NOOP("messages", "weight must be a positive integer, got {got}"),
    QT_TRANSLATE_NOOP("messages", "unknown area {area}; this level has: {known}"),
    QT_TRANSLATE_NOOP("messages", "基本要求 areas are not weighted in skill tables"),
    QT_TRANSLATE_NOOP("messages", "weights sum to {total}, must be 100"),
    QT_TRANSLATE_NOOP("messages", "no levels defined"),
    QT_TRANSLATE_NOOP("messages", "level {level} appears twice"),
    QT_TRANSLATE_NOOP("messages", "content code {code} twice"),
    QT_TRANSLATE_NOOP("messages", "missing (official_weights is true)"),
    # rules a standard borrows, and what an exam owner's weight file adds or sets
    QT_TRANSLATE_NOOP("messages", "name the standard (and section) the rules are borrowed from"),
    QT_TRANSLATE_NOOP("messages", "empty: list the rules borrowed"),
    QT_TRANSLATE_NOOP("messages", "unknown rule {rule}; use {rules}"),
    QT_TRANSLATE_NOOP("messages", "{name} is listed twice"),
    QT_TRANSLATE_NOOP("messages", "{standard} sets {rule} itself; a weight file cannot change it"),
    QT_TRANSLATE_NOOP("messages", "the exam owner's own areas are weighted in theory tables only"),
    QT_TRANSLATE_NOOP("messages", "{standard} has official weight tables; a weight file cannot add areas to it"),
    QT_TRANSLATE_NOOP("messages", "{area} is already an area of this level"),
    QT_TRANSLATE_NOOP("messages", "empty: list the content codes items may cite"),
    QT_TRANSLATE_NOOP("messages", "unknown field {field}; a level may set: {fields}"),
    # blueprint files (app/banks/blueprint_file.py, app/domain/blueprint.py)
    QT_TRANSLATE_NOOP("messages", "only theory blueprints have a type mix; skill papers take one task per area"),
    QT_TRANSLATE_NOOP("messages", "unknown item type {type}"),
    QT_TRANSLATE_NOOP("messages", "{type} items are examiner-scored; a theory mix holds objective types"),
    QT_TRANSLATE_NOOP("messages", "must be all_or_nothing or proportional"),
    QT_TRANSLATE_NOOP("messages", "no theory blueprint applies to {standard} level {level}"),
    QT_TRANSLATE_NOOP("messages", "{count} blueprints apply equally to {standard} level {level}: {names}"),
    QT_TRANSLATE_NOOP("messages", "count x points add up to {total}, must be 100"),
    QT_TRANSLATE_NOOP("messages", "type {type} listed twice"),
    QT_TRANSLATE_NOOP("messages", "must be a positive multiple of 0.5"),
    QT_TRANSLATE_NOOP("messages", "must be between 1 and 5"),
    QT_TRANSLATE_NOOP("messages", "a file that applies to one level cannot set other levels"),
    QT_TRANSLATE_NOOP("messages", "must be between 0 and 4"),
    # item enemies (app/banks/bank_file.py, app/domain/items.py)
    QT_TRANSLATE_NOOP("messages", "an item cannot be its own enemy"),
    QT_TRANSLATE_NOOP("messages", "{id} is a skill task; enemies are items"),
    QT_TRANSLATE_NOOP("messages", "unknown item {id}: no bank read with this one has it"),
    # banks that cannot fill a paper (app/domain/paper_assembly.py AssemblyError: a heading, then one
    # "  - " line per shortage), and a level without a weight table (app/domain/standards.py)
    QT_TRANSLATE_NOOP(
        "messages", "The bank cannot fill a {paper_part} paper for {standard} level {level} ({name}) exactly:"
    ),
    QT_TRANSLATE_NOOP("messages", "The bank cannot fill a skill assessment for {standard} level {level} ({name}):"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{cell}: needs {need}; the bank has {available}, but enemies may not share a paper, so only {usable} can "
        "(short by {shortfall}, {points} points); enemy pairs: {pairs}",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{cell}: needs {need}; {free} have no enemy, so {bound} must come from items with enemies, and {why}; "
        "enemy pairs: {pairs}",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "{cell}: needs {need}, the bank has {available} (short by {shortfall}, {points} points)"
    ),
    QT_TRANSLATE_NOOP(
        "messages", "{area}: {points} points cannot be made from the blueprint's item points; change the type mix"
    ),
    QT_TRANSLATE_NOOP("messages", "no allocation fits the bank's items"),
    # a blueprint's difficulty target the bank cannot reach (a warning, or a line of the error above)
    QT_TRANSLATE_NOOP(
        "messages", "The bank cannot reach the blueprint's mean difficulty for {standard} level {level} ({name}):"
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "mean difficulty: {source} sets the target {target} ± {tolerance}, but the hardest paper these items make "
        "has {reach} (the level's items average {mean}); write harder items or lower the target",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "mean difficulty: {source} sets the target {target} ± {tolerance}, but the easiest paper these items make "
        "has {reach} (the level's items average {mean}); write easier items or raise the target",
    ),
    QT_TRANSLATE_NOOP("messages", "{area}: no skill task for this level"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{standard} has no official {paper_part} weight table for level {level} ({name}); the exam owner must "
        "supply one with --weights FILE (see docs/bank-format.md, 'Weight files')",
    ),
    # the service contract (app/api): sign-ins, jobs, requests that do not fit, faults
    QT_TRANSLATE_NOOP("messages", "sign in first"),
    QT_TRANSLATE_NOOP("messages", "you have been signed out: sign in again"),
    QT_TRANSLATE_NOOP("messages", "your sign-in has expired: sign in again"),
    QT_TRANSLATE_NOOP("messages", "this sign-in belongs to another station: sign in here"),
    QT_TRANSLATE_NOOP("messages", "no job {job}"),
    QT_TRANSLATE_NOOP("messages", "the service failed unexpectedly; the fault is logged at the centre"),
    QT_TRANSLATE_NOOP("messages", "no such call: {method}"),
    QT_TRANSLATE_NOOP("messages", "{method}: the call does not fit: {problem}"),
    QT_TRANSLATE_NOOP("messages", "{method}: the arguments must be an object"),
    QT_TRANSLATE_NOOP("messages", "{method}: unknown argument {name}"),
    QT_TRANSLATE_NOOP("messages", "{method}: missing argument {name}"),
    QT_TRANSLATE_NOOP("messages", "{method}: argument {name}: {problem}"),
    QT_TRANSLATE_NOOP("messages", "a request names its method"),
    QT_TRANSLATE_NOOP("messages", "{method}: token and station must be text"),
    QT_TRANSLATE_NOOP("messages", "the request is not JSON"),
    QT_TRANSLATE_NOOP("messages", "the centre cannot be reached: {reason}"),
    # centre mode: enrolment, stations, the centre's set-up (app/centre, app/station, app/services/stations.py)
    QT_TRANSLATE_NOOP("messages", "{role} may not follow a session"),
    QT_TRANSLATE_NOOP("messages", "station {station}: {problem}"),
    QT_TRANSLATE_NOOP("messages", "this PC is not enrolled with the centre"),
    QT_TRANSLATE_NOOP("messages", "this PC is not enrolled with the centre (or its enrolment was revoked)"),
    QT_TRANSLATE_NOOP("messages", "this enrolment code is not valid for station {station}"),
    QT_TRANSLATE_NOOP("messages", "this enrolment code has expired: ask the admin for a new one"),
    QT_TRANSLATE_NOOP("messages", "station {station} is not enrolled"),
    QT_TRANSLATE_NOOP("messages", "no store at {path}: create one with 'examdesk store init'"),
    QT_TRANSLATE_NOOP("messages", "no centre certificates in {folder}: run 'examdesk centre init' first"),
    QT_TRANSLATE_NOOP("messages", "give the enrolment code the admin's screen shows (--code)"),
    QT_TRANSLATE_NOOP("messages", "--listen {listen}: give HOST:PORT, e.g. 0.0.0.0:8443"),
    QT_TRANSLATE_NOOP("messages", "--workers {workers}: give 1 or more"),
    QT_TRANSLATE_NOOP("messages", "centre worker {index} stopped at its start {count} times running (exit {code}): "
                                  "see the log above"),
    QT_TRANSLATE_NOOP("messages", "the centre process that ran this job stopped: start it again"),
    QT_TRANSLATE_NOOP("messages", "no centre set up in {folder}: run 'examdesk centre init' first"),
    QT_TRANSLATE_NOOP("messages", "name at least one host name or address the stations use to reach the centre"),
    QT_TRANSLATE_NOOP("messages", "an enrolment code has {n} characters (groups of 5); this one has {got}"),
    QT_TRANSLATE_NOOP("messages", "the centre's CA certificate cannot be read"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the centre at {address} is not the one the code belongs to (its certificate's fingerprint differs): "
        "do not enrol; tell the admin",
    ),
    QT_TRANSLATE_NOOP("messages", "this PC is not enrolled with a centre ({path} is missing): enrol it first"),
    QT_TRANSLATE_NOOP("messages", "--copy-to is for a SQLite store; PostgreSQL centres keep a standby instead"),
    QT_TRANSLATE_NOOP("messages", "the journal in {folder} is open in another window"),
    QT_TRANSLATE_NOOP("messages", "no station journal in {folder}: {problem}"),
    QT_TRANSLATE_NOOP("messages", "a record of {size} bytes at offset {at}"),
    QT_TRANSLATE_NOOP("messages", "{path} is the journal of another station"),
    QT_TRANSLATE_NOOP("messages", "{path} is not a station journal"),
    QT_TRANSLATE_NOOP("messages", "{path}: record {n} follows record {last}"),
    QT_TRANSLATE_NOOP("messages", "{path}: record {n} fails authentication"),
    QT_TRANSLATE_NOOP("messages", "{address}: a centre address is https://HOST[:PORT]"),
    QT_TRANSLATE_NOOP("messages", "{path}: not a centre configuration ({problem})"),
    QT_TRANSLATE_NOOP("messages", "{path}: not a station enrolment ({problem}); enrol this PC again"),
    # a station's centre-mode launchers (app/station/shortcuts.py)
    QT_TRANSLATE_NOOP("messages", "the {name} {value} has spaces around it or a line break"),
    QT_TRANSLATE_NOOP("messages", "unknown role {role}: one of {roles}"),
    QT_TRANSLATE_NOOP("messages", "{folder} is not a folder"),
    QT_TRANSLATE_NOOP("messages", "cannot write {path}: {error}"),
    # station readiness (app/services/readiness.py) and the reasons of its checks (app/station/readiness.py)
    QT_TRANSLATE_NOOP("messages", "the readiness report is malformed: {problem}"),
    QT_TRANSLATE_NOOP("messages", "station {station} is not enrolled at this centre"),
    QT_TRANSLATE_NOOP("messages", "single-station mode: the services run in this program, no network is needed"),
    QT_TRANSLATE_NOOP("messages", "the centre answers over a verified secure connection ({ms} ms)"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the centre answers, but not over a verified secure connection: answers could be read or changed on "
        "the network; enrol this station again",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "no answer from the centre: {error}; check the network cable and the centre's address",
    ),
    QT_TRANSLATE_NOOP("messages", "single-station mode: exam time runs on this PC's own clock"),
    QT_TRANSLATE_NOOP("messages", "this PC's clock is within {seconds} s of the centre's"),
    QT_TRANSLATE_NOOP(
        "messages",
        "this PC's clock is {seconds} s ahead of the centre's: exam time follows the centre's clock, but this "
        "PC's own records will carry a wrong time; set the clock or turn on time sync",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "this PC's clock is {seconds} s behind the centre's: exam time follows the centre's clock, but this "
        "PC's own records will carry a wrong time; set the clock or turn on time sync",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "this PC's clock is {seconds} s ahead of the centre's: over a minute off means a wrong date, time or "
        "time zone, which can break the secure connection (the centre's certificate looks expired or not yet "
        "valid); set the clock",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "this PC's clock is {seconds} s behind the centre's: over a minute off means a wrong date, time or "
        "time zone, which can break the secure connection (the centre's certificate looks expired or not yet "
        "valid); set the clock",
    ),
    QT_TRANSLATE_NOOP("messages", "the clock offset to the centre could not be measured: {error}"),
    QT_TRANSLATE_NOOP("messages", "ExamDesk {version}, the same as the centre"),
    QT_TRANSLATE_NOOP(
        "messages",
        "this station runs ExamDesk {ours}, the centre {theirs}: install the centre's version here",
    ),
    QT_TRANSLATE_NOOP("messages", "the centre's ExamDesk version could not be read: {error}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{free} MB free in {folder}; a test file was written, synced and read back in {ms} ms",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "only {free} MB free in {folder}: at least {advised} MB is advised; free some space",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "only {free} MB free in {folder}: answers kept on this PC while the link is down need room, at least "
        "{needed} MB; free some space",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "writing and syncing a test file in {folder} took {ms} ms: the disk is very slow or failing",
    ),
    QT_TRANSLATE_NOOP("messages", "a test file in {folder} could not be written and read back: {error}"),
    QT_TRANSLATE_NOOP("messages", "one screen of {width}×{height}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the screen shows {width}×{height}: ExamDesk needs at least {min_width}×{min_height} (check the "
        "resolution and the display scaling)",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{count} screens are connected: another screen can show the exam to others; disconnect it",
    ),
    QT_TRANSLATE_NOOP("messages", "no screen was found"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the screen was not checked: no display here (run the check on the station's desktop)",
    ),
    QT_TRANSLATE_NOOP("messages", "Chinese text shows in {font}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "no font on this PC can show Chinese: questions would show as empty boxes; install a CJK font such as "
        "Noto Sans CJK SC",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "the fonts were not checked: no display here (run the check on the station's desktop)",
    ),
    QT_TRANSLATE_NOOP("messages", "no sign of a virtual machine"),
    QT_TRANSLATE_NOOP(
        "messages",
        "this PC looks like a virtual machine ({evidence}): other programs could run beside the exam unseen; "
        "use a physical PC",
    ),
    QT_TRANSLATE_NOOP("messages", "no sign of a remote session or remote-control program"),
    QT_TRANSLATE_NOOP(
        "messages",
        "a remote session or remote-control program ({evidence}): someone elsewhere may see or control this "
        "PC; run the exam at the PC itself",
    ),
    # a PostgreSQL centre's standby (app/centre/standby.py, app/services/standby.py, app/centre/commands.py)
    QT_TRANSLATE_NOOP("messages", "a SQLite centre has no standby: it copies its store to a second disk instead"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the centre holds its saves until its standby answers or the admin goes on without it",
    ),
    QT_TRANSLATE_NOOP("messages", "standby name {name}: use 1 to 63 lower-case letters, digits and '_'"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{url}: a standby is for a PostgreSQL store; a SQLite centre copies its store instead (--copy-to)",
    ),
    QT_TRANSLATE_NOOP("messages", "the PostgreSQL server at {server} cannot be reached: {reason}"),
    QT_TRANSLATE_NOOP("messages", "the server at {server} is a standby itself: attach on the primary"),
    QT_TRANSLATE_NOOP(
        "messages",
        "no standby named {name} is streaming from {server} (streaming: {streaming}): start it first "
        "('examdesk centre standby init')",
    ),
    QT_TRANSLATE_NOOP("messages", "the server at {server} is not a standby (it is a primary already)"),
    QT_TRANSLATE_NOOP("messages", "the standby at {server} did not finish promotion within 60 s"),
    QT_TRANSLATE_NOOP("messages", "the server at {server} is a standby: prepare the primary"),
    QT_TRANSLATE_NOOP(
        "messages",
        "the PostgreSQL program {tool} is not installed on this PC: install PostgreSQL (the same major version "
        "as the primary's) first",
    ),
    QT_TRANSLATE_NOOP("messages", "--primary {primary}: give HOST:PORT of the primary's PostgreSQL"),
    QT_TRANSLATE_NOOP("messages", "{folder} is not empty: give a new folder for the standby's data"),
    QT_TRANSLATE_NOOP("messages", "give the PostgreSQL store's URL (--db postgresql+psycopg://USER@HOST:PORT/DB)"),
    QT_TRANSLATE_NOOP("messages", "{tool} did not finish within {seconds} s"),
    QT_TRANSLATE_NOOP("messages", "{tool} failed: {reason}"),
    # a QTI number attribute (app/banks/qti_format.py): last, as it fits many messages
    QT_TRANSLATE_NOOP("messages", "{what} must be a number, got {value}"),
)
# Pieces of the messages above, matched only as the value of a placeholder named in NESTED_KEYS
# (on their own, "{n} items" would fit far too many messages).
NESTED = (
    QT_TRANSLATE_NOOP("messages", "{area} / {label} ({type}, {points} {unit} each)"),  # {label}: 单项选择题
    QT_TRANSLATE_NOOP("messages", "point"),
    QT_TRANSLATE_NOOP("messages", "points"),
    QT_TRANSLATE_NOOP("messages", "{n} item"),
    QT_TRANSLATE_NOOP("messages", "{n} items"),
    QT_TRANSLATE_NOOP("messages", "no choice of items can avoid every enemy pair"),
    QT_TRANSLATE_NOOP("messages", "no choice without an enemy pair was found within the search limit"),
    QT_TRANSLATE_NOOP("messages", "{shown} and {more} more"),  # enemy pairs beyond the first few
    QT_TRANSLATE_NOOP("messages", "theory"),  # Part values
    QT_TRANSLATE_NOOP("messages", "skill"),
    # {rule} of "a review panel needs {rule} members, got {count}" (app/domain/scoring.py); the longer first
    QT_TRANSLATE_NOOP("messages", "at least {least} and an odd number of"),
    QT_TRANSLATE_NOOP("messages", "at least {least}"),
    # {why} of a mapping, fractions or weights (app/banks/choice_scoring.py)
    QT_TRANSLATE_NOOP(
        "messages",
        "it gives partial credit that is neither all or nothing nor a share per correct option (with nothing "
        "for a wrong one)",
    ),
    QT_TRANSLATE_NOOP("messages", "a scored choice question with {count} choices (ExamDesk works out at most {most})"),
    QT_TRANSLATE_NOOP("messages", "no response scores more than 0"),
)
NESTED_KEYS = frozenset({"cell", "unit", "need", "shortfall", "why", "pairs", "paper_part"})
# joins translated {kinds}: "text or an integer" reads as one phrase
OR = QT_TRANSLATE_NOOP("messages", "{first} or {second}")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# a line of a multi-line message: its indent and bullet stay, the rest is translated
LINE = re.compile(r"(?P<lead>\s*(?:- )?)(?P<rest>.*)")


@cache
def _patterns(templates: tuple[str, ...] = TEMPLATES) -> list[tuple[re.Pattern[str], str]]:
    out = []
    for template in templates:
        pieces = PLACEHOLDER.split(template)
        # a value never spans lines: a message of several lines is translated line by line
        regex = "".join(re.escape(piece) if n % 2 == 0 else f"(?P<{piece}>[^\n]*?)" for n, piece in enumerate(pieces))
        out.append((re.compile(regex), template))
    return out


def match_message(text: str, templates: tuple[str, ...] = TEMPLATES) -> tuple[str, dict[str, str]] | None:
    """The first template that fits the whole message, with the values it holds; None if none fits."""
    for pattern, template in _patterns(templates):
        match = pattern.fullmatch(text)
        if match:
            return template, match.groupdict()
    return None


def _translate_value(key: str, value: str) -> str:
    """A value that is itself a message (or a list of them) in the interface language."""
    if key in NESTED_KEYS:
        return _translate(value, NESTED)
    if key in ("clashes", "waiting"):
        return "; ".join(translate_message(part) for part in value.split("; "))
    if key in ("problem", "got"):
        return translate_message(value)
    if key == "kinds":
        whole = translate_message(value)
        if whole != value:
            return whole
        parts = [translate_message(part) for part in value.split(" or ")]
        if any(translated == part for translated, part in zip(parts, value.split(" or "), strict=True)):
            return value
        joined = parts[0]
        for part in parts[1:]:
            joined = QCoreApplication.translate(CONTEXT, OR).format(first=joined, second=part)
        return joined
    return value


def translate_message(text: str) -> str:
    """The message in the interface language; unchanged when no template fits. A message of several
    lines that no template fits as a whole is translated line by line, keeping each line's indent and
    "- " bullet."""
    if "\n" in text and match_message(text) is None:
        lines = (LINE.fullmatch(line) for line in text.split("\n"))
        return "\n".join(m["lead"] + _translate(m["rest"], TEMPLATES) for m in lines if m)
    return _translate(text, TEMPLATES)


def _translate(text: str, templates: tuple[str, ...]) -> str:
    """`text` by the first of `templates` that fits it, its values translated too; unchanged if none fits."""
    found = match_message(text, templates)
    if found is None:
        return text
    template, values = found
    try:
        return QCoreApplication.translate(CONTEXT, template).format(
            **{key: _translate_value(key, value) for key, value in values.items()}
        )
    except (KeyError, IndexError, ValueError):  # a translation with other placeholders: say it in English
        return text


def translate_problem(problem: Problem) -> str:
    """`str(problem)` with the message in the interface language. The field path stays as it is:
    it names the keys in the file, which are English by design."""
    return str(replace(problem, message=translate_message(problem.message)))


_KNOWN = frozenset(TEMPLATES) | frozenset(NESTED)


def translate_refusal(
    template: str, params: Mapping[str, str], parts: Mapping[str, Sequence[Message]] | None = None
) -> str:
    """A refusal in the interface language by its template and values: no English text is matched.

    A value that holds other messages (`parts`, see app/errors.py) is each of them translated by its
    own template, joined the language's way (under LINES: one per line); a Part value ("theory") of
    a NESTED_KEYS placeholder is translated; every other value is shown as it is. A translation that
    names other placeholders than the template falls back to the English message."""
    parts = parts or {}
    values = {}
    for key, value in params.items():
        if key in parts:
            texts = [translate_refusal(p.template, p.params, p.parts) for p in parts[key]]
            values[key] = "\n".join(texts) if key == "lines" else join_clauses(texts)
        elif key in NESTED_KEYS and value in NESTED:
            values[key] = QCoreApplication.translate(CONTEXT, value)
        else:
            values[key] = value
    if template == LINES:
        return values.get("lines", "")
    translated = QCoreApplication.translate(CONTEXT, template)
    if not params:
        return translated
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with other placeholders: say it in English
        return template.format(**params)


def translate_text(text: str) -> str:
    """A message in the interface language: by its template when it is a `Message` that has one (or
    whose text is itself a template), else by matching the templates (`translate_message`)."""
    if isinstance(text, Message) and (text.params or text.template in _KNOWN):
        return translate_refusal(text.template, text.params, text.parts)
    return translate_message(str(text))


def translate_error(exc: BaseException) -> str:
    """What went wrong, in the interface language. A refusal is translated by its template and
    params; a data-file error problem by problem (their messages are matched, see translate_problem);
    any other message by matching the templates."""
    if isinstance(exc, DataFileError):
        return "\n".join(translate_problem(p) for p in exc.problems)
    if isinstance(exc, UserFacingError):
        return translate_text(exc.message)
    return translate_message(str(exc))
