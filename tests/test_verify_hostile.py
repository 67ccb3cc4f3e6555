"""`examdesk verify` on hostile bundles: a clear reason for each, memory bounded, never a traceback (issue 13).

Named cases first, then mutated bundles (hypothesis, tests/fuzzing.py): flipped bytes, patched zip
headers, members re-zipped another way, and manifests changed and signed again with the centre's key.
"""

from __future__ import annotations

import io
import json
import struct
import tempfile
import tracemalloc
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cli import main
from app.reports.bundle import write_bundle
from app.reports.verify import MAX_MANIFEST, BundleCheck, verify_bundle
from app.security.signing import SigningKey, public_pem
from app.ui.widgets.messages import match_message
from tests.fuzzing import fuzz, mutated_bytes, mutated_tree, patched_zip

KEY = SigningKey.generate()
FOLDER = Path(tempfile.mkdtemp(prefix="examdesk-fuzz-bundle-"))
MEMBERS = {
    "results.json": json.dumps({"candidates": [{"ticket": "T1", "score": 88}]}).encode(),
    "results.csv": "\ufeff准考证号 (ticket)\r\nT1\r\n".encode(),
    "reports/T1.pdf": b"%PDF-1.4 " + bytes(range(256)) * 4,
    "audit.json": b"[]",
    "response_matrix.csv": "\ufeffcandidate,item_version,item_id,area,type,score,max_score,omitted,response\r\n"
    "R0123456789abcdef,b@1/Q1#0123456789ab,Q1,基础知识,single,1,1,0,A\r\n".encode(),
}
HEADER = {"centre": {"code": "C01", "name": "测试考点"}, "session": {"code": "S1", "standard": "T-01", "level": "4",
          "part": "theory"}, "candidates": 1, "masked": True, "created": "2026-12-05T10:00",
          "response_matrix": {"member": "response_matrix.csv", "salt": "00" * 16, "candidates": 1, "items": 1,
                              "rows": 1, "left_out": {}}}  # fmt: skip
BUNDLE = FOLDER / "good.zip"
MANIFEST = write_bundle(BUNDLE, header=HEADER, members=MEMBERS, key=KEY)
GOOD = BUNDLE.read_bytes()
GOOD_MANIFEST = zipfile.ZipFile(BUNDLE).read("manifest.json")


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def signed(manifest_bytes: bytes, members: dict[str, bytes] = MEMBERS) -> dict[str, bytes]:
    return {"manifest.json": manifest_bytes, "manifest.sig": KEY.sign(manifest_bytes), **members}


def check(data: bytes) -> BundleCheck:
    path = FOLDER / "bundle.zip"
    path.write_bytes(data)
    result = verify_bundle(path, KEY.public)
    assert isinstance(result, BundleCheck)
    if not result.ok:
        assert result.reason and "\n" not in result.reason
        assert match_message(result.reason) is not None, f"no template for: {result.reason!r}"
    return result


def test_the_good_bundle_verifies():
    assert check(GOOD).ok


def _patch(data: bytes, member: str, local: int, central: int, value: int) -> bytes:
    """One 2-byte field of a member in its local header and its central directory entry."""
    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    out[info.header_offset + local : info.header_offset + local + 2] = struct.pack("<H", value)
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        n = struct.unpack("<H", data[entry + 28 : entry + 30])[0]
        if data[entry + 46 : entry + 46 + n] == member.encode():
            out[entry + central : entry + central + 2] = struct.pack("<H", value)
        entry = data.find(b"PK\x01\x02", entry + 4)
    return bytes(out)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ((8, 10), 99, "manifest.json uses compression method 99; ExamDesk reads stored or deflated members"),
        ((8, 10), 14, "manifest.json uses compression method 14; ExamDesk reads stored or deflated members"),
        ((6, 8), 1, "manifest.json is encrypted; ExamDesk reads no encrypted zip members"),
    ],
)
def test_members_zipfile_cannot_or_should_not_open(field, value, reason):
    assert check(_patch(GOOD, "manifest.json", *field, value)).reason == reason


def test_a_zip_version_past_what_zipfile_reads():
    assert check(_patch(GOOD, "results.json", 4, 6, 99)).reason == "not a readable zip file (zip file version 9.9)"


def test_deeply_nested_json_in_the_manifest():
    deep = b"[" * 100_000 + b"]" * 100_000
    assert check(zip_of({"manifest.json": deep, "manifest.sig": bytes(64)})).reason == (
        "bad signature: manifest.json was changed or not signed by this key"
    )
    assert check(zip_of(signed(deep))).reason == "manifest.json: JSON nested too deeply"
    assert check(zip_of(signed(b'{"format": "examdesk-bundle/2", "x": ' + deep + b"}"))).reason == (
        "manifest.json: JSON nested too deeply"
    )


