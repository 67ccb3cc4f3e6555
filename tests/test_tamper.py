"""Someone holding the data folder but not the passphrase edits the store with another program (the
sqlite3 module, as the sqlite3 command line would): every edit is detected by `store verify`, or the
store is refused. One closed, graded session is built once; each edit is made on a copy of it."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.cli import main
from app.security import passwords
from app.security.signing import SigningKey, public_pem
from app.services.audit_log import AuditHead, AuditService
from app.store.database import Database, sqlite_url
from app.store.migrate import SchemaMismatch
from app.store.seals import StoreTampered
from tests.store_fixtures import CANDIDATES, PASSPHRASE, build_world, seated_login


@dataclass(frozen=True)
class Pristine:
    path: Path  # the store after the session closed and was graded
    early: Path  # a copy made while the session was still open (two answers each, nothing submitted)
    head: AuditHead  # the audit head of `path`


def _copy(source: Path, target: Path) -> Path:
    """A consistent copy (the backup API: the WAL included)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pristine]:
    folder = tmp_path_factory.mktemp("pristine")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1))
        world = build_world(sqlite_url(folder / "examdesk.db"))
        exam, proctor = world.exam, world.proctor
        exam.start_session(proctor, world.session_id)
        logins = {t: seated_login(exam, proctor, t, CANDIDATES[t][1], f"PC-0{n}") for n, t in enumerate(CANDIDATES, 1)}
        for ticket, answers in (("T001", "BA"), ("T002", "AB")):
            one, seq = logins[ticket], 0
            for slot, choice in enumerate(answers):
                seq = exam.save_answer(one.actor, one.attempt_id, seq, slot, choice).seq
        exam.extend(proctor, world.session_id, logins["T002"].attempt_id, 600, "停电十分钟")
        early = _copy(folder / "examdesk.db", folder / "early.db")
        for one in logins.values():
            exam.submit(one.actor, one.attempt_id)
        exam.close_session(proctor, world.session_id)
        for _ in range(5):  # the lone examiner is locked out
            with pytest.raises(Exception):  # noqa: B017 - whichever refusal: the lock is what counts
                world.accounts.login("lone-examiner", "wrong-password-1")
        head = AuditService(world.db).head()
        world.db.close()
    yield Pristine(folder / "examdesk.db", early, head)


def verdict(path: Path, *, later_head: AuditHead | None = None) -> str:
    """'' when `store verify` finds the store intact; else what it says (or why it was refused)."""
    try:
        db = Database.open(sqlite_url(path), PASSPHRASE, check=False)
    except SchemaMismatch as exc:
        return f"refused: {exc}"
    try:
        report = AuditService(db).verify_store(full=True, later_head=later_head)
    finally:
        db.close()
    return "" if report.intact else " / ".join(report.lines())


def one(c: sqlite3.Connection, sql: str, *args: object) -> object:
    return c.execute(sql, args).fetchone()[0]


def swap(c: sqlite3.Connection, table: str, column: str, a: int, b: int) -> None:
    first = one(c, f"SELECT {column} FROM {table} WHERE id = ?", a)
    second = one(c, f"SELECT {column} FROM {table} WHERE id = ?", b)
    c.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (second, a))
    c.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (first, b))


def unguard(c: sqlite3.Connection, table: str) -> None:
    """What the attacker does first on an append-only table: drop its triggers."""
    found = c.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)).fetchall()
    for (name,) in found:
        c.execute(f"DROP TRIGGER {name}")


def attempt_of(c: sqlite3.Connection, ticket: str) -> int:
    return int(one(c, "SELECT a.id FROM attempts a JOIN candidates c ON c.id = a.candidate_id WHERE c.ticket = ?",
                   ticket))  # fmt: skip


def answer_step(c: sqlite3.Connection, ticket: str, slot: int = 0) -> int:
    return int(one(c, "SELECT id FROM attempt_steps WHERE attempt_id = ? AND kind = 'answer' AND slot = ?",
                   attempt_of(c, ticket), slot))  # fmt: skip


def candidate(c: sqlite3.Connection, ticket: str) -> int:
    return int(one(c, "SELECT id FROM candidates WHERE ticket = ?", ticket))


def user(c: sqlite3.Connection, name: str) -> int:
    return int(one(c, "SELECT id FROM users WHERE username = ?", name))


# --- the edits ------------------------------------------------------------------------------------


def results_swapped(c: sqlite3.Connection) -> None:
    a, b = (r[0] for r in c.execute("SELECT id FROM results ORDER BY id").fetchall()[:2])
    swap(c, "results", "outcome", a, b)


