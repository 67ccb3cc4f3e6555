"""Seals are composed from each value's canonical text; they must equal, byte for byte, the seals
written before (canonical JSON of the whole row and of each column), or every existing store fails."""

from __future__ import annotations

import hashlib
import hmac
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from app.security.canonical import canonical_json
from app.security.envelope import FieldCipher
from app.store import seals

CIPHER = FieldCipher(bytes(range(32)))

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(), st.binary(max_size=64)
)
values = st.recursive(scalars, lambda inner: st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=8)
# a database driver may hand a column's bytes over as a memoryview or a bytearray (never nested)
columns = st.one_of(values, st.binary(max_size=16).map(memoryview), st.binary(max_size=16).map(bytearray))
rows = st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), columns, min_size=1, max_size=8)


def _plain(value):
    return bytes(value).hex() if isinstance(value, bytes | bytearray | memoryview) else value


def _seal_as_written_before(cipher, table: str, row_id: int, row: dict) -> str:
    whole = cipher.mac(canonical_json([table, row_id, {k: _plain(v) for k, v in row.items()}]), b"row-seal")
    tags = ",".join(
        f"{c}={cipher.mac(canonical_json([table, row_id, c, _plain(row[c])]), b'row-seal/column')[:4]}"
        for c in sorted(row)
    )
    return f"{whole}|{tags}"


@settings(max_examples=300, deadline=None)
@given(table=st.sampled_from(["users", "attempts", "表"]), row_id=st.integers(0, 2**40), row=rows)
def test_a_seal_is_the_same_bytes_as_before(table, row_id, row):
    assert seals.seal_of(CIPHER, table, row_id, row) == _seal_as_written_before(CIPHER, table, row_id, row)


def test_a_large_ciphertext_is_sealed_alike():
    row = {"id": 7, "sealed": os.urandom(200_000), "slots": 40, "seed": "x"}
    assert seals.seal_of(CIPHER, "paper_instances", 7, row) == _seal_as_written_before(
        CIPHER, "paper_instances", 7, row
    )


def test_a_mac_is_hmac_sha256_under_the_purpose_subkey():
    """Every seal, tag and audit entry is such a MAC: the same hex whichever way it is computed."""
    key = bytes(range(32))
    for purpose, message in ((b"row-seal", b""), (b"row-seal/column", b"x" * 100_000), (b"audit", "表".encode())):
        subkey = hmac.new(key, b"examdesk/subkey/" + purpose, hashlib.sha256).digest()
        assert CIPHER.mac(message, purpose) == hmac.new(subkey, message, hashlib.sha256).hexdigest()
    assert CIPHER.mac(b"abc", b"row-seal") == "920c9b737488261aad64bd53481293206351d9fad69a8f4252c8b976b033aa37"
