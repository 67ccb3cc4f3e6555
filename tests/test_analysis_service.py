"""The item analysis of a closed session, from the store: the service, the PDF and CSV, the command."""

from __future__ import annotations

import csv
import io
import subprocess
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.demo import run_demo
from app.domain.item_analysis import Caveat
from app.security.envelope import FAST_KDF
from app.services.backend import Backend
from app.services.base import Conflict, PermissionDenied
from app.store.models import Candidate, ExamSession, Result

PASSPHRASE = "demo passphrase x1"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The headless demo with 12 candidates: DEMO-T5 (theory, one paper terminated), DEMO-S5 (skill),
    DEMO-T4G (theory, 3 candidates). Every candidate's paper is drawn from the bank by ticket."""
    root = tmp_path_factory.mktemp("analysis")
    return run_demo(root / "data", root / "out", kdf=FAST_KDF, candidates=12, passphrase=PASSPHRASE)


@pytest.fixture
def backend(demo):
    b = Backend.open(demo.data, PASSPHRASE)
    yield b
    b.close()


def session_id(backend, code):
    with backend.db.reader() as s:
        return s.scalar(select(ExamSession.id).where(ExamSession.code == code))


def test_the_totals_are_the_graded_scores_and_terminated_papers_are_left_out(backend):
    admin = backend.accounts.login("admin", "admin-demo-1")
    sid = session_id(backend, "DEMO-T5")
    result = backend.analysis.session_analysis(admin, sid)
    with backend.db.reader() as s:
        graded = [
            (ticket, Decimal(outcome["score"]), outcome.get("detail", {}))
            for ticket, outcome in s.execute(
                select(Candidate.ticket, Result.outcome).join(Result, Result.candidate_id == Candidate.id)
                .where(Candidate.session_id == sid).order_by(Candidate.ticket)
            )
        ]  # fmt: skip
    kept = [score for _t, score, detail in graded if not detail.get("terminated")]
    assert result.excluded == {"terminated": 1}
    assert result.analysis.summary.candidates == len(kept) == 11
    assert [Decimal(str(round(t, 2))) for t in result.analysis.totals] == kept
    assert result.pass_mark == 60 and result.level_name.startswith("五级")
    assert result.analysis.summary.items_per_paper == 60
    assert Caveat.UNSTABLE in result.analysis.summary.caveats
    assert [a.area for a in result.analysis.areas] == list(result.area_weights)  # in weight-table order
    assert {a.area: a.max_score for a in result.analysis.areas} == result.area_weights


def test_options_are_counted_in_the_banks_own_labels_and_versions_name_the_bank(backend):
    admin = backend.accounts.login("admin", "admin-demo-1")
    result = backend.analysis.session_analysis(admin, session_id(backend, "DEMO-T5"))
    bank = {it.id: it for it in backend.catalog.banks.items}
    versions = {info.bank: info.version for info in backend.catalog.banks.banks}
    choice = [i for i in result.analysis.items if i.item.options]
    assert choice
    for stats in result.analysis.items:
        own = bank[stats.item.id]
        assert stats.item.version.startswith(f"{own.bank}@{versions[own.bank]}/{own.id}#")
        if stats.item.options:
            keyed = {own.key} if isinstance(own.key, str) else set(own.key)
            assert stats.item.keyed == keyed
            assert stats.item.option_texts == tuple(dict(own.options)[label] for label in stats.item.options)
            if own.type == "single":  # one option each, unless left unanswered
                assert sum(o.share for o in stats.options) == pytest.approx(1 - stats.omitted)


def test_who_may_analyse_and_what(backend):
    admin = backend.accounts.login("admin", "admin-demo-1")
    with pytest.raises(Conflict, match="skill"):
        backend.analysis.session_analysis(admin, session_id(backend, "DEMO-S5"))
    proctor = backend.accounts.login("proctor1", "proctor-demo-1")
    with pytest.raises(PermissionDenied):
        backend.analysis.session_analysis(proctor, session_id(backend, "DEMO-T5"))
    chief = backend.accounts.login("chief", "examiner-demo-1")
    with pytest.raises(PermissionDenied, match="chief examiner of session DEMO-T5"):
        backend.analysis.session_analysis(chief, session_id(backend, "DEMO-T5"))
    backend.scoring.assign_staff(admin, session_id(backend, "DEMO-T5"), chief.id, "chief")
    assert backend.analysis.session_analysis(chief, session_id(backend, "DEMO-T5")).analysis.summary.candidates == 11


