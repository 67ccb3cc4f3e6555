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


def ts_files(language: str) -> list[Path]:
    """Every translation source for a language: examdesk_<lang>.ts plus one per role's screens
    (<role>_<lang>.ts), so people working on different screens never edit the same file."""
    folder = paths.resources_dir() / "i18n"
    return sorted(folder.glob(f"*_{language}.ts"))


def _lrelease() -> list[str] | None:
    exe = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )
    return [exe] if exe else None


def qm_file(language: str) -> Path | None:
    """One compiled translation for `language` (all its .ts files), compiling if needed; None for English."""
    if language == "en":
        return None
    bundled = paths.resources_dir() / "i18n" / f"examdesk_{language}.qm"
    sources = ts_files(language)
    newest = max((p.stat().st_mtime for p in sources), default=0.0)
    if bundled.exists() and bundled.stat().st_mtime >= newest:
        return bundled
    if not sources:
        return None
    cached = paths.data_dir() / "cache" / "i18n" / f"examdesk_{language}.qm"
    if cached.exists() and cached.stat().st_mtime >= newest:
        return cached
    tool = _lrelease()
    if tool is None:
        return None
    cached.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*tool, "-silent", *map(str, sources), "-qm", str(cached)], check=True)
    return cached
