"""Sealed packages, continued (docs/packages.md): fixed papers sealed by the exam owner and used as
assembled; a replacement package superseding the older one; a signed revocation; the release key as
a QR code, printed at the owner and read back from an image at the centre."""

from __future__ import annotations

import ctypes.util
import dataclasses
import hashlib
import json
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.api.types import FileData
from app.cli import main
from app.domain.fixed_papers import check_paper, form_for, paper_file_json, read_papers
from app.errors import DataFileError
from app.reports import release_key_qr
from app.security import sealed_package as sp
from app.security.signing import public_pem
from app.services.base import Conflict, NotFound
from app.services.export import ExportService
from app.services.packages import PackageRefused, PackageService, package_catalog
from app.services.papers import PaperService
from app.store.models import AuditEntry, PaperInstance
from tests.conftest import REPO
from tests.store_fixtures import SESSION_START, shared_catalog

SAMPLES = REPO / "question_banks" / "samples" / "4-13-99-02"
BANK_FILES = ("level5-theory-a.yaml", "level5-theory-b.yaml", "basic.yaml")
START = datetime.fromisoformat(SESSION_START).astimezone()  # 09:00 on the exam day; the store reads 08:50
needs_zbar = pytest.mark.skipif(ctypes.util.find_library("zbar") is None, reason="no libzbar to read QR codes")


def _banks() -> list[tuple[str, str]]:
    return [(name, (SAMPLES / name).read_text(encoding="utf-8")) for name in BANK_FILES]


@pytest.fixture(scope="module")
def owner():
    return sp.new_owner_key()


@pytest.fixture(scope="module")
def forms() -> dict:
    """Two parallel forms as the owner's `paper build --forms 2 --json` writes them, from the banks sealed."""
    assembler = package_catalog(shared_catalog(), _banks()).assembler("4-13-99-02", "5")
    return {"forms": [paper_file_json(paper) for paper in assembler.build_forms(2, "OWNER")]}


def _papers_package(owner, forms: dict, **kw) -> tuple[bytes, str]:
    return sp.seal(owner, _banks(), session_code=kw.pop("session_code", "FIXED"), not_before=START,
                   sealed_at=START - timedelta(days=2), kind="papers",
                   papers=[("forms.json", json.dumps(forms, ensure_ascii=False))], **kw)  # fmt: skip


def _trust(service, world, owner) -> None:
    service.trust_owner(world.admin, FileData("owner.pem", public_pem(owner.public_key())), "某评价机构")


def _schedule(world, code: str, tickets: tuple[str, ...]) -> int:
    sid = world.exam.schedule_session(world.admin, code=code, room="202", part="theory", standard="4-13-99-02",
                                      level="5", scheduled_start=SESSION_START, duration_minutes=90)  # fmt: skip
    ids = ("110101199003074514", "11010519491231002X", "110101198001010053", "110101197001010032")
    for ticket, id_number in zip(tickets, ids, strict=False):
        world.exam.add_candidate(world.admin, sid, ticket=ticket, name=f"考生{ticket}", id_number=id_number)
    return sid


def _actions(world) -> list[str]:
    with world.db.reader() as s:
        return [a for (a,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.seq))]


# -- fixed papers ----------------------------------------------------------------------------------


def test_fixed_papers_are_used_as_the_owner_assembled_them(world, owner, forms):
    service, papers = PackageService(world.db), PaperService(world.db, shared_catalog())
    data, key = _papers_package(owner, forms)
    sid = _schedule(world, "FIXED", ("F001", "F002", "F003", "F004"))
    _trust(service, world, owner)
    digest = service.import_package(world.admin, FileData("fixed.pkg", data)).digest
    world.db.clock.at = START
    opened = service.open_package(world.admin, shared_catalog(), digest, key)
    assert opened.kind == "papers" and opened.papers == 2
    assert papers.prepare_papers(world.admin, sid) == 4
    with world.db.reader() as s:
        rows = s.scalars(select(PaperInstance).where(PaperInstance.session_id == sid)).all()
        contents = [(r.seed, r.content) for r in rows]
    by_seed = {form["seed"]: form for form in forms["forms"]}
    for seed, content in contents:  # each candidate sits one of the owner's forms, item for item
        form = by_seed[seed]
        assert [e["id"] for e in content["items"]] == [i["id"] for i in form["items"]]
        for entry, item in zip(content["items"], form["items"], strict=True):
            assert Decimal(entry["points"]) == Decimal(str(item["points"]))
        assert content["package"] == digest and content["multiple_credit"] == form["multiple_credit"]
    # the ticket chooses the form, the same one each time
    parsed = [type("P", (), {"seed": f["seed"]})() for f in forms["forms"]]
    assert sorted(seed for seed, _c in contents) == sorted(form_for(t, parsed).seed
                                                           for t in ("F001", "F002", "F003", "F004"))  # fmt: skip
    assert _actions(world)[-2:] == ["package.open", "papers.prepare"]


