"""UI translations: Qt Linguist .ts sources in resources/i18n, compiled to .qm on demand.

The compiled .qm files are build outputs, so they are not committed: a frozen build ships them
(build.spec compiles them), and a checkout compiles them into the data folder on first start.

The language is chosen on the start screen and remembered in settings.json in the data folder;
`--lang` or EXAMDESK_LANG override the remembered choice for one run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from app import paths

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}  # each name in its own language, never translated
SETTINGS_FILE = "settings.json"


def _settings_path(folder: Path | None) -> Path:
    return (folder if folder is not None else paths.data_dir()) / SETTINGS_FILE


def _read_settings(folder: Path | None) -> dict[str, object]:
    try:
        settings = json.loads(_settings_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or unreadable: the defaults
        return {}
    return settings if isinstance(settings, dict) else {}


def saved_language(folder: Path | None = None) -> str | None:
    """The language chosen on this station's start screen, if any (folder: the data folder)."""
    language = _read_settings(folder).get("language")
    return language if isinstance(language, str) and language in LANGUAGES else None


def saved_setting(key: str, folder: Path | None = None) -> object:
    """A setting this station remembered (None when there is none)."""
    return _read_settings(folder).get(key)


def save_language(language: str, folder: Path | None = None) -> None:
    """Remember `language` for the next start; other settings in the file are kept."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    save_setting("language", language, folder)


def save_setting(key: str, value: object, folder: Path | None = None) -> None:
    """Remember one setting of this station (the language, the last export folder); others are kept."""
    settings = _read_settings(folder)
    settings[key] = value
    target = _settings_path(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, target)  # a crash mid-write leaves the old file, never half a file


def startup_language(requested: str | None = None, folder: Path | None = None) -> str:
    """`--lang`, else EXAMDESK_LANG, else the saved choice, else Simplified Chinese (unknown names are skipped)."""
    for language in (requested, os.environ.get("EXAMDESK_LANG"), saved_language(folder)):
        if language is not None and language in LANGUAGES:
            return language
    return DEFAULT_LANGUAGE


def ts_file(language: str) -> Path:
    return paths.resources_dir() / "i18n" / f"examdesk_{language}.ts"


def ts_files(language: str) -> list[Path]:
    """Every translation source for a language: examdesk_<lang>.ts plus one per role's screens
    (<role>_<lang>.ts), so people working on different screens never edit the same file."""
    folder = paths.resources_dir() / "i18n"
    return sorted(folder.glob(f"*_{language}.ts"))


def _lrelease() -> list[str] | None:
    exe = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
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
