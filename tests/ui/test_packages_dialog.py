"""The admin's sealed-package dialog: trust the owner, import a package, open it with the release key."""

from __future__ import annotations

import ctypes.util
from datetime import UTC, datetime

import pytest

from app.reports import release_key_qr
from app.security import sealed_package as sp
from app.security.signing import fingerprint, public_pem
from app.ui.admin.common import Files
from app.ui.admin.packages_dialog import PackagesDialog
from app.ui.admin.standards_tab import StandardsTab
from tests.conftest import REPO

BANK = REPO / "question_banks" / "samples" / "4-13-99-02" / "level5-theory-a.yaml"
PAST, FUTURE = datetime(2000, 1, 1, tzinfo=UTC), datetime(2999, 1, 1, tzinfo=UTC)  # either side of any test run


def _package(owner, tmp_path, code, not_before):
    data, key = sp.seal(owner, [(BANK.name, BANK.read_text(encoding="utf-8"))], session_code=code,
                        not_before=not_before, sealed_at=PAST)  # fmt: skip
    path = tmp_path / f"{code}.pkg"
    path.write_bytes(data)
    return path, key


def test_trust_import_and_open_from_the_dialog(qtbot, signed_in, monkeypatch, tmp_path, answers):
    admin = signed_in("admin")
    tab = StandardsTab(admin)
    qtbot.addWidget(tab)
    assert tab.packages_button.isEnabled()
    dialog = PackagesDialog(admin)
    qtbot.addWidget(dialog)
    assert "No exam owner is trusted yet" in dialog.owners.text()
    owner = sp.new_owner_key()
    pem = tmp_path / "owner.pem"
    pem.write_bytes(public_pem(owner.public_key()))
    early, _early_key = _package(owner, tmp_path, "SEALED-LATER", FUTURE)
    due, key = _package(owner, tmp_path, "SEALED-NOW", PAST)

    chosen = [early]  # an untrusted owner's package is refused, and says why
    monkeypatch.setattr(Files, "open_path", staticmethod(lambda parent, title, filters: chosen.pop(0)))
    dialog.import_package()
    assert len(answers["errors"]) == 1 and "does not trust" in answers["errors"][0]
    chosen.append(pem)
    answers["text"].append("某评价机构")
    dialog.trust_owner()
    assert fingerprint(owner.public_key()) in dialog.status.text() and "某评价机构" in dialog.owners.text()
    chosen += [early, due]
    dialog.import_package()
    dialog.import_package()
    assert dialog.model.rowCount() == 2
    dialog.table.selectRow(0)  # too early: the centre's clock has not reached its start time
    answers["text"].append(_early_key)
    dialog.open_package()
    assert len(answers["errors"]) == 2 and "opens at" in answers["errors"][1]
    dialog.table.selectRow(1)
    answers["text"].append(key.lower())
    dialog.open_package()
    assert len(answers["errors"]) == 2, answers["errors"]
    assert "ols-l5-theory-a" in dialog.status.text()
    opened = {p.session_code: p.opened_wall for p in admin.admin.packages()}
    assert opened["SEALED-LATER"] is None and opened["SEALED-NOW"] is not None


@pytest.mark.skipif(ctypes.util.find_library("zbar") is None, reason="no libzbar to read QR codes")
def test_open_from_the_qr_code_image_and_record_a_revocation_from_the_dialog(qtbot, signed_in, monkeypatch, tmp_path,
                                                                              answers):  # fmt: skip
    admin = signed_in("admin")
    owner = sp.new_owner_key()
    pem = tmp_path / "owner.pem"
    pem.write_bytes(public_pem(owner.public_key()))
    due, key = _package(owner, tmp_path, "QR-NOW", PAST)
    other, _other_key = _package(owner, tmp_path, "QR-OTHER", PAST)
    package = sp.read_package(due.read_bytes())
    image = tmp_path / "key.png"
    release_key_qr.write(image, package.header, package.digest, key)
    revocation = tmp_path / "other.rev"
    revocation.write_bytes(sp.revoke(owner, sp.read_package(other.read_bytes()), reason="试题有误", revoked_at=PAST))
    dialog = PackagesDialog(admin)
    qtbot.addWidget(dialog)
    chosen = [pem, due, other, revocation, tmp_path / "owner.pem", image]
    monkeypatch.setattr(Files, "open_path", staticmethod(lambda parent, title, filters: chosen.pop(0)))
    answers["text"].append("某评价机构")
    dialog.trust_owner()
    dialog.import_package()
    dialog.import_package()
    dialog.import_package()  # the revocation: recorded, and the package shows revoked
    assert "试题有误" in dialog.status.text() and answers["errors"] == []
    states = {dialog.model.index(r, 0).data(): dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())}
    assert states["QR-OTHER"] == "revoked: 试题有误" and states["QR-NOW"] == "sealed"
    dialog.open_from_image()  # not an image: said so, nothing opened
    assert "not an image" in dialog.status.text()
    dialog.open_from_image()  # the QR code names its package: no need to choose it in the table
    assert answers["errors"] == [] and "ols-l5-theory-a" in dialog.status.text()
    opened = {p.session_code: p.opened_wall for p in admin.admin.packages()}
    assert opened["QR-NOW"] is not None and opened["QR-OTHER"] is None