def results_moved_to_other_candidate(c: sqlite3.Connection) -> None:
    a, b = (r[0] for r in c.execute("SELECT id FROM results ORDER BY id").fetchall()[:2])
    ca, cb = (one(c, "SELECT candidate_id FROM results WHERE id = ?", row) for row in (a, b))
    c.execute("UPDATE results SET candidate_id = -1 WHERE id = ?", (a,))
    c.execute("UPDATE results SET candidate_id = ? WHERE id = ?", (ca, b))
    c.execute("UPDATE results SET candidate_id = ? WHERE id = ?", (cb, a))


def answers_swapped_between_attempts(c: sqlite3.Connection) -> None:
    unguard(c, "attempt_steps")
    swap(c, "attempt_steps", "data", answer_step(c, "T001"), answer_step(c, "T002"))


def answer_copied_into_another_attempt(c: sqlite3.Connection) -> None:
    unguard(c, "attempt_steps")
    source = answer_step(c, "T002", 1)
    target = attempt_of(c, "T001")
    seq = int(one(c, "SELECT max(seq) FROM attempt_steps WHERE attempt_id = ?", target)) + 1
    c.execute("INSERT INTO attempt_steps (attempt_id, seq, kind, slot, data, actor, epoch, mono, wall) "
              "SELECT ?, ?, kind, slot, data, actor, epoch, mono, wall FROM attempt_steps WHERE id = ?",
              (target, seq, source))  # fmt: skip


def answer_moved_to_another_question(c: sqlite3.Connection) -> None:
    unguard(c, "attempt_steps")
    c.execute("UPDATE attempt_steps SET slot = 4 WHERE id = ?", (answer_step(c, "T001", 0),))


def submit_step_deleted(c: sqlite3.Connection) -> None:
    unguard(c, "attempt_steps")
    c.execute("DELETE FROM attempt_steps WHERE attempt_id = ? AND kind = 'submit'", (attempt_of(c, "T001"),))


def submit_step_turned_into_flag(c: sqlite3.Connection) -> None:
    unguard(c, "attempt_steps")
    c.execute("UPDATE attempt_steps SET kind = 'flag' WHERE attempt_id = ? AND kind = 'submit'",
              (attempt_of(c, "T001"),))


def names_swapped(c: sqlite3.Connection) -> None:
    swap(c, "candidates", "name", candidate(c, "T001"), candidate(c, "T002"))


def id_numbers_swapped(c: sqlite3.Connection) -> None:
    swap(c, "candidates", "id_number", candidate(c, "T001"), candidate(c, "T002"))


def id_indexes_swapped(c: sqlite3.Connection) -> None:
    swap(c, "candidates", "id_index", candidate(c, "T001"), candidate(c, "T002"))


def photo_swapped(c: sqlite3.Connection) -> None:
    swap(c, "candidates", "photo", candidate(c, "T001"), candidate(c, "T002"))


def papers_swapped(c: sqlite3.Connection) -> None:
    a, b = (int(one(c, "SELECT id FROM paper_instances WHERE candidate_id = ?", candidate(c, t)))
            for t in ("T001", "T002"))  # fmt: skip
    swap(c, "paper_instances", "content", a, b)


def extra_time_inserted(c: sqlite3.Connection) -> None:
    c.execute("INSERT INTO time_events (session_id, attempt_id, kind, epoch, mono, seconds, actor, wall) "
              "SELECT session_id, attempt_id, 'extend', epoch, mono, 7200, actor, wall FROM time_events "
              "WHERE kind = 'extend' LIMIT 1")  # fmt: skip


def extension_raised(c: sqlite3.Connection) -> None:
    unguard(c, "time_events")
    c.execute("UPDATE time_events SET seconds = 36000 WHERE kind = 'extend'")


def pause_deleted(c: sqlite3.Connection) -> None:
    unguard(c, "time_events")
    c.execute("DELETE FROM time_events WHERE id = (SELECT max(id) FROM time_events)")


def duration_raised(c: sqlite3.Connection) -> None:
    c.execute("UPDATE attempts SET duration_seconds = duration_seconds + 36000 WHERE id = ?", (attempt_of(c, "T001"),))


def candidate_extra_seconds_raised(c: sqlite3.Connection) -> None:
    c.execute("UPDATE candidates SET extra_seconds = 7200 WHERE id = ?", (candidate(c, "T001"),))


