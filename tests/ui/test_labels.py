"""The words for the services' codes live once (app/ui/widgets/labels.py), so every role's screens
call a state, a part or a result by the same name."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.services.exam import INCIDENT_CATEGORIES
from app.ui.admin import AdminHome
from app.ui.proctor import SessionPicker
from app.ui.proctor.labels import INCIDENTS, STATE_ORDER, incident_label
from app.ui.proctor.tables import readonly_table
from app.ui.widgets import labels
from tests.conftest import REPO


def test_admin_and_proctor_screens_name_a_session_alike(qtbot, backend, staff, signed_in):
    admin = AdminHome(signed_in("admin"))
    picker = SessionPicker(backend, staff("proctor1"))
    qtbot.addWidget(admin)
    qtbot.addWidget(picker)
    rows = {r[0]: r for r in admin.sessions.model.rows}
    for n in range(picker.table.rowCount()):
        code, part, state = (picker.table.item(n, c).text() for c in (0, 3, 6))
        assert (rows[code][1], rows[code][6]) == (part, state)
        assert picker.table.item(n, 2).toolTip() == picker.table.item(n, 2).text()  # the whole text on hover


def test_role_label_modules_do_not_repeat_the_shared_words(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing from the environment")
    fresh = tmp_path / "labels.ts"
    sources = [REPO / "app/ui/widgets/labels.py", REPO / "app/ui/admin/labels.py", REPO / "app/ui/proctor/labels.py"]
    subprocess.run([lupdate, *map(str, sources), "-ts", str(fresh)], check=True, capture_output=True)
    by_context: dict[str, set[str]] = {}
    for context in ET.parse(fresh).iter("context"):
        by_context[context.findtext("name")] = {m.findtext("source") for m in context.iter("message")}
    shared = by_context.pop("Labels")
    assert set(labels.CANDIDATE_STATES.values()) <= shared
    for name, words in by_context.items():
        assert words.isdisjoint(shared), (name, sorted(words & shared))


def test_the_proctor_keeps_its_own_words_and_the_grid_order():
    assert list(STATE_ORDER) == list(labels.CANDIDATE_STATES)  # an exam day's order, from the shared table
    assert set(INCIDENTS) == set(INCIDENT_CATEGORIES)
    assert incident_label("complaint") == "Complaint"
    assert labels.candidate_state_label("no such state") == "no such state"


def test_proctor_tables_are_the_shared_read_only_tables(qtbot):
    table = readonly_table(3, stretch=1)
    qtbot.addWidget(table)
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    assert table.selectionMode() == table.SelectionMode.SingleSelection
    assert table.verticalHeader().isHidden() and not table.wordWrap()
    assert table.horizontalHeader().sectionResizeMode(1) == table.horizontalHeader().ResizeMode.Stretch
    assert "padding" in table.styleSheet()
