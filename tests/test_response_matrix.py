"""The anonymised response matrix in a theory session's result bundle (issue 22): what it holds,
that it names no one without the centre's key, that anyone can recompute the item analysis from it,
and that the verifier checks it like every other member (format 3) while still reading format 2."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from decimal import Decimal
from hashlib import sha256
from pathlib import Path

import pytest
from sqlalchemy import select

from app.demo import run_demo
from app.reports.bundle import MATRIX, MATRIX_COLUMNS
from app.reports.verify import verify_bundle
from app.security.canonical import canonical_json
from app.security.envelope import FAST_KDF
from app.security.signing import load_public_pem
from app.services.backend import Backend
from app.services.export import matrix_code
from app.services.keys import KeyService
from app.store.models import Candidate, ExamSession

PASSPHRASE = "demo passphrase x1"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("matrix")
    return run_demo(root / "data", root / "out", kdf=FAST_KDF, candidates=12, passphrase=PASSPHRASE)


@pytest.fixture(scope="module")
def public(demo):
    return load_public_pem(demo.public_key.read_bytes())


@pytest.fixture
def backend(demo):
    b = Backend.open(demo.data, PASSPHRASE)
    yield b
    b.close()


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def matrix_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def theory_bundle(demo) -> Path:
    return next(b for b in demo.bundles if b.name.startswith("DEMO-T5"))


def resigned(path: Path, out: Path, backend, change) -> Path:
    """The bundle with its members and manifest changed by `change(manifest, members)` and the
    manifest signed again with the centre's own key: what only the centre could make."""
    content = members(path)
    manifest = json.loads(content.pop("manifest.json"))
    content.pop("manifest.sig")
    change(manifest, content)
    manifest["files"] = [
        {"path": n, "sha256": sha256(d).hexdigest(), "size": len(d)} for n, d in sorted(content.items())
    ]
    manifest_bytes = canonical_json(manifest)
    signature = KeyService(backend.db).signing_key().sign(manifest_bytes)
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("manifest.json", manifest_bytes)
        zf.writestr("manifest.sig", signature)
        for name, data in content.items():
            zf.writestr(name, data)
    return out


def test_the_matrix_holds_every_scored_paper_under_codes_only_the_centre_can_link(demo, backend):
    content = members(theory_bundle(demo))
    manifest = json.loads(content["manifest.json"])
    assert manifest["format"] == "examdesk-bundle/7"
    described = manifest["response_matrix"]
    rows = matrix_rows(content[MATRIX])
    assert tuple(rows[0]) == MATRIX_COLUMNS
    results = json.loads(content["results.json"])["candidates"]
    with backend.db.reader() as s:
        sid = s.scalar(select(ExamSession.id).where(ExamSession.code == "DEMO-T5"))
        anonymous = set(s.scalars(select(Candidate.anonymous_code).where(Candidate.session_id == sid)))
    salt = bytes.fromhex(described["salt"])
    codes = {matrix_code(backend.db.cipher, salt, "DEMO-T5", r["ticket"]): r for r in results}
    by_code: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        by_code[row["candidate"]] += Decimal(row["score"])
        assert Decimal(row["score"]) <= Decimal(row["max_score"])
        assert row["item_version"].split("/")[1].startswith(row["item_id"] + "#")
    # one terminated paper is left out; every other candidate is there, and their scores add up
    # to the theory score results.json gives their ticket (linked with the centre's key only)
    assert described == {"member": MATRIX, "salt": described["salt"], "candidates": 11, "items": described["items"],
                         "rows": len(rows), "left_out": {"terminated": 1}}  # fmt: skip
    assert len(by_code) == 11 and set(by_code) <= set(codes)
    for code, total in by_code.items():
        assert total == Decimal(codes[code]["parts"]["theory"]["score"])
    assert not set(by_code) & anonymous and not {r["ticket"] for r in results} & set(by_code)
    # by candidate code, then item version (docs/results.md): not in ticket or seating order
    order = [(r["candidate"], r["item_version"]) for r in rows]
    assert order == sorted(order)
    assert len({r["item_version"] for r in rows}) == described["items"]


