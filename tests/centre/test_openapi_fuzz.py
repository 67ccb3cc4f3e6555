"""The centre's OpenAPI description, fuzzed against a running centre (schemathesis): whatever a
request carries, the centre refuses it as a request or a refusal, never with a server error.
Capped to a few examples per call (a longer run: `st run` by hand, docs/centre.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.centre.conftest import pc

pytestmark = [pytest.mark.centre, pytest.mark.slow]  # slow: a few minutes; the year-ahead run leaves it out


def test_no_request_makes_a_server_error(centre, tmp_path):
    station = pc(centre, "FUZZ-PC")
    admin = station.client()
    admin.sign_in("admin", "admin-pass-1")
    ca = tmp_path / "ca.pem"
    ca.write_bytes(centre.ca_pem)
    st = Path(sys.executable).with_name("st")
    result = subprocess.run(
        [str(st), "run", f"{centre.address}/openapi.json", "--tls-verify", str(ca),
         "-H", f"X-ExamDesk-Station: {station.token}", "-H", f"Authorization: Bearer {admin.token}",
         "--checks", "not_a_server_error", "--phases", "examples,fuzzing", "-n", "8", "-w", "1",
         "--exclude-path-regex", "sign_out|revoke_station|rotate_signing_key", "--no-color"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:]