def _moved_point(forms: dict) -> dict:
    """The first form with one item moved to another area: its areas no longer add up to the weight table."""
    changed = json.loads(json.dumps(forms))
    items = changed["forms"][0]["items"]
    other = next(i for i in items if i["area"] != items[0]["area"])
    items[0] = {**items[0], "area": other["area"]}
    return changed


def test_fixed_papers_that_do_not_meet_the_weight_table_or_the_banks_are_refused_at_opening(world, owner, forms):
    service = PackageService(world.db)
    _trust(service, world, owner)
    world.db.clock.at = START
    changed = _moved_point(forms)
    data, key = _papers_package(owner, changed, session_code="WEIGHTS")
    digest = service.import_package(world.admin, FileData("w.pkg", data)).digest
    with pytest.raises(DataFileError) as refused:
        service.open_package(world.admin, shared_catalog(), digest, key)
    text = str(refused.value)
    assert "forms.json: forms[0]" in text and "the weight table gives it" in text, text
    assert "forms[1]" not in text  # the other form is sound
    unknown = json.loads(json.dumps(forms))
    unknown["forms"][1]["items"][3]["id"] = "NO-SUCH-ITEM"
    data, key = _papers_package(owner, unknown, session_code="UNKNOWN")
    digest = service.import_package(world.admin, FileData("u.pkg", data)).digest
    with pytest.raises(DataFileError) as refused:
        service.open_package(world.admin, shared_catalog(), digest, key)
    assert "forms[1].items[3] (NO-SUCH-ITEM): is not an item of the banks sealed with the paper" in str(refused.value)
    other_level = json.loads(json.dumps(forms))
    other_level["forms"][0]["level"] = 4  # level 5 items: not for a level 4 paper
    data, key = _papers_package(owner, other_level, session_code="LEVEL")
    digest = service.import_package(world.admin, FileData("l.pkg", data)).digest
    with pytest.raises(DataFileError) as refused:
        service.open_package(world.admin, shared_catalog(), digest, key)
    assert "forms.json: forms[0].items[" in str(refused.value) and ", not level 4" in str(refused.value)
    assert all(p.opened_wall is None for p in service.packages(world.admin))


# -- replacement and revocation --------------------------------------------------------------------


def test_a_newer_version_replaces_the_package_and_the_older_is_refused_after(world, owner, forms):
    service, papers = PackageService(world.db), PaperService(world.db, shared_catalog())
    sid = _schedule(world, "FIXED", ("F001",))
    _trust(service, world, owner)
    v1, key1 = _papers_package(owner, forms)
    first = service.import_package(world.admin, FileData("v1.pkg", v1))
    v2, key2 = _papers_package(owner, forms, version=2, replaces=first.package_id)
    second = service.import_package(world.admin, FileData("v2.pkg", v2))
    assert second.version == 2 and [p.package_id for p in service.packages(world.admin)] == [second.package_id]
    assert _actions(world)[-2:] == ["package.import", "package.replace"]
    with pytest.raises(PackageRefused) as refused:  # the older one, once the newer arrived
        service.import_package(world.admin, FileData("v1.pkg", v1))
    assert "was replaced by a newer version of the package: the older one is refused" in str(refused.value)
    world.db.clock.at = START
    with pytest.raises(NotFound):
        service.open_package(world.admin, shared_catalog(), first.digest, key1)
    # another package that is not newer is refused too
    again, _key = _papers_package(owner, forms, version=2)
    with pytest.raises(PackageRefused) as refused:
        service.import_package(world.admin, FileData("again.pkg", again))
    assert "already has version 2 of its package: version 2 is not newer" in str(refused.value)
    service.open_package(world.admin, shared_catalog(), second.digest, key2)
    assert papers.prepare_papers(world.admin, sid) == 1
    with world.db.reader() as s:
        drawn = s.scalar(select(PaperInstance.content).where(PaperInstance.session_id == sid))
    assert drawn["package"] == second.digest
    v3, _key3 = _papers_package(owner, forms, version=3, replaces=second.package_id)
    with pytest.raises(Conflict) as refused:  # papers were drawn from version 2: too late to replace it
        service.import_package(world.admin, FileData("v3.pkg", v3))
    assert "papers were already drawn from version 2" in str(refused.value)