def test_a_session_not_yet_closed_is_refused(world):
    backend = Backend.over(world.db)
    with pytest.raises(Conflict, match="waits until the session is closed"):
        backend.analysis.session_analysis(world.admin, world.session_id)


def test_few_candidates_no_discrimination(backend):
    admin = backend.accounts.login("admin", "admin-demo-1")
    result = backend.analysis.session_analysis(admin, session_id(backend, "DEMO-T4G"))
    s = result.analysis.summary
    assert s.candidates == 3 and s.caveats == (Caveat.UNSTABLE, Caveat.TOO_FEW)
    assert s.reliability is None and all(i.d is None for i in result.analysis.items)


def test_the_analyse_command_writes_a_pdf_and_a_csv(demo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-demo-1")
    pdf, table = tmp_path / "T5.pdf", tmp_path / "T5.csv"
    code = main(["analyse", "--session", "DEMO-T5", "--data", str(demo.data), "--out", str(pdf), "--csv", str(table)])
    assert code == 0
    out = capsys.readouterr().out
    assert "11 candidates" in out and str(pdf) in out
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for phrase in ("试卷质量分析", "DEMO-T5", "候选人数少于 30", "KR-20", "难度", "区分度", "职业道德"):
        assert phrase in text, phrase
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    backend = Backend.open(demo.data, PASSPHRASE)
    try:
        admin = backend.accounts.login("admin", "admin-demo-1")
        expected = backend.analysis.session_analysis(admin, session_id(backend, "DEMO-T5")).analysis
    finally:
        backend.close()
    assert [r["version"] for r in rows] == [i.item.version for i in expected.items]
    by_version = {i.item.version: i for i in expected.items}
    for row in rows:
        stats = by_version[row["version"]]
        assert row["item"] == stats.item.id and int(row["n"]) == stats.n
        assert float(row["p"]) == pytest.approx(stats.p, abs=5e-5)
        assert row["D"] == ""  # no item of this small session was on 10 papers
    assert {"item", "version", "area", "type", "n", "p", "D", "r_it", "omitted", "flags"} <= set(rows[0])
    assert all(r["version"].startswith("ols-") for r in rows)


def test_the_analyse_command_refuses_a_skill_session(demo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-demo-1")
    assert main(["analyse", "--session", "DEMO-S5", "--data", str(demo.data), "--out", str(tmp_path / "x.pdf")]) == 1
    assert "theory" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_the_admin_keeps_each_item_versions_figures_and_keeping_again_replaces_them(backend):
    from app.services.analysis import observed_statistics
    from app.store.models import AuditEntry, ItemStatistic

    admin = backend.accounts.login("admin", "admin-demo-1")
    sid = session_id(backend, "DEMO-T5")
    analysis = backend.analysis.session_analysis(admin, sid).analysis
    with backend.db.reader() as s:
        audit_before = s.scalar(select(func.count()).select_from(AuditEntry))
    assert backend.analysis.record_statistics(admin, sid) == len(analysis.items)
    assert backend.analysis.record_statistics(admin, sid) == len(analysis.items)  # again: replaced, not added
    with backend.db.reader() as s:
        rows = {r.item_version: r for r in s.scalars(select(ItemStatistic).where(ItemStatistic.session_id == sid))}
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit_before + 2
        observed = observed_statistics(s)
    assert len(rows) == len(analysis.items)
    for stats in analysis.items:
        row = rows[stats.item.version]
        assert (row.item_id, row.n, row.p, row.d, row.r, row.omitted, row.max_score) == (
            stats.item.id, stats.n, stats.p, stats.d, stats.r, stats.omitted, stats.item.max_score)  # fmt: skip
        assert stats.item.version == f"{row.bank}@{row.bank_version}/{row.item_id}#{row.digest[:12]}"
        if stats.p is not None:
            assert observed[(row.bank, row.item_id, row.digest)] == (stats.n, pytest.approx(stats.p))
    with pytest.raises(Conflict, match="skill"):
        backend.analysis.record_statistics(admin, session_id(backend, "DEMO-S5"))
    chief = backend.accounts.login("chief", "examiner-demo-1")
    with pytest.raises(PermissionDenied):
        backend.analysis.record_statistics(chief, sid)
