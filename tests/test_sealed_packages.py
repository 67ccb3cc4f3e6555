"""Sealed exam packages (docs/packages.md): sealed by the exam owner, imported before the day,
readable only with the release key at or after the start time on the centre's clock."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.api.types import FileData
from app.cli import main
from app.errors import DataFileError
from app.reports.verify import verify_bundle
from app.security import sealed_package as sp
from app.security.codes import ALPHABET
from app.security.signing import fingerprint, public_pem
from app.services.base import Conflict, NotFound
from app.services.export import ExportService
from app.services.keys import KeyService
from app.services.packages import PackageRefused, PackageService
from app.services.papers import PaperService
from app.store.models import AuditEntry, PaperInstance, SealedPackage
from tests.conftest import REPO
from tests.store_fixtures import SESSION_START, shared_catalog

SAMPLES = REPO / "question_banks" / "samples" / "4-13-99-02"
BANK_FILES = ("level5-theory-a.yaml", "level5-theory-b.yaml", "basic.yaml")
BANKS = ("ols-basic", "ols-l5-theory-a", "ols-l5-theory-b")
START = datetime.fromisoformat(SESSION_START).astimezone()  # 09:00 local on the exam day; the store reads 08:50
MARK = "独特的密封题干"  # a stem only the sealed bank has: it must not appear in the store before opening


def _files(marked: bool = True) -> list[tuple[str, str]]:
    files = [(name, (SAMPLES / name).read_text(encoding="utf-8")) for name in BANK_FILES]
    if marked:  # one stem made unique, to search the raw store for
        name, text = files[0]
        stem = next(line for line in text.splitlines() if line.strip().startswith("stem:"))
        files[0] = (name, text.replace(stem, stem.split("stem:")[0] + f"stem: {MARK}（　）。", 1))
    return files


@pytest.fixture(scope="module")
def owner():
    return sp.new_owner_key()


@pytest.fixture(scope="module")
def sealed(owner):
    return sp.seal(owner, _files(), session_code="SEALED", not_before=START, sealed_at=START - timedelta(days=3))


# -- the package file and its release key ------------------------------------------------------


def test_seal_and_open_round_trip(owner, sealed):
    data, key = sealed
    package = sp.read_package(data)
    assert package.header.session_code == "SEALED" and package.header.not_before == START
    assert package.header.owner_fingerprint == fingerprint(owner.public_key())
    content = sp.open_content(package, key)
    assert MARK in content.files[0][1]
    assert content.kind == "bank" and content.files == _files()
    # the key reads as it is written: groups of five, and case, spaces and dashes do not matter
    assert len(key) == 35 and key.count("-") == 5
    assert sp.open_content(package, key.lower().replace("-", " ")).files == _files()
    assert MARK.encode("utf-8") not in data and b"ols-l5" not in data  # nothing readable in the file


def test_every_single_byte_change_to_a_package_is_caught(owner):
    # a small package, so that every byte of it (header, signature and content) is changed in turn
    data, _key = sp.seal(owner, [("b.yaml", "schema: examdesk-bank/1\n")], session_code="S", not_before=START,
                         sealed_at=START)  # fmt: skip
    refused = 0
    for i in range(len(data)):
        changed = bytearray(data)
        changed[i] ^= 0x01
        with pytest.raises(sp.DamagedPackage):
            sp.read_package(bytes(changed))
        refused += 1
    assert refused == len(data)
    for cut in (data[:-1], data + b"\x00", data[:100]):
        with pytest.raises(sp.DamagedPackage):
            sp.read_package(cut)


def test_a_mistyped_key_and_another_packages_key_are_told_apart(owner, sealed):
    data, key = sealed
    package = sp.read_package(data)
    code = key.replace("-", "")
    for i in range(len(code)):  # every single mistyped character is caught by the check characters
        for c in ALPHABET.replace(code[i], ""):
            with pytest.raises(sp.MistypedKey):
                sp.parse_release_key(code[:i] + c + code[i + 1 :])
    with pytest.raises(sp.MistypedKey):
        sp.open_content(package, code[:-1])
    _other, other_key = sp.seal(owner, _files(), session_code="SEALED", not_before=START, sealed_at=START)
    with pytest.raises(sp.WrongKey):
        sp.open_content(package, other_key)


# -- at the centre ---------------------------------------------------------------------------------


def _trust(service, world, owner):
    return service.trust_owner(world.admin, FileData("owner.pem", public_pem(owner.public_key())), "某评价机构")


def _raw_store(world) -> bytes:
    """Every byte of the store's files (database, WAL), as someone holding the data folder reads them."""
    if not world.url.startswith("sqlite"):
        pytest.skip("searches the SQLite file")
    folder = Path(world.url.split("///", 1)[1]).parent
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())


