"""The PyInstaller bundle builds and its smoke test passes (slow: about half a minute)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_bundle_builds_and_runs_without_the_source_tree(tmp_path: Path):
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if pyinstaller is None:
        pytest.fail("pyinstaller is not installed in the environment (scripts/setup.sh installs it)")
    dist, work = tmp_path / "dist", tmp_path / "work"
    subprocess.run(
        [pyinstaller, "--noconfirm", "--log-level", "ERROR", "--distpath", str(dist), "--workpath", str(work),
         str(REPO / "build.spec")],
        cwd=REPO, check=True, capture_output=True, text=True,
    )  # fmt: skip
    bundle = dist / "examdesk"
    assert (bundle / "_internal" / "resources" / "i18n" / "examdesk_zh_CN.qm").is_file()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXAMDESK_")}
    result = subprocess.run(
        ["bash", str(REPO / "installer" / "smoke-test.sh"), str(bundle)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke-test: ok" in result.stdout