def test_a_revoked_package_is_refused_at_import_opening_and_paper_preparation(world, owner, forms, tmp_path):
    service, papers = PackageService(world.db), PaperService(world.db, shared_catalog())
    _trust(service, world, owner)
    world.db.clock.at = START
    # a revocation that arrives before its package: the package is refused when it comes
    early, _early_key = _papers_package(owner, forms, session_code="EARLY")
    revocation = sp.revoke(owner, sp.read_package(early), reason="试题泄露", revoked_at=START - timedelta(hours=1))
    view = service.revoke_package(world.admin, FileData("early.rev", revocation))
    assert not view.imported and view.reason == "试题泄露" and view.owner_name == "某评价机构"
    with pytest.raises(PackageRefused) as refused:
        service.import_package(world.admin, FileData("early.pkg", early))
    assert str(refused.value).startswith("early.pkg was revoked by its exam owner on")
    assert "试题泄露" in str(refused.value)
    # revoked after import: it cannot be opened, and the list says so
    data, key = _papers_package(owner, forms, session_code="LATER")
    digest = service.import_package(world.admin, FileData("later.pkg", data)).digest
    service.revoke_package(world.admin, FileData("later.rev", sp.revoke(owner, sp.read_package(data), reason="更正",
                                                                        revoked_at=START)))  # fmt: skip
    with pytest.raises(PackageRefused) as refused:
        service.open_package(world.admin, shared_catalog(), digest, key)
    assert "was revoked by its exam owner" in str(refused.value) and "更正" in str(refused.value)
    listed = {p.session_code: p for p in service.packages(world.admin)}
    assert listed["LATER"].revoked_wall is not None and listed["LATER"].revoked_reason == "更正"
    with pytest.raises(Conflict):
        service.revoke_package(world.admin, FileData("later.rev", sp.revoke(owner, sp.read_package(data), reason="x",
                                                                            revoked_at=START)))  # fmt: skip
    # revoked after papers were drawn: no more papers from it, and the bundle still names it
    sid = _schedule(world, "OPENED", ("F001",))
    opened, opened_key = _papers_package(owner, forms, session_code="OPENED")
    digest = service.import_package(world.admin, FileData("opened.pkg", opened)).digest
    service.open_package(world.admin, shared_catalog(), digest, opened_key)
    assert papers.prepare_papers(world.admin, sid) == 1
    service.revoke_package(world.admin, FileData("o.rev", sp.revoke(owner, sp.read_package(opened), reason="作废",
                                                                    revoked_at=START)))  # fmt: skip
    world.exam.add_candidate(world.admin, sid, ticket="F009", name="考生乙", id_number="11010519491231002X")
    with pytest.raises(PackageRefused) as refused:
        papers.prepare_papers(world.admin, sid)
    assert "was revoked by its exam owner" in str(refused.value)
    ExportService(world.db, shared_catalog()).export_session(world.admin, sid, tmp_path / "opened.zip")
    with zipfile.ZipFile(tmp_path / "opened.zip") as bundle:
        assert json.loads(bundle.read("manifest.json"))["package"]["digest"] == digest
    assert _actions(world).count("package.revoke") == 3
    # a revocation that is changed, or signed by a key the centre does not trust, is refused
    changed = bytearray(revocation)
    changed[-70] ^= 0x01
    with pytest.raises(PackageRefused) as refused:
        service.revoke_package(world.admin, FileData("bad.rev", bytes(changed)))
    assert "was changed after it was sealed" in str(refused.value)
    stranger = sp.new_owner_key()
    theirs, _k = _papers_package(stranger, forms, session_code="STRANGER")
    with pytest.raises(PackageRefused) as refused:
        service.revoke_package(world.admin, FileData("s.rev", sp.revoke(stranger, sp.read_package(theirs), reason="x",
                                                                        revoked_at=START)))  # fmt: skip
    assert "does not trust" in str(refused.value)
    # another trusted owner's revocation naming this owner's package id does not revoke that package
    service.trust_owner(world.admin, FileData("s.pem", public_pem(stranger.public_key())), "另一机构")
    mine, _mine_key = _papers_package(owner, forms, session_code="MINE")
    theirs_read = sp.read_package(theirs)
    posing = sp.Package(dataclasses.replace(theirs_read.header, package_id=sp.read_package(mine).header.package_id),
                        theirs_read.data)  # fmt: skip
    service.revoke_package(world.admin, FileData("p.rev", sp.revoke(stranger, posing, reason="x", revoked_at=START)))
    assert service.import_package(world.admin, FileData("mine.pkg", mine)).revoked_wall is None