def admin_password_replaced(c: sqlite3.Connection) -> None:
    c.execute("UPDATE users SET password_hash = ? WHERE username = 'admin'",
              (PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("attacker-pass-1"),))


def proctor_promoted(c: sqlite3.Connection) -> None:
    c.execute("UPDATE users SET role = 'admin' WHERE username = 'proctor1'")


def lockout_cleared(c: sqlite3.Connection) -> None:
    c.execute("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE username = 'lone-examiner'")


def user_inserted(c: sqlite3.Connection) -> None:
    c.execute("INSERT INTO users (username, role, display_name, password_hash, failed_logins, locked_until, active) "
              "SELECT 'mallory', 'admin', display_name, password_hash, 0, 0, 1 FROM users WHERE username = 'admin'")


def closed_session_reopened(c: sqlite3.Connection) -> None:
    c.execute("UPDATE exam_sessions SET state = 'open'")


def duty_given(c: sqlite3.Connection) -> None:
    c.execute("INSERT INTO session_staff (session_id, user_id, duty) SELECT id, ?, 'chief' FROM exam_sessions",
              (user(c, "lone-proctor"),))


def check_in_moved(c: sqlite3.Connection) -> None:
    unguard(c, "check_ins")
    c.execute("UPDATE check_ins SET station = 'PC-99' WHERE candidate_id = ?", (candidate(c, "T001"),))


def station_login_moved(c: sqlite3.Connection) -> None:
    c.execute("UPDATE station_logins SET station = 'PC-99' WHERE candidate_id = ?", (candidate(c, "T001"),))


def public_key_replaced(c: sqlite3.Connection) -> None:
    attacker = SigningKey.generate()
    c.execute("UPDATE key_records SET key_id = ?, salt = ? WHERE purpose = 'signing' AND active = 1",
              (attacker.fingerprint, public_pem(attacker.public)))


def audit_entry_edited(c: sqlite3.Connection) -> None:
    unguard(c, "audit_entries")
    c.execute("UPDATE audit_entries SET actor = 'user:999' WHERE seq = 3")


def row_and_its_seal_deleted(c: sqlite3.Connection) -> None:
    unguard(c, "check_ins")
    row = one(c, "SELECT id FROM check_ins WHERE candidate_id = ?", candidate(c, "T002"))
    c.execute("DELETE FROM check_ins WHERE id = ?", (row,))
    c.execute("DELETE FROM row_seals WHERE tbl = 'check_ins' AND row_id = ?", (row,))


def seal_copied_onto_inserted_row(c: sqlite3.Connection) -> None:
    c.execute("INSERT INTO check_ins (candidate_id, station, actor, wall) "
              "SELECT candidate_id, 'PC-77', actor, wall FROM check_ins LIMIT 1")
    new = c.execute("SELECT max(id) FROM check_ins").fetchone()[0]
    c.execute("INSERT INTO row_seals (tbl, row_id, seal) SELECT tbl, ?, seal FROM row_seals "
              "WHERE tbl = 'check_ins' LIMIT 1", (new,))  # fmt: skip


def seal_record_deleted(c: sqlite3.Connection) -> None:
    c.execute("DELETE FROM store_meta WHERE key = 'row_seals'")


def results_seal_recomputed_without_key(c: sqlite3.Connection) -> None:
    """A seal made up by someone without the key (any 64 hex digits)."""
    results_swapped(c)
    c.execute("UPDATE row_seals SET seal = ? WHERE tbl = 'results'", ("0" * 64 + "|",))


# Edits that need an earlier copy of the file (from a backup, or the WAL's old pages).
def session_row_put_back_with_its_old_seal(c: sqlite3.Connection, early: Path) -> None:
    c.execute("ATTACH DATABASE ? AS early", (str(early),))
    c.execute("UPDATE exam_sessions SET state = "
              "(SELECT state FROM early.exam_sessions e WHERE e.id = exam_sessions.id)")
    c.execute("UPDATE row_seals SET seal = (SELECT seal FROM early.row_seals e WHERE e.tbl = row_seals.tbl "
              "AND e.row_id = row_seals.row_id) WHERE tbl = 'exam_sessions'")  # fmt: skip
    c.commit()
    c.execute("DETACH DATABASE early")


