"""Signed result bundles, score reports and their QR codes (issue 5)."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.demo import run_demo
from app.reports.bundle import results_csv
from app.reports.verify import verify_bundle
from app.security import qr_payload
from app.security.canonical import canonical_json
from app.security.envelope import FAST_KDF
from app.security.signing import load_public_pem
from app.store import audit
from app.store.database import Database, sqlite_url
from app.store.models import AuditEntry, ExamSession


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    return run_demo(root / "data", root / "out", kdf=FAST_KDF, candidates=12, passphrase="demo passphrase x1")


@pytest.fixture(scope="module")
def public(demo):
    return load_public_pem(demo.public_key.read_bytes())


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rewrite(path: Path, out: Path, changed: dict[str, bytes | None]) -> Path:
    """The same zip with some members replaced (None: removed) or added."""
    data = {**members(path), **{k: v for k, v in changed.items() if v is not None}}
    with zipfile.ZipFile(out, "w") as zf:
        for name, content in data.items():
            if changed.get(name, b"") is not None or name not in changed:
                zf.writestr(name, content)
    return out


def test_round_trip(demo, public):
    for bundle in demo.bundles:
        check = verify_bundle(bundle, public)
        assert check.ok, check.reason
        names = set(members(bundle))
        assert {"manifest.json", "manifest.sig", "results.json", "results.csv", "audit.json", "incidents.json"} <= names
        assert len([n for n in names if n.startswith("reports/")]) == check.manifest["candidates"]
        listed = {f["path"] for f in check.manifest["files"]}
        assert listed == names - {"manifest.json", "manifest.sig"}
    standards = [verify_bundle(b, public).manifest["session"]["standard"] for b in demo.bundles]
    assert standards == ["4-13-99-02", "4-13-99-02", "4-07-03-01", "4-13-99-02"]


def test_the_demo_review_bundle_carries_the_review_record(demo, public):
    """The 二级 review's bundle: its result's detail is the review record (register, defence,
    questions, marks per criterion by seat), and the score report summarises it."""
    bundle = demo.bundles[3]
    assert verify_bundle(bundle, public).ok
    [candidate] = json.loads(members(bundle)["results.json"])["candidates"]
    record = candidate["parts"]["review"]["detail"]
    assert [m["kind"] for m in record["materials"]] == ["application", "application", "work"]
    assert all(len(m["sha256"]) == 64 for m in record["materials"])
    assert float(record["defence_minutes"]) >= 15 and len(record["questions"]) == 2
    assert [s["member"] for s in record["scores"]] == [1, 2, 3] and record["criteria"]["example"] is True
    assert candidate["parts"]["review"]["score"] == "84.00"


def test_the_demo_person_with_two_registrations_has_two_results(demo):
    """The demo's first candidate also sat 职业指导师 四级 theory: neither result borrows a part
    of the other registration."""
    results = [json.loads(members(b)["results.json"]) for b in demo.bundles]
    skill, other = results[1], results[2]
    mine = skill["candidates"][0]
    theirs = next(c for c in other["candidates"] if c["name"] == mine["name"])
    assert mine["ticket"] != theirs["ticket"]
    assert {p["session"] for p in mine["parts"].values()} == {"DEMO-T5", "DEMO-S5"}
    assert {p["session"] for p in theirs["parts"].values()} == {"DEMO-T4G"}
    assert (other["registration"]["standard"], other["registration"]["level"]) == ("4-07-03-01", "4")


def test_every_member_tampered_is_caught(demo, public, tmp_path):
    bundle = demo.bundles[0]
    for name, content in members(bundle).items():
        flipped = bytearray(content)
        flipped[len(flipped) // 2] ^= 0x01
        check = verify_bundle(rewrite(bundle, tmp_path / "t.zip", {name: bytes(flipped)}), public)
        assert not check.ok, name
        expected = "bad signature" if name in ("manifest.json", "manifest.sig") else f"digest mismatch: {name}"
        assert expected in check.reason, (name, check.reason)


def test_a_changed_byte_in_the_stored_zip_is_caught(demo, public, tmp_path):
    raw = demo.bundles[1].read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        infos = zf.infolist()
    spans = []
    for info in infos:  # data starts after the local header, whose name and extra lengths are at 26..29
        name_len, extra_len = struct.unpack("<HH", raw[info.header_offset + 26 : info.header_offset + 30])
        spans.append((info.header_offset + 30 + name_len + extra_len, info.compress_size))
    for start, size in spans:
        changed = bytearray(raw)
        changed[start + (size * 7) // 11] ^= 0x40
        path = tmp_path / "b.zip"
        path.write_bytes(bytes(changed))
        assert not verify_bundle(path, public).ok, (start, size, [i.filename for i in infos])


def test_missing_extra_and_wrong_key(demo, public, tmp_path):
    bundle = demo.bundles[0]
    missing = verify_bundle(rewrite(bundle, tmp_path / "m.zip", {"results.csv": None}), public)
    assert not missing.ok and missing.reason == "missing file: results.csv"
    extra = verify_bundle(rewrite(bundle, tmp_path / "e.zip", {"notes.txt": b"hello"}), public)
    assert not extra.ok and extra.reason == "extra file: notes.txt"
    from app.security.signing import SigningKey

    other = SigningKey.generate().public
    assert verify_bundle(bundle, other).reason.startswith("wrong key")


def test_openssl_verifies_the_manifest(demo, tmp_path):
    openssl = shutil.which("openssl")
    assert openssl, "openssl is needed (scripts/setup.sh installs it)"
    content = members(demo.bundles[0])
    (tmp_path / "manifest.json").write_bytes(content["manifest.json"])
    (tmp_path / "manifest.sig").write_bytes(content["manifest.sig"])
    result = subprocess.run(
        [openssl, "pkeyutl", "-verify", "-pubin", "-inkey", str(demo.public_key), "-rawin",
         "-in", str(tmp_path / "manifest.json"), "-sigfile", str(tmp_path / "manifest.sig")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0 and "Signature Verified Successfully" in result.stdout


def test_report_has_chinese_text_and_a_qr_that_verifies(demo, public, tmp_path):
    for tool in ("pdftotext", "pdftoppm", "zbarimg"):
        assert shutil.which(tool), f"{tool} is needed (scripts/setup.sh installs poppler-utils and zbar-tools)"
    content = members(demo.bundles[0])
    results = json.loads(content["results.json"])
    row = next(c for c in results["candidates"] if c["status"] == "submitted")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(content[f"reports/{row['ticket']}.pdf"])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("职业技能等级认定成绩报告单", row["name"], "在线学习服务师", "理论知识考试", row["ticket"]):
        assert expected in text
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "page-1.png")], capture_output=True, text=True
    ).stdout.strip()
    assert scanned == row["qr"]
    record = qr_payload.verify(scanned, public).record
    assert record["ticket"] == row["ticket"] and record["masked_id"].startswith(row["id_number"][:4])
    assert "*" in record["masked_id"]
    for i in range(len(qr_payload.PREFIX), len(scanned), 7):  # any changed character fails
        swapped = scanned[:i] + ("A" if scanned[i] != "A" else "B") + scanned[i + 1 :]
        with pytest.raises(qr_payload.PayloadError):
            qr_payload.verify(swapped, public)


def test_a_bundle_is_masked_unless_a_reason_is_given(demo, tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", "demo passphrase x1")
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-demo-1")
    out = tmp_path / "masked.zip"
    assert main(["export", "--session", "DEMO-T5", "--out", str(out), "--data", str(demo.data)]) == 0  # no flag
    content = members(out)
    plain = json.loads(members(demo.bundles[0])["results.json"])["candidates"]
    masked = content["results.csv"].decode("utf-8-sig")
    for person in plain:
        assert person["name"] not in masked and person["id_number"] not in masked
        assert person["name"][0] + "*" in masked
    assert json.loads(content["manifest.json"])["masked"] is True

    full = tmp_path / "full.zip"
    assert main(["export", "--session", "DEMO-T5", "--out", str(full), "--unmasked", "  ", "--data",
                 str(demo.data)]) == 1  # fmt: skip
    assert not full.exists()
    assert main(["export", "--session", "DEMO-T5", "--out", str(full), "--unmasked", "人社局核查原件",
                 "--data", str(demo.data)]) == 0  # fmt: skip
    assert json.loads(members(full)["manifest.json"])["masked"] is False
    db = Database.open(sqlite_url(demo.data / "examdesk.db"), "demo passphrase x1")
    try:
        with db.reader() as s:
            session_id = s.scalar(select(ExamSession.id).where(ExamSession.code == "DEMO-T5"))
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "export.bundle")
                              .order_by(AuditEntry.seq.desc())).first()  # fmt: skip
        assert entry is not None and entry.action == "export.bundle"
        said = {"session": session_id, "mask": False, "file": "full.zip", "reason": "人社局核查原件",
                "manifest_sha256": hashlib.sha256(members(full)["manifest.json"]).hexdigest()}  # this very bundle
        assert entry.data_digest == db.cipher.mac(canonical_json(said), audit._PURPOSE + b"/data")
    finally:
        db.close()


def test_csv_cells_that_a_spreadsheet_would_run_stay_text():
    rows = [{"ticket": "T1", "name": '=HYPERLINK("http://x","点我")', "id_number": "+86", "status": "submitted",
             "parts": {"theory": {"score": "86.00", "session": "@S1"}}, "result": "-"}]  # fmt: skip
    line = results_csv(rows).decode("utf-8-sig").splitlines()[1]
    assert line == "T1,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",'+86,submitted,86.00,,,'-,'@S1,,"


def test_cli_verify_and_key_rotation(demo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", "demo passphrase x1")
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-demo-1")
    assert main(["verify", str(demo.bundles[0]), "--pubkey", str(demo.public_key)]) == 0
    assert "valid:" in capsys.readouterr().out
    old = tmp_path / "old.pem"
    assert main(["keys", "export-public", "--out", str(old), "--data", str(demo.data)]) == 0
    assert old.read_bytes() == demo.public_key.read_bytes()
    assert main(["keys", "rotate", "--data", str(demo.data)]) == 0
    new = tmp_path / "new.pem"
    assert main(["keys", "export-public", "--out", str(new), "--data", str(demo.data)]) == 0
    assert new.read_bytes() != old.read_bytes()
    fresh = tmp_path / "fresh.zip"
    assert main(["export", "--session", "DEMO-S5", "--out", str(fresh), "--data", str(demo.data)]) == 0
    capsys.readouterr()
    assert main(["verify", str(demo.bundles[1]), "--pubkey", str(old)]) == 0  # older bundles still verify
    assert main(["verify", str(fresh), "--pubkey", str(new)]) == 0
    assert main(["verify", str(fresh), "--pubkey", str(old)]) == 1
    assert "wrong key" in capsys.readouterr().out


def test_demo_results_have_passes_failures_and_a_termination(demo):
    rows = json.loads(members(demo.bundles[0])["results.json"])["candidates"]
    results = {r["result"] for r in rows}
    assert {"合格", "不合格"} <= results
    assert [r["status"] for r in rows].count("terminated") == 1
    incidents = json.loads(members(demo.bundles[0])["incidents.json"])
    assert {i["category"] for i in incidents} >= {"misconduct", "environment.noise"}


@pytest.mark.slow
def test_headless_demo_command_twice(tmp_path):
    import os
    import sys

    from tests.conftest import REPO

    for n in (1, 2):
        env = {**os.environ, "EXAMDESK_PASSPHRASE": f"demo run {n} passphrase"}
        result = subprocess.run(
            [sys.executable, "-m", "app.cli", "demo", "--headless", "--data", str(tmp_path / f"d{n}"),
             "--out", str(tmp_path / f"o{n}")], cwd=REPO, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        last = json.loads(result.stdout.strip().splitlines()[-1])
        assert set(last) == {"bundles", "public_key", "data"} and len(last["bundles"]) == 4
        public = load_public_pem(Path(last["public_key"]).read_bytes())
        checks = [verify_bundle(Path(bundle), public) for bundle in last["bundles"]]
        assert all(check.ok for check in checks)
        assert [check.manifest["candidates"] for check in checks] == [31, 30, 3, 1]  # one barred from skill


def test_spooled_members_are_stored_as_writestr_stores_them(tmp_path):
    """Bundles are written from a spool on disk (a session's reports never all sit in memory);
    each member is stored exactly as ZipFile.writestr stores it, after the manifest and signature."""
    from app.reports.bundle import MANIFEST, SIGNATURE, write_bundle
    from app.security.signing import SigningKey

    members = {"results.json": b'{"a":1}', "reports/T2.pdf": b"%PDF-2" * 5000, "reports/T1.pdf": b"",
               "audit.json": b"[]"}  # fmt: skip
    key = SigningKey.generate()
    manifest = write_bundle(tmp_path / "b.zip", header={"candidates": 2}, members=members, key=key)
    assert not (tmp_path / "b.zip.part").exists() and [p.name for p in tmp_path.iterdir()] == ["b.zip"]
    with zipfile.ZipFile(tmp_path / "ref.zip", "w", compression=zipfile.ZIP_STORED) as ref:
        ref.writestr(MANIFEST, b"{}")
        for name in sorted(members):
            ref.writestr(name, members[name])
    with zipfile.ZipFile(tmp_path / "b.zip") as zf, zipfile.ZipFile(tmp_path / "ref.zip") as ref:
        assert zf.namelist() == [MANIFEST, SIGNATURE, *sorted(members)]
        assert {name: zf.read(name) for name in members} == members
        expected = {i.filename: i for i in ref.infolist()}
        for info in zf.infolist()[2:]:
            want = expected[info.filename]
            assert (info.compress_type, info.external_attr, info.flag_bits, info.CRC, info.file_size, info.extra) == (
                want.compress_type, want.external_attr, want.flag_bits, want.CRC, want.file_size, want.extra)
    assert [f["path"] for f in manifest["files"]] == sorted(members)


def test_the_skill_bundle_carries_the_live_tasks_and_the_report_names_their_mode_and_time(demo, public):
    """The demo's skill session (observed and oral tasks, timed by examiner 1): live_tasks.json holds
    each candidate's records, and the score report names each task's mode and its timed duration."""
    bundle = next(b for b in demo.bundles if b.name.startswith("DEMO-S5"))
    check = verify_bundle(bundle, public)
    assert check.ok and check.manifest["format"] == "examdesk-bundle/7"
    content = members(bundle)
    records = json.loads(content["live_tasks.json"])
    assert records["note_texts"] is not check.manifest["masked"]  # the notes' text only where names are in full
    assert check.manifest["live_tasks"]["candidates"] == len(records["candidates"])
    tasks = [(c["ticket"], t) for c in records["candidates"] for t in c["tasks"]]
    assert {t["mode"] for _ticket, t in tasks} == {"observed", "oral"}
    ticket, observed = next((ticket, t) for ticket, t in tasks if t["mode"] == "observed")
    [timer] = observed["examiners"]
    assert timer["seat"] == 1 and timer["notes"][0] == 1 and observed["files"][0]["name"] == "档案卡.pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=content[f"reports/{ticket}.pdf"], capture_output=True,
                          check=True).stdout.decode("utf-8")  # fmt: skip
    assert f"技能考核第 {observed['slot'] + 1} 题" in text and observed["form"] in text
    assert "考评员计时 0分00秒" in text  # the demo's examiner starts and stops at once
    for oral in (t for tk, t in tasks if tk == ticket and t["mode"] == "oral"):
        assert f"现场问答（题卡 {oral['card']['number']}/{oral['card']['pool']}）" in text