def test_every_single_byte_change_to_a_revocation_is_caught(owner):
    data, _key = sp.seal(owner, [("b.yaml", "schema: examdesk-bank/1\n")], session_code="S", not_before=START,
                         sealed_at=START)  # fmt: skip
    revocation = sp.revoke(owner, sp.read_package(data), reason="r", revoked_at=START)
    assert sp.read_revocation(revocation).package_id == sp.read_package(data).header.package_id
    for i in range(len(revocation)):
        changed = bytearray(revocation)
        changed[i] ^= 0x01
        with pytest.raises(sp.DamagedPackage):
            sp.read_revocation(bytes(changed))
    with pytest.raises(ValueError):  # only the owner who sealed it revokes it
        sp.revoke(sp.new_owner_key(), sp.read_package(data), reason="r", revoked_at=START)


# -- the release key as a QR code ------------------------------------------------------------------


@needs_zbar
def test_the_release_key_reads_back_from_its_qr_code_png_and_printed_sheet(owner, tmp_path):
    data, key = sp.seal(owner, _banks(), session_code="QR", not_before=START, sealed_at=START)
    package = sp.read_package(data)
    image = tmp_path / "key.png"
    release_key_qr.write(image, package.header, package.digest, key)
    assert release_key_qr.scan(image) == (package.header.package_id, key)
    sheet = tmp_path / "key.pdf"
    release_key_qr.write(sheet, package.header, package.digest, key)
    assert sheet.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):  # printed and scanned: the sheet as a 100 dpi image
        subprocess.run(["pdftoppm", "-png", "-r", "100", str(sheet), str(tmp_path / "scan")], check=True)
        assert release_key_qr.scan(next(tmp_path.glob("scan*.png"))) == (package.header.package_id, key)
    (tmp_path / "blank.png").write_bytes(release_key_qr.png(package.header.package_id, key)[:40])
    with pytest.raises(release_key_qr.NotAnImage):
        release_key_qr.scan(tmp_path / "blank.png")
    from PIL import Image

    Image.new("L", (200, 200), 255).save(tmp_path / "white.png")
    with pytest.raises(release_key_qr.NoKeyFound):
        release_key_qr.scan(tmp_path / "white.png")
    with pytest.raises(release_key_qr.NoKeyFound):  # a QR code of something else
        release_key_qr.parse_payload("https://example.org/")
    with pytest.raises(sp.MistypedKey):  # a key that is mistyped is never printed
        release_key_qr.payload(package.header.package_id, key[:-1] + ("0" if key[-1] != "0" else "1"))