def audit_head_and_seal_record_put_back(c: sqlite3.Connection, early: Path) -> None:
    """The later entries cut off and the head (and the record of all seals) set back to an earlier
    copy's: what happened since (the submits, the closing, the results) still stands in the rows."""
    c.execute("ATTACH DATABASE ? AS early", (str(early),))
    unguard(c, "audit_entries")
    c.execute("DELETE FROM audit_entries WHERE seq > (SELECT max(seq) FROM early.audit_entries)")
    c.execute("UPDATE store_meta SET value = (SELECT value FROM early.store_meta e WHERE e.key = store_meta.key) "
              "WHERE key IN ('audit_head', 'row_seals')")  # fmt: skip
    c.commit()
    c.execute("DETACH DATABASE early")


EDITS: dict[str, tuple[Callable[..., None], str]] = {
    # edit: (how, what the verdict names)
    "results swapped": (results_swapped, "results row"),
    "a result moved to the other candidate": (results_moved_to_other_candidate, "results row"),
    "answers swapped between attempts": (answers_swapped_between_attempts, "attempt_steps row"),
    "an answer copied into another attempt": (answer_copied_into_another_attempt, "attempt_steps row"),
    "an answer moved to another question": (answer_moved_to_another_question, "column slot"),
    "a submit deleted": (submit_step_deleted, "attempt_steps row"),
    "a submit turned into a flag": (submit_step_turned_into_flag, "column kind"),
    "names swapped": (names_swapped, "column name"),
    "ID numbers swapped": (id_numbers_swapped, "column id_number"),
    "ID indexes swapped": (id_indexes_swapped, "column id_index"),
    "photos swapped": (photo_swapped, "column photo"),
    "papers swapped": (papers_swapped, "paper_instances row"),
    "a time event inserted": (extra_time_inserted, "time_events row"),
    "an extension raised": (extension_raised, "column seconds"),
    "a time event deleted": (pause_deleted, "time_events row"),
    "a duration raised": (duration_raised, "column duration_seconds"),
    "a candidate's extra time raised": (candidate_extra_seconds_raised, "column extra_seconds"),
    "the admin's password hash replaced": (admin_password_replaced, "column password_hash"),
    "a proctor promoted to admin": (proctor_promoted, "column role"),
    "a lockout cleared": (lockout_cleared, "users row"),
    "an admin inserted": (user_inserted, "users row"),
    "a closed session reopened": (closed_session_reopened, "column state"),
    "a duty given": (duty_given, "session_staff row"),
    "a check-in moved to another station": (check_in_moved, "column station"),
    "a station login moved": (station_login_moved, "column station"),
    "the public key replaced": (public_key_replaced, "key_records row"),
    "an audit entry edited": (audit_entry_edited, "audit log broken at entry 3"),
    "a row and its seal deleted": (row_and_its_seal_deleted, "row seals do not add up"),
    "a seal copied onto an inserted row": (seal_copied_onto_inserted_row, "row seals do not add up"),
    "the record of all seals deleted": (seal_record_deleted, "record of all row seals is missing"),
    "a seal made up without the key": (results_seal_recomputed_without_key, "row seals do not add up"),
}
ROLLBACKS: dict[str, tuple[Callable[..., None], str]] = {
    "a session row put back with its old seal": (session_row_put_back_with_its_old_seal, "row seals do not add up"),
    "the audit head put back, later entries cut": (audit_head_and_seal_record_put_back, "row seals broken"),
}


def edited(pristine: Pristine, tmp_path: Path, edit: Callable[..., None], *args: object) -> Path:
    path = shutil.copyfile(pristine.path, tmp_path / "examdesk.db")
    c = sqlite3.connect(path, isolation_level=None)
    try:
        edit(c, *args)
    finally:
        c.close()
    return Path(path)


def test_the_pristine_store_verifies(pristine: Pristine) -> None:
    assert verdict(pristine.path) == ""
    assert verdict(pristine.early) == ""
    assert len(EDITS) + len(ROLLBACKS) + 3 >= 25  # the three schema and whole-copy cases below


@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_outside_examdesk_is_detected(pristine: Pristine, tmp_path: Path, name: str) -> None:
    edit, named = EDITS[name]
    said = verdict(edited(pristine, tmp_path, edit))
    assert said and named in said, said


@pytest.mark.parametrize("name", list(ROLLBACKS))
def test_a_part_put_back_from_an_earlier_copy_is_detected(pristine: Pristine, tmp_path: Path, name: str) -> None:
    edit, named = ROLLBACKS[name]
    said = verdict(edited(pristine, tmp_path, edit, pristine.early))
    assert said and named in said, said