def test_an_untrusted_owner_or_a_changed_package_is_refused(world, owner, sealed):
    service = PackageService(world.db)
    data, _key = sealed
    with pytest.raises(PackageRefused) as refused:
        service.import_package(world.admin, FileData("sealed.pkg", data))
    assert "does not trust" in str(refused.value) and sp.read_package(data).header.owner_fingerprint in str(
        refused.value
    )
    view = _trust(service, world, owner)
    assert len(view.fingerprint) == 64
    with pytest.raises(Conflict):
        _trust(service, world, owner)
    changed = bytearray(data)
    changed[-5] ^= 0x20
    with pytest.raises(PackageRefused) as refused:
        service.import_package(world.admin, FileData("sealed.pkg", bytes(changed)))
    assert "was changed after it was sealed" in str(refused.value)
    assert service.packages(world.admin) == []
    imported = service.import_package(world.admin, FileData("sealed.pkg", data))
    assert imported.digest == hashlib.sha256(data).hexdigest() and imported.opened_wall is None
    with pytest.raises(Conflict):
        service.import_package(world.admin, FileData("sealed.pkg", data))


def test_a_package_opens_only_with_its_key_at_its_start_time_on_the_centres_clock(world, owner, sealed):
    service = PackageService(world.db)
    data, key = sealed
    _trust(service, world, owner)
    digest = service.import_package(world.admin, FileData("sealed.pkg", data)).digest
    assert MARK.encode("utf-8") not in _raw_store(world) if world.url.startswith("sqlite") else True
    with pytest.raises(PackageRefused) as refused:  # 08:50: ten minutes early
        service.open_package(world.admin, shared_catalog(), digest, key)
    assert "opens at" in str(refused.value) and "on the centre's clock" in str(refused.value)
    world.db.clock.at = START  # the centre's clock reaches the start time
    _other, other_key = sp.seal(owner, _files(), session_code="SEALED", not_before=START, sealed_at=START)
    with pytest.raises(PackageRefused) as refused:
        service.open_package(world.admin, shared_catalog(), digest, other_key)
    assert "is not the key of package" in str(refused.value)
    with pytest.raises(PackageRefused) as refused:
        service.open_package(world.admin, shared_catalog(), digest, key[:-1] + ("0" if key[-1] != "0" else "1"))
    assert "mistyped" in str(refused.value)
    with pytest.raises(NotFound):
        service.open_package(world.admin, shared_catalog(), "0" * 64, key)
    assert service.packages(world.admin)[0].opened_wall is None
    opened = service.open_package(world.admin, shared_catalog(), digest, key)
    assert opened.opened_wall is not None and opened.banks == BANKS
    with pytest.raises(Conflict):
        service.open_package(world.admin, shared_catalog(), digest, key)
    with world.db.reader() as s:
        actions = [a for (a,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.seq))]
    assert actions[-3:] == ["owner.trust", "package.import", "package.open"]
    if world.url.startswith("sqlite"):  # opened: kept under the data key, still not readable in the file
        assert MARK.encode("utf-8") not in _raw_store(world)


def test_a_package_changed_in_the_store_is_refused_when_opened(world, owner, sealed):
    service = PackageService(world.db)
    data, key = sealed
    _trust(service, world, owner)
    digest = service.import_package(world.admin, FileData("sealed.pkg", data)).digest
    changed = bytearray(data)
    changed[len(data) // 2] ^= 0x01
    with world.db.transaction() as s:
        s.execute(update(SealedPackage).values(package=bytes(changed)))
    world.db.clock.at = START
    with pytest.raises(PackageRefused) as refused:
        service.open_package(world.admin, shared_catalog(), digest, key)
    assert "was changed after it was sealed" in str(refused.value)


def test_a_broken_bank_inside_is_refused_at_opening(world, owner):
    service = PackageService(world.db)
    files = [(BANK_FILES[0], "schema: examdesk-bank/1\nbank: broken\n")]
    data, key = sp.seal(owner, files, session_code="SEALED", not_before=START, sealed_at=START)
    _trust(service, world, owner)
    digest = service.import_package(world.admin, FileData("sealed.pkg", data)).digest
    world.db.clock.at = START
    with pytest.raises(DataFileError):
        service.open_package(world.admin, shared_catalog(), digest, key)
    assert service.packages(world.admin)[0].opened_wall is None


def test_a_sealed_sessions_papers_come_from_its_package_and_name_it(world, owner, sealed, tmp_path):
    service, papers = PackageService(world.db), PaperService(world.db, shared_catalog())
    data, key = sealed
    sid = world.exam.schedule_session(world.admin, code="SEALED", room="202", part="theory", standard="4-13-99-02",
                                      level="5", scheduled_start=SESSION_START, duration_minutes=90)  # fmt: skip
    world.exam.add_candidate(world.admin, sid, ticket="Z001", name="考生甲", id_number="110101199003074514")
    _trust(service, world, owner)
    digest = service.import_package(world.admin, FileData("sealed.pkg", data)).digest
    with pytest.raises(Conflict) as refused:
        papers.prepare_papers(world.admin, sid)
    assert "sealed package that is not open yet" in str(refused.value)
    world.db.clock.at = START
    service.open_package(world.admin, shared_catalog(), digest, key)
    assert papers.prepare_papers(world.admin, sid) == 1
    with world.db.reader() as s:
        paper = s.scalar(select(PaperInstance).where(PaperInstance.session_id == sid))
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "papers.prepare")).all()[-1]
    assert paper.content["package"] == digest
    banks = {entry.get("bank") for entry in paper.content["items"]}
    assert banks <= set(BANKS) and len(banks) > 1, banks
    assert audit.target == f"session:{sid}"
    # the result bundle names the package in its signed manifest (examdesk-bundle/4 on)
    ExportService(world.db, shared_catalog()).export_session(world.admin, sid, tmp_path / "sealed.zip")
    with zipfile.ZipFile(tmp_path / "sealed.zip") as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    assert manifest["format"] == "examdesk-bundle/7"
    assert manifest["package"]["digest"] == digest == hashlib.sha256(data).hexdigest()
    assert manifest["package"]["owner"] == fingerprint(owner.public_key()) and manifest["package"]["opened"]
    check = verify_bundle(tmp_path / "sealed.zip", KeyService(world.db).public_key())
    assert check.ok and check.summary().endswith(f"papers from sealed package SHA-256 {digest}")
    # opened content moved into another package's row is not taken for it
    with world.db.transaction() as s:
        row = s.scalar(select(SealedPackage).where(SealedPackage.digest == digest))
        row.content = {**row.content, "package": "0" * 64}
    world.exam.add_candidate(world.admin, sid, ticket="Z002", name="考生乙", id_number="11010519491231002X")
    with pytest.raises(PackageRefused) as refused:
        papers.prepare_papers(world.admin, sid)
    assert "is not the content of that package" in str(refused.value)


