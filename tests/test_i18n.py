"""Translations: every UI string has a Chinese translation with the same placeholders; the language choice."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import i18n
from tests.conftest import REPO

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(ts: Path) -> dict[str, tuple[str, str | None]]:
    out = {}
    for msg in ET.parse(ts).iter("message"):
        tr = msg.find("translation")
        out[msg.findtext("source")] = (tr.text or "", tr.get("type"))
    return out


def all_messages() -> dict[str, tuple[str, str | None]]:
    found: dict[str, tuple[str, str | None]] = {}
    for ts in i18n.ts_files("zh_CN"):
        found.update(messages(ts))
    return found


def test_every_translation_is_finished_and_keeps_placeholders():
    found = all_messages()
    assert found
    for source, (translation, kind) in found.items():
        assert kind not in ("unfinished", "vanished", "obsolete") and translation.strip(), source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source


def test_translation_file_covers_every_string_in_the_ui(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing from the environment")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "app" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(messages(fresh)) - set(all_messages())
    assert missing == set(), "run pyside6-lupdate and translate: " + ", ".join(sorted(missing))


def test_compiled_translation_loads(tmp_path, monkeypatch):
    from PySide6.QtCore import QTranslator

    monkeypatch.setenv("EXAMDESK_DATA", str(tmp_path))
    qm = i18n.qm_file("zh_CN")
    translator = QTranslator()
    assert qm is not None and translator.load(str(qm))
    assert translator.translate("StandardsBrowser", "Weight tables") == "权重表"


def test_the_saved_language_is_used_unless_the_command_line_or_environment_say_otherwise(tmp_path, monkeypatch):
    monkeypatch.delenv("EXAMDESK_LANG", raising=False)
    assert i18n.saved_language(tmp_path) is None
    assert i18n.startup_language(None, tmp_path) == i18n.DEFAULT_LANGUAGE == "zh_CN"
    i18n.save_language("en", tmp_path)
    assert i18n.startup_language(None, tmp_path) == "en"
    assert i18n.startup_language("zh_CN", tmp_path) == "zh_CN"  # --lang
    monkeypatch.setenv("EXAMDESK_LANG", "zh_CN")
    assert i18n.startup_language(None, tmp_path) == "zh_CN"
    assert i18n.startup_language("en", tmp_path) == "en"  # --lang before the environment
    monkeypatch.setenv("EXAMDESK_LANG", "fr")  # not a language ExamDesk speaks: skipped
    assert i18n.startup_language(None, tmp_path) == "en"


def test_the_settings_file_keeps_other_settings_and_survives_damage(tmp_path):
    settings = tmp_path / i18n.SETTINGS_FILE
    settings.write_text('{"other": 1, "language": "en"}', encoding="utf-8")
    i18n.save_language("zh_CN", tmp_path)
    assert json.loads(settings.read_text(encoding="utf-8")) == {"other": 1, "language": "zh_CN"}
    assert [p.name for p in tmp_path.iterdir()] == [i18n.SETTINGS_FILE]
    with pytest.raises(ValueError):
        i18n.save_language("fr", tmp_path)
    for damaged in ('{"language": "fr"}', '["en"]', "{not json", ""):
        settings.write_text(damaged, encoding="utf-8")
        assert i18n.saved_language(tmp_path) is None
        assert i18n.startup_language(None, tmp_path) == i18n.DEFAULT_LANGUAGE
    i18n.save_language("en", tmp_path / "new")  # a data folder that does not exist yet
    assert i18n.saved_language(tmp_path / "new") == "en"