def test_a_whole_store_put_back_is_reported_against_a_later_head(pristine: Pristine, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    # on its own an earlier copy is a consistent store: only a head from outside shows what is missing
    copy = Path(shutil.copyfile(pristine.early, tmp_path / "examdesk.db"))
    assert verdict(copy) == ""
    said = verdict(copy, later_head=pristine.head)
    assert f"a head at entry {pristine.head.seq} was presented" in said, said
    assert verdict(pristine.path, later_head=pristine.head) == ""
    assert main(["store", "verify", "--data", str(tmp_path), "--head", str(pristine.head)]) == 1
    assert main(["store", "verify", "--data", str(tmp_path)]) == 0


@pytest.mark.parametrize("version", ["0003", "9999"])
def test_a_rewound_or_unknown_schema_version_is_refused_with_a_message(pristine: Pristine, tmp_path: Path,
                                                                       version: str) -> None:  # fmt: skip
    path = edited(pristine, tmp_path, lambda c: c.execute("UPDATE alembic_version SET version_num = ?", (version,)))
    said = verdict(path)
    assert said.startswith("refused:") and "nothing was changed" in said, said
    with sqlite3.connect(path) as c:  # refused before anything was written
        assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == version
    c.close()


def test_a_tampered_store_is_refused_at_unlock_with_what_to_do(pristine: Pristine, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    path = edited(pristine, tmp_path, proctor_promoted)
    with pytest.raises(StoreTampered, match=r"users row \d+ .*column role"):
        Database.open(sqlite_url(path), PASSPHRASE)
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    assert main(["store", "verify", "--data", str(tmp_path)]) == 1
    assert "row seals broken: users row" in capsys.readouterr().out
    from app.services.backend import Backend

    with pytest.raises(StoreTampered):
        Backend.open(tmp_path, PASSPHRASE, sweep=False)


def test_an_untouched_store_opens_and_its_own_writes_stay_sealed(pristine: Pristine, tmp_path: Path) -> None:
    path = Path(shutil.copyfile(pristine.path, tmp_path / "examdesk.db"))
    db = Database.open(sqlite_url(path), PASSPHRASE)
    try:
        from app.services.accounts import AccountService

        admin = AccountService(db).login("admin", "admin-pass-1")
        AccountService(db).unlock(admin, user_id_of(db, "lone-examiner"))  # an update through the services
    finally:
        db.close()
    assert verdict(path) == ""


def user_id_of(db: Database, username: str) -> int:
    from sqlalchemy import select

    from app.store.models import User

    with db.reader() as s:
        return int(s.scalar(select(User.id).where(User.username == username)))  # type: ignore[arg-type]


def test_a_store_from_before_the_seals_is_sealed_at_its_first_unlock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    from app.store import migrate

    # the revision before the seals (0018 comes last, so today's models fit the schema it leaves)
    before_seals = ScriptDirectory.from_config(migrate.alembic_config()).get_revision("0018").down_revision

    def to_before_seals(connection):  # type: ignore[no-untyped-def]
        command.upgrade(migrate.alembic_config(connection), before_seals)
        return True

    url = sqlite_url(tmp_path / "examdesk.db")
    with monkeypatch.context() as old_code:
        old_code.setattr(migrate, "upgrade", to_before_seals)
        old = build_world(url)  # a store as the revision before 0018 made it: no seals
        old.db.close()
    db = Database.open(url, PASSPHRASE)
    try:
        from sqlalchemy import select

        from app.store.models import AuditEntry

        with db.reader() as s:
            actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
        assert actions[-1] == "store.sealed" and "store.created" not in actions
    finally:
        db.close()
    assert verdict(tmp_path / "examdesk.db") == ""
    # once sealed, never again: the record of all seals removed is reported, not sealed over
    with sqlite3.connect(tmp_path / "examdesk.db") as c:
        c.execute("DELETE FROM store_meta WHERE key = 'row_seals'")
    c.close()
    assert "record of all row seals is missing" in verdict(tmp_path / "examdesk.db")


def test_the_store_file_is_private_and_a_passphrase_change_is_audited(tmp_path: Path) -> None:
    from app.security.envelope import FAST_KDF

    db = Database.create(sqlite_url(tmp_path / "examdesk.db"), PASSPHRASE, kdf=FAST_KDF)
    try:
        assert stat.S_IMODE((tmp_path / "examdesk.db").stat().st_mode) == 0o600
        db.change_passphrase(PASSPHRASE, "another long passphrase 2", actor="user:1")
        from sqlalchemy import select

        from app.store.models import AuditEntry

        with db.reader() as s:
            entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert (entry.action, entry.actor) == ("store.passphrase_changed", "user:1")
        assert db.verify_seals().intact
    finally:
        db.close()


def test_answers_of_every_kind_encrypt_to_the_same_length(tmp_path: Path) -> None:
    """Lengths leak nothing: true and false, one option or four, a short written answer."""
    from app.security.canonical import canonical_json
    from app.store.models import AttemptStep
    from app.store.types import EncryptedJSON

    column = AttemptStep.__table__.c.data.type
    assert isinstance(column, EncryptedJSON)
    values = [{"answer": True}, {"answer": False}, {"answer": ["A"]}, {"answer": ["A", "B", "C", "D"]},
              {"answer": "对"}, {"answer": "不对"}]  # fmt: skip
    assert len({len(column.plaintext(v)) for v in values}) == 1
    assert len(canonical_json(values[0])) != len(canonical_json(values[1]))  # without padding they differ


# --- the same row edits on PostgreSQL, made by another session (psql's, here SQLAlchemy's) ---------

PG_EDITS = {
    # edit: (statements, what the verdict names)
    "results swapped": ([
        "UPDATE results SET outcome = o.outcome FROM (SELECT id, outcome, "
        "  first_value(id) OVER (ORDER BY id DESC) AS other FROM results) o WHERE o.id <> results.id "
        "  AND results.id IN (SELECT min(id) FROM results UNION SELECT max(id) FROM results) "
        "  AND o.id IN (SELECT min(id) FROM results UNION SELECT max(id) FROM results)",
    ], "results row"),
    "answers swapped between attempts": ([
        "ALTER TABLE attempt_steps DISABLE TRIGGER USER",
        "UPDATE attempt_steps s SET data = o.data FROM attempt_steps o WHERE s.kind = 'answer' AND o.kind = 'answer' "
        "  AND s.slot = 0 AND o.slot = 0 AND s.attempt_id <> o.attempt_id",
    ], "attempt_steps row"),
    "a time event inserted": ([
        "INSERT INTO time_events (session_id, attempt_id, kind, epoch, mono, seconds, actor, wall) "
        "SELECT session_id, attempt_id, 'extend', epoch, mono, 7200, actor, wall FROM time_events LIMIT 1",
    ], "time_events row"),
    "a duration raised": (["UPDATE attempts SET duration_seconds = duration_seconds + 36000"],
                          "column duration_seconds"),
    "the admin's password hash replaced": (
        ["UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'proctor1') "
         "WHERE username = 'admin'"], "column password_hash"),
    "a proctor promoted to admin": (["UPDATE users SET role = 'admin' WHERE username = 'proctor1'"], "column role"),
    "a lockout cleared": (["UPDATE users SET failed_logins = 0, locked_until = 0"], "users row"),
    "a closed session reopened": (["UPDATE exam_sessions SET state = 'open'"], "column state"),
    "names swapped": ([
        "UPDATE candidates c SET name = o.name FROM candidates o WHERE c.id <> o.id",
    ], "column name"),
    # the first character swapped for one it is not: a fixed 'f' left one key id in 16 unchanged
    "the public key replaced": ([
        "UPDATE key_records SET key_id = CASE WHEN left(key_id, 1) = 'f' THEN 'e' ELSE 'f' END || substr(key_id, 2) "
        "WHERE purpose = 'signing'"],
                                "key_records row"),
    "a seal record deleted": (["DELETE FROM store_meta WHERE key = 'row_seals'"], "record of all row seals is missing"),
}  # fmt: skip


@pytest.fixture(scope="module")
def pg_pristine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.store_fixtures import fresh_url

    url = fresh_url("postgresql", tmp_path_factory.mktemp("pg"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1))
        world = build_world(url)
        exam, proctor = world.exam, world.proctor
        exam.start_session(proctor, world.session_id)
        for n, ticket in enumerate(CANDIDATES, 1):
            one = seated_login(exam, proctor, ticket, CANDIDATES[ticket][1], f"PC-0{n}")
            exam.save_answer(one.actor, one.attempt_id, 0, 0, "AB"[n - 1])
            exam.submit(one.actor, one.attempt_id)
        exam.close_session(proctor, world.session_id)
        for _ in range(5):  # the lone examiner is locked out
            with pytest.raises(Exception):  # noqa: B017 - whichever refusal: the lock is what counts
                world.accounts.login("lone-examiner", "wrong-password-1")
        world.db.close()
    yield url


def pg_copy(url: str) -> str:
    """A copy of the PostgreSQL store (CREATE DATABASE ... TEMPLATE), for one edit."""
    import uuid

    from sqlalchemy import create_engine, text

    base, name = url.rsplit("/", 1)
    copy = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"'))
    admin.dispose()
    return f"{base}/{copy}"


@pytest.mark.postgres
def test_the_pristine_postgres_store_verifies(pg_pristine: str) -> None:
    db = Database.open(pg_pristine, PASSPHRASE, check=False)
    try:
        assert AuditService(db).verify_store().intact
    finally:
        db.close()


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(PG_EDITS))
def test_a_row_edit_on_postgres_is_detected(pg_pristine: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    statements, named = PG_EDITS[name]
    url = pg_copy(pg_pristine)
    outsider = create_engine(url)  # not ExamDesk's engine: no tracking table in its sessions
    with outsider.begin() as c:
        for statement in statements:
            c.execute(text(statement))
    outsider.dispose()
    db = Database.open(url, PASSPHRASE, check=False)
    try:
        report = AuditService(db).verify_store()
    finally:
        db.close()
    said = " / ".join(report.lines())
    assert not report.intact and named in said, said


# --- what lives outside the store: the bundle's audit head, the registered key fingerprint --------


def _export(path: Path, out: Path) -> tuple[Path, bytes]:
    """The pristine session exported from the store at `path`; the bundle and the active public key (PEM)."""
    from app.services.accounts import AccountService
    from app.services.export import ExportService
    from app.services.keys import KeyService
    from tests.store_fixtures import shared_catalog

    db = Database.open(sqlite_url(path), PASSPHRASE)
    try:
        admin = AccountService(db).login("admin", "admin-pass-1")
        session_id = int(db.engine.connect().exec_driver_sql("SELECT min(id) FROM exam_sessions").scalar_one())
        ExportService(db, shared_catalog()).export_session(admin, session_id, out)
        pem = [k for k in KeyService(db).public_keys() if k.active][-1].pem
    finally:
        db.close()
    return out, pem


def test_a_bundle_carries_the_audit_head_and_a_store_put_back_is_caught_by_it(
    pristine: Pristine, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import zipfile

    store = Path(shutil.copyfile(pristine.path, tmp_path / "examdesk.db"))
    bundle, pem = _export(store, tmp_path / "S1.zip")
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == "examdesk-bundle/7"
    head = AuditHead.parse(manifest["audit_head"])
    assert head.seq > pristine.head.seq  # the admin's login came after the pristine head
    (tmp_path / "centre.pem").write_bytes(pem)
    assert main(["verify", str(bundle), "--pubkey", str(tmp_path / "centre.pem")]) == 0
    assert f"audit head {head}" in capsys.readouterr().out
    assert verdict(store, later_head=head) == ""
    put_back = tmp_path / "put-back"
    put_back.mkdir()
    shutil.copyfile(pristine.path, put_back / "examdesk.db")  # the folder as it was before the export
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    assert main(["store", "verify", "--data", str(put_back), "--head", manifest["audit_head"]]) == 1
    assert "rolled back: the store's audit log ends at entry" in capsys.readouterr().out


def test_a_bundle_is_never_in_place_without_its_audit_entry(pristine: Pristine, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from app.store import seals

    store = Path(shutil.copyfile(pristine.path, tmp_path / "examdesk.db"))

    def commit_fails(*_args: object) -> int:
        raise OSError("the disk went away at the commit")

    real = seals.seal_pending
    from app.services.export import ExportService

    original_export = ExportService.export_session

    def export_with_a_failing_commit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        monkeypatch.setattr(seals, "seal_pending", commit_fails)
        try:
            return original_export(self, *args, **kwargs)
        finally:
            monkeypatch.setattr(seals, "seal_pending", real)

    monkeypatch.setattr(ExportService, "export_session", export_with_a_failing_commit)
    with pytest.raises(OSError, match="disk went away"):
        _export(store, tmp_path / "S1.zip")
    assert not (tmp_path / "S1.zip").exists()  # no bundle under its name: its audit entry was never committed


def test_verify_checks_the_key_against_the_registered_fingerprint(
    pristine: Pristine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.security.signing import fingerprint, load_public_pem

    store = Path(shutil.copyfile(pristine.path, tmp_path / "examdesk.db"))
    bundle, pem = _export(store, tmp_path / "S1.zip")
    (tmp_path / "centre.pem").write_bytes(pem)
    registered = fingerprint(load_public_pem(pem))
    assert main(["verify", str(bundle), "--pubkey", str(tmp_path / "centre.pem"), "--fingerprint", registered]) == 0
    capsys.readouterr()
    attacker = SigningKey.generate()  # the key in the store (or the PEM handed out) swapped for another
    (tmp_path / "swapped.pem").write_bytes(public_pem(attacker.public))
    assert main(["verify", str(bundle), "--pubkey", str(tmp_path / "swapped.pem"), "--fingerprint", registered]) == 1
    assert f"not the registered {registered}" in capsys.readouterr().out
    assert main(["verify-qr", "AAAA", "--pubkey", str(tmp_path / "swapped.pem"), "--fingerprint", registered]) == 1
    assert "not the registered" in capsys.readouterr().out


def test_an_export_of_a_tampered_store_is_refused(pristine: Pristine, tmp_path: Path) -> None:
    """The swapped scores never reach a signed bundle, even on a store opened without the check."""
    from app.services.accounts import AccountService
    from app.services.base import Conflict
    from app.services.export import ExportService
    from tests.store_fixtures import shared_catalog

    path = edited(pristine, tmp_path, results_swapped)
    db = Database.open(sqlite_url(path), PASSPHRASE, check=False)
    try:
        admin = AccountService(db).login("admin", "admin-pass-1")
        with pytest.raises(Conflict, match=r"changed outside ExamDesk \(results row"):
            ExportService(db, shared_catalog()).export_session(admin, 1, tmp_path / "S1.zip")
    finally:
        db.close()
    assert not (tmp_path / "S1.zip").exists()


@pytest.mark.parametrize("edit", [answers_swapped_between_attempts, answer_copied_into_another_attempt])
def test_an_answer_moved_between_rows_is_never_read_as_the_candidates(pristine: Pristine, tmp_path: Path,
                                                                      edit: Callable[..., None]) -> None:  # fmt: skip
    """Step data is bound to its attempt and place in the log: whoever reads the log (closing, grading,
    the examiners' screen, the response matrix) gets an integrity error, never the other's answer."""
    from app.security.envelope import CorruptCiphertext
    from app.services.answer_log import read_log

    path = edited(pristine, tmp_path, edit)
    db = Database.open(sqlite_url(path), PASSPHRASE, check=False)  # even past the unlock check
    try:
        with sqlite3.connect(path) as c:
            attempt = attempt_of(c, "T001")
        c.close()
        with db.reader() as s, pytest.raises(CorruptCiphertext, match=r"belongs to attempt:\d+/seq:\d+"):
            read_log(s, attempt)
    finally:
        db.close()


# --- someone WITH the passphrase: the candidate steps against what their audit entries recorded ----


def test_every_candidate_step_is_checked_against_its_audit_entry(pristine: Pristine, tmp_path: Path) -> None:
    db = Database.open(sqlite_url(_copy(pristine.path, tmp_path / "examdesk.db")), PASSPHRASE)
    try:
        report = AuditService(db).verify_store(full=True)
    finally:
        db.close()
    assert report.intact and report.steps is not None and report.steps.checked == 4, report.lines()


def test_a_step_rewritten_and_resealed_under_the_passphrase_is_still_caught(pristine: Pristine, tmp_path: Path) -> None:
    """An insider who knows the passphrase changes T001's first answer, re-encrypts it bound to its row
    and reseals the store: the seals and the chain hold, but the step no longer says what its entry
    recorded when it was written."""
    import json as _json

    from app.services.answer_log import STEP_DATA_CONTEXT
    from app.store import seals
    from app.store.types import padded, step_row

    path = _copy(pristine.path, tmp_path / "examdesk.db")
    db = Database.open(sqlite_url(path), PASSPHRASE)
    try:
        with sqlite3.connect(path) as c:
            attempt = attempt_of(c, "T001")
            unguard(c, "attempt_steps")
            plain = padded(_json.dumps({"value": "D"}).encode())
            sealed = db.cipher.encrypt(plain, STEP_DATA_CONTEXT, step_row(attempt, 1))
            c.execute("UPDATE attempt_steps SET data = ? WHERE attempt_id = ? AND seq = 1", (sealed, attempt))
            seals.seal_everything(c, db.cipher)
        c.close()
        report = AuditService(db).verify_store(full=True)
    finally:
        db.close()
    assert report.audit.intact and report.seals.intact  # what the passphrase lets an insider redo
    assert not report.intact and report.steps is not None
    assert f"step 1 of attempt {attempt} (answer)" in (report.steps.problem or ""), report.lines()