# -- the command line ------------------------------------------------------------------------------


def test_owner_init_seal_trust_import_open_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXAMDESK_OWNER_PASSPHRASE", "owner passphrase")
    assert main(["owner", "init", "--out", str(tmp_path / "owner")]) == 0
    fingerprint = capsys.readouterr().out.split("fingerprint (SHA-256): ")[1].split()[0]
    bank = tmp_path / "banks"
    bank.mkdir()
    for name, text in _files():
        (bank / name).write_text(text, encoding="utf-8")
    pkg = tmp_path / "t5.pkg"
    assert main(["package", "seal", "--bank", str(bank), "--session-code", "T5", "--not-before",
                 "2026-01-01T09:00+08:00", "--owner-key", str(tmp_path / "owner" / "owner-key.pem"),
                 "--out", str(pkg)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    key = out.split("release key: ")[1].split()[0]
    assert hashlib.sha256(pkg.read_bytes()).hexdigest() in out
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", "centre passphrase 1")
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-pass-1234")
    store = ["--data", str(tmp_path / "data")]
    assert main(["store", "init", "--centre-code", "3701001", "--centre-name", "测试考点", *store]) == 0
    assert main(["package", "import", str(pkg), *store]) == 1
    assert "does not trust" in capsys.readouterr().err
    assert main(["owner", "trust", str(tmp_path / "owner" / "owner-public.pem"), "--name", "某评价机构", *store]) == 0
    assert fingerprint in capsys.readouterr().out
    assert main(["package", "import", str(pkg), *store]) == 0
    assert main(["package", "open", str(pkg), "--key", "00000-00000-00000-00000-00000-00000", *store]) == 1
    assert "mistyped" in capsys.readouterr().err
    assert main(["package", "open", str(pkg), "--key", key, *store]) == 0  # the start time is long past
    assert ", ".join(BANKS) in capsys.readouterr().out
    # the wrong passphrase does not open the owner's key
    monkeypatch.setenv("EXAMDESK_OWNER_PASSPHRASE", "not it")
    assert main(["package", "seal", "--bank", str(bank), "--session-code", "T6", "--not-before",
                 "2026-01-01T09:00+08:00", "--owner-key", str(tmp_path / "owner" / "owner-key.pem"),
                 "--out", str(tmp_path / "t6.pkg")]) == 1  # fmt: skip
    assert "passphrase does not open it" in capsys.readouterr().err


def test_why_a_package_is_refused_reads_in_chinese(qapp, world, owner):
    from PySide6.QtCore import QTranslator

    from app import i18n
    from app.ui.widgets.messages import translate_error

    data, _key = sp.seal(owner, _files(marked=False), session_code="S", not_before=START, sealed_at=START)
    with pytest.raises(PackageRefused) as refused:
        PackageService(world.db).import_package(world.admin, FileData("s.pkg", data[:-1]))
    translator = QTranslator()
    assert translator.load(str(i18n.qm_file("zh_CN")))
    qapp.installTranslator(translator)
    try:
        assert translate_error(refused.value) == "s.pkg 在密封后被改动，或不是密封试卷包：内容与签名中的摘要不符"
    finally:
        qapp.removeTranslator(translator)
