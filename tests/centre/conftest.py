"""One centre service shared by the centre tests that only add to it (each uses stations of its own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.station.enrolment import StationConfig
from tests.centre.harness import CentreRun
from tests.store_fixtures import build_world, fresh_url


@pytest.fixture(scope="session")
def centre(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("centre")
    world = build_world(fresh_url("sqlite", folder))
    world.db.close()
    run = CentreRun(world, folder / "centre")
    run.start()
    run.folder_root = folder  # type: ignore[attr-defined]
    run.session_id = world.session_id  # type: ignore[attr-defined]
    yield run
    run.stop()


def pc(centre: CentreRun, name: str) -> StationConfig:
    """The enrolment of the PC at seat `name` (enrolled on first use)."""
    root: Path = centre.folder_root  # type: ignore[attr-defined]
    folder = root / name
    return StationConfig.read(folder) if StationConfig.exists(folder) else centre.enrol(name, folder)