@pytest.mark.slow  # two store set-ups with Argon2 (12 s); nothing in it depends on the date
@needs_zbar
def test_seal_papers_with_a_qr_sheet_then_open_from_its_image_and_revoke_from_the_command_line(
    tmp_path, monkeypatch, capsys, forms
):
    monkeypatch.setenv("EXAMDESK_OWNER_PASSPHRASE", "owner passphrase")
    assert main(["owner", "init", "--out", str(tmp_path / "owner")]) == 0
    bank = tmp_path / "banks"
    bank.mkdir()
    for name, text in _banks():
        (bank / name).write_text(text, encoding="utf-8")
    (tmp_path / "forms.json").write_text(json.dumps(forms, ensure_ascii=False), encoding="utf-8")
    owner_key = ["--owner-key", str(tmp_path / "owner" / "owner-key.pem")]
    pkg, qr = tmp_path / "t5.pkg", tmp_path / "t5-key.png"
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="minutes")  # already due on any clock
    assert main(["package", "seal", "--bank", str(bank), "--papers", str(tmp_path / "forms.json"), "--session-code",
                 "T5", "--not-before", past, *owner_key, "--out", str(pkg), "--key-qr", str(qr)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "sealed 2 fixed paper(s) and 3 bank file(s)" in out and qr.exists()
    v2 = tmp_path / "t5-v2.pkg"
    assert main(["package", "seal", "--bank", str(bank), "--papers", str(tmp_path / "forms.json"), "--replaces",
                 str(pkg), "--not-before", past, *owner_key, "--out", str(v2), "--key-qr",
                 str(tmp_path / "v2.pdf")]) == 0  # fmt: skip
    assert "version 2: replaces package" in capsys.readouterr().out
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", "centre passphrase 1")
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-pass-1234")
    store = ["--data", str(tmp_path / "data")]
    assert main(["store", "init", "--centre-code", "3701001", "--centre-name", "测试考点", *store]) == 0
    assert main(["owner", "trust", str(tmp_path / "owner" / "owner-public.pem"), "--name", "某评价机构", *store]) == 0
    assert main(["package", "import", str(pkg), *store]) == 0
    capsys.readouterr()
    assert main(["package", "open", str(v2), "--key-image", str(qr), *store]) == 1  # v1's key is not v2's
    assert "not of" in capsys.readouterr().err
    assert main(["package", "open", str(pkg), "--key-image", str(qr), *store]) == 0
    assert "2 fixed paper(s)" in capsys.readouterr().out
    assert main(["package", "import", str(v2), *store]) == 0  # v1 is open, but no paper drawn yet
    assert main(["package", "import", str(pkg), *store]) == 1
    assert "the older one is refused" in capsys.readouterr().err
    revocation = tmp_path / "t5-v2.rev"
    assert main(["package", "revoke", str(v2), "--reason", "试题有误", *owner_key, "--out", str(revocation)]) == 0
    assert main(["package", "import", str(revocation), *store]) == 0
    assert "recorded the revocation" in capsys.readouterr().out
    assert main(["package", "list", *store]) == 0
    listed = capsys.readouterr().out
    assert "REVOKED" in listed and hashlib.sha256(v2.read_bytes()).hexdigest() in listed


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
_ITEM = st.fixed_dictionaries(
    {"id": _JSON, "type": _JSON, "area": st.sampled_from(["学情分析", "x"]) | _JSON,
     "points": st.sampled_from(["NaN", "Infinity", "-1", "0", "1.5", "1e999"]) | _JSON},
    optional={"options_order": _JSON},
)  # fmt: skip
_PAPER = st.fixed_dictionaries(
    {"seed": _JSON, "standard": _JSON, "level": _JSON, "part": st.sampled_from(["theory", "skill", "review"]) | _JSON,
     "items": st.lists(_ITEM, max_size=4) | _JSON},
    optional={"multiple_credit": _JSON, "subtype": _JSON},
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.one_of(_PAPER, st.fixed_dictionaries({"forms": st.lists(_PAPER, max_size=3) | _JSON}), _JSON))
def test_any_papers_file_gets_problems_by_field_never_a_crash(raw):
    papers, problems = read_papers("forms.json", json.dumps(raw))
    for where, paper in papers:  # what reads as a paper is checked without a crash too
        problems += check_paper("forms.json", where, paper, {"学情分析": Decimal(100)}, {}, {})
    assert problems and all(p.source == "forms.json" for p in problems)


def test_why_fixed_papers_or_a_revoked_package_are_refused_reads_in_chinese(qapp, world, owner, forms):
    from PySide6.QtCore import QTranslator

    from app import i18n
    from app.ui.widgets.messages import translate_error

    service = PackageService(world.db)
    _trust(service, world, owner)
    world.db.clock.at = START
    data, key = _papers_package(owner, _moved_point(forms), session_code="WEIGHTS")
    digest = service.import_package(world.admin, FileData("w.pkg", data)).digest
    with pytest.raises(DataFileError) as weights:
        service.open_package(world.admin, shared_catalog(), digest, key)
    service.revoke_package(world.admin, FileData("w.rev", sp.revoke(owner, sp.read_package(data), reason="试题有误",
                                                                    revoked_at=START)))  # fmt: skip
    with pytest.raises(PackageRefused) as revoked:
        service.open_package(world.admin, shared_catalog(), digest, key)
    translator = QTranslator()
    assert translator.load(str(i18n.qm_file("zh_CN")))
    qapp.installTranslator(translator)
    try:
        assert "鉴定比重表规定为" in translate_error(weights.value), translate_error(weights.value)
        assert "已被命题单位于" in translate_error(revoked.value) and "试题有误" in translate_error(revoked.value)
    finally:
        qapp.removeTranslator(translator)
