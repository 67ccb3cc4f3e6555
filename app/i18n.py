"""UI translations: Qt Linguist .ts sources in resources/i18n, compiled to .qm on demand.

The compiled .qm files are build outputs, so they are not committed: a frozen build ships them
(build.spec compiles them), and a checkout compiles them into the data folder on first start.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from app import paths

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def ts_file(language: str) -> Path:
    return paths.resources_dir() / "i18n" / f"examdesk_{language}.ts"


def _lrelease() -> list[str] | None:
    exe = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )
    return [exe] if exe else None


def qm_file(language: str) -> Path | None:
    """A compiled translation for `language`, compiling it if needed; None for English."""
    if language == "en":
        return None
    bundled = paths.resources_dir() / "i18n" / f"examdesk_{language}.qm"
    source = ts_file(language)
    if bundled.exists() and (not source.exists() or bundled.stat().st_mtime >= source.stat().st_mtime):
        return bundled
    if not source.exists():
        return None
    cached = paths.data_dir() / "cache" / "i18n" / f"examdesk_{language}.qm"
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    tool = _lrelease()
    if tool is None:
        return None
    cached.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*tool, "-silent", str(source), "-qm", str(cached)], check=True)
    return cached