def test_anyone_can_recompute_the_item_analysis_from_the_matrix(demo, backend):
    """p and the omitted rate of every item version, from the CSV alone, are the app's own figures."""
    rows = matrix_rows(members(theory_bundle(demo))[MATRIX])
    earned: dict[str, list[Decimal]] = defaultdict(list)
    omitted: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        earned[row["item_version"]].append(Decimal(row["score"]) / Decimal(row["max_score"]))
        omitted[row["item_version"]].append(int(row["omitted"]))
    admin = backend.accounts.login("admin", "admin-demo-1")
    with backend.db.reader() as s:
        sid = s.scalar(select(ExamSession.id).where(ExamSession.code == "DEMO-T5"))
    analysis = backend.analysis.session_analysis(admin, sid).analysis
    assert {it.item.version for it in analysis.items} == set(earned)
    for stats in analysis.items:
        key = stats.item.version
        assert stats.n == len(earned[key])
        assert stats.p == pytest.approx(float(sum(earned[key]) / len(earned[key])))
        assert stats.omitted == pytest.approx(sum(omitted[key]) / len(omitted[key]))


def test_choice_responses_are_in_the_banks_own_labels(demo, backend):
    bank = {it.id: it for it in backend.catalog.banks.items}
    rows = matrix_rows(members(theory_bundle(demo))[MATRIX])
    checked = 0
    for row in rows:
        item = bank[row["item_id"]]
        if row["type"] == "single" and row["response"]:
            right = row["response"] == item.key
            assert right == (Decimal(row["score"]) == Decimal(row["max_score"])), row
            checked += 1
        if row["type"] == "truefalse" and row["response"]:
            assert row["response"] in ("true", "false")
        if row["type"] in ("short", "case"):  # written answers' text stays at the centre
            assert row["response"] == ""
        elif row["omitted"] == "0":
            assert row["response"] != ""
    assert checked > 50


def test_a_tampered_matrix_fails_verification(demo, public, backend, tmp_path):
    bundle = theory_bundle(demo)
    content = members(bundle)
    changed = content[MATRIX].replace(b",0,", b",1,", 1)  # one score changed, nothing else
    assert changed != content[MATRIX]
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as zf:
        for name, data in {**content, MATRIX: changed}.items():
            zf.writestr(name, data)
    assert verify_bundle(forged, public).reason == f"digest mismatch: {MATRIX}"
    # the matrix left out of a format-3 theory bundle, even by someone holding the key, is refused
    dropped = resigned(bundle, tmp_path / "dropped.zip", backend, lambda m, c: c.pop(MATRIX))
    reason = verify_bundle(dropped, public).reason
    assert reason == f"missing file: {MATRIX} (a theory session's bundle of examdesk-bundle/7 carries it)"
    # a signed matrix that is not one: a row cut short, a header changed, rows the manifest does not count

    def cut(_m, c):
        lines = c[MATRIX].split(b"\r\n")
        lines[1] = lines[1].rsplit(b",", 2)[0]  # the first row without its last two cells
        c[MATRIX] = b"\r\n".join(lines)

    assert verify_bundle(resigned(bundle, tmp_path / "cut.zip", backend, cut), public).reason.startswith(
        f"{MATRIX}: row "
    )

    def header(_m, c):
        c[MATRIX] = c[MATRIX].replace(b"candidate,", b"ticket,", 1)

    assert "the header is not" in verify_bundle(resigned(bundle, tmp_path / "h.zip", backend, header), public).reason

    def miscounted(m, _c):
        m["response_matrix"]["rows"] += 1

    reason = verify_bundle(resigned(bundle, tmp_path / "n.zip", backend, miscounted), public).reason
    assert reason.startswith(f"{MATRIX}: ") and "the manifest says" in reason
    assert verify_bundle(bundle, public).ok


def test_bundles_of_format_2_still_verify(demo, public, backend, tmp_path):
    def older(m, c):
        m["format"] = "examdesk-bundle/2"
        m.pop("response_matrix")
        c.pop(MATRIX)

    check = verify_bundle(resigned(theory_bundle(demo), tmp_path / "v2.zip", backend, older), public)
    assert check.ok, check.reason


def test_skill_bundles_carry_no_matrix_and_each_export_has_new_codes(demo, backend, tmp_path):
    skill = next(b for b in demo.bundles if b.name.startswith("DEMO-S5"))
    content = members(skill)
    assert MATRIX not in content and json.loads(content["manifest.json"])["response_matrix"] is None
    admin = backend.accounts.login("admin", "admin-demo-1")
    with backend.db.reader() as s:
        sid = s.scalar(select(ExamSession.id).where(ExamSession.code == "DEMO-T5"))
    backend.export.export_session(admin, sid, tmp_path / "again.zip", workers=1)
    first = {r["candidate"] for r in matrix_rows(members(theory_bundle(demo))[MATRIX])}
    again = {r["candidate"] for r in matrix_rows(members(tmp_path / "again.zip")[MATRIX])}
    assert len(first) == len(again) == 11 and not first & again