def _bomb(name: str, inflated: int, said: int) -> bytes:
    """A zip whose one member deflates `inflated` zero bytes (about 1 KiB per MiB), its headers saying
    it inflates to `said` bytes. Made block by block: a deflate block of zeros after zeros is the same."""
    mib = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(mib) + deflate.flush(zlib.Z_SYNC_FLUSH)
    again = deflate.compress(mib) + deflate.flush(zlib.Z_SYNC_FLUSH)
    body = first + again * (inflated // len(mib) - 1) + deflate.flush()
    raw = name.encode()
    local = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, 0, len(body), said, len(raw), 0)
    central = struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, 0, len(body), said, len(raw), 0, 0, 0,
                          0, 0, 0)  # fmt: skip
    offset = len(local) + len(raw) + len(body)
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(raw), offset, 0)
    out = io.BytesIO(local + raw + body + central + raw + end)
    with zipfile.ZipFile(out, "a") as zf:  # appending reads the directory, not the member
        zf.writestr("manifest.sig", bytes(64))
    return out.getvalue()


@pytest.mark.parametrize("said", [1 << 30, 1000], ids=["honest header", "lying header"])
def test_a_small_bundle_whose_manifest_inflates_to_1_gib(said):
    data = _bomb("manifest.json", 1 << 30, said)
    assert len(data) < 2 << 20
    tracemalloc.start()
    try:
        reason = check(data).reason
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_MANIFEST
    if said > MAX_MANIFEST:
        assert reason == "manifest.json inflates to more than 16 MiB, the most ExamDesk reads"
    else:  # zipfile reads no further than the header says; the CRC-32 then fails
        assert reason.startswith("manifest.json is corrupt (Bad CRC-32")


def test_a_member_may_not_inflate_past_its_signed_size():
    members = {**MEMBERS, "audit.json": b"[" + b" " * 10_000 + b"]"}
    data = zip_of({"manifest.json": GOOD_MANIFEST, "manifest.sig": KEY.sign(GOOD_MANIFEST), **members},
                  zipfile.ZIP_DEFLATED)  # fmt: skip
    assert check(data).reason == "size mismatch: audit.json is 10002 bytes, manifest says 2"



@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (b"[1, 2]", "manifest.json: not a JSON object"),
        (b"\xff\xfe", "manifest.json: not JSON (Expecting value: line 1 column 1 (char 0))"),
        (json.dumps({"format": "examdesk-bundle/2", "files": [{"path": "a"}]}).encode(),
         "manifest.json: files[0] is not a file entry (path, sha256, size)"),
        (json.dumps({"format": "examdesk-bundle/2", "files": {}}).encode(),
         "manifest.json: files[0] is not a file entry (path, sha256, size)"),
        (json.dumps({"format": ["x"] * 100}).encode(),
         "unknown bundle format \"['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',\""),
    ],
)  # fmt: skip
def test_signed_manifests_that_are_not_manifests(manifest, reason):
    assert check(zip_of(signed(manifest))).reason == reason


def test_the_command_line_says_invalid_and_the_reason(capsys):
    pub = FOLDER / "centre.pub.pem"
    pub.write_bytes(public_pem(KEY.public))
    path = FOLDER / "bomb.zip"
    path.write_bytes(_bomb("manifest.json", 1 << 30, 1 << 30))
    assert main(["verify", str(path), "--pubkey", str(pub)]) == 1
    assert capsys.readouterr().out == "INVALID: manifest.json inflates to more than 16 MiB, the most ExamDesk reads\n"


# -- mutated bundles --------------------------------------------------------------------------------


def _members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@fuzz(300)
@given(st.one_of(mutated_bytes(GOOD), patched_zip(GOOD)))
def test_a_bundle_of_changed_bytes_fails_with_a_clear_reason(data):
    if check(data).ok:  # only bytes that carry no content changed (a date, a comment, a flag)
        assert _members_of(data) == _members_of(GOOD)


@st.composite
def rezipped_bundle(draw: st.DrawFn) -> bytes:
    members = _members_of(GOOD)
    op = draw(st.sampled_from(["deflate", "remove", "add", "duplicate", "replace"]))
    name = draw(st.sampled_from(sorted(members)))
    if op == "deflate":
        return zip_of(members, zipfile.ZIP_DEFLATED)
    if op == "remove":
        del members[name]
    elif op == "add":
        members[draw(st.sampled_from(["extra.txt", "reports/T2.pdf", "../x", "/abs", "a" * 300]))] = b"x"
    elif op == "replace":
        members[name] = draw(st.binary(max_size=300))
    out = io.BytesIO(zip_of(members))
    if op == "duplicate":
        with warnings.catch_warnings(), zipfile.ZipFile(out, "a") as zf:
            warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it writes
            zf.writestr(name, members[name])
    return out.getvalue()


@fuzz(150)
@given(rezipped_bundle())
def test_a_bundle_zipped_again_is_checked_member_by_member(data):
    result = check(data)
    if result.ok:
        assert _members_of(data) == _members_of(GOOD)


@fuzz(300)
@given(mutated_tree(MANIFEST))
def test_a_manifest_changed_and_signed_again_never_breaks_verification(manifest):
    text = json.dumps(manifest, ensure_ascii=False, default=str).encode()
    check(zip_of(signed(text)))
