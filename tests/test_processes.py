import subprocess
import sys

import pytest

from app.processes import run_bounded


def test_a_program_that_ends_gives_its_output_and_exit_code():
    done = run_bounded(
        [sys.executable, "-c", "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"], 30
    )
    assert (done.returncode, done.stdout.strip(), done.stderr.strip()) == (3, "out", "err")


def test_a_program_past_its_time_limit_is_killed_and_said_so():
    with pytest.raises(subprocess.TimeoutExpired):
        run_bounded([sys.executable, "-c", "import threading; threading.Event().wait(60)"], 0.5)


def test_serving_processes_hand_the_gil_to_waiting_threads_every_millisecond(monkeypatch):
    """The centre service (app/centre/run.py) and the desktop app (app/ui/main.py) call this first; its
    effect on a save beside a busy job is measured in bench/session_scale.py (part 3)."""
    from app import processes

    set_to: list[float] = []
    monkeypatch.setattr(sys, "setswitchinterval", set_to.append)
    processes.favour_waiting_threads()
    assert set_to == [processes.GIL_SLICE_SECONDS] and processes.GIL_SLICE_SECONDS <= 0.001
