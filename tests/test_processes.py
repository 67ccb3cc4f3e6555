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


def test_favouring_waiting_threads_hands_the_gil_over_every_millisecond(monkeypatch):
    from app import processes

    set_to: list[float] = []
    monkeypatch.setattr(sys, "setswitchinterval", set_to.append)
    processes.favour_waiting_threads()
    assert set_to == [processes.GIL_SLICE_SECONDS] and processes.GIL_SLICE_SECONDS <= 0.001


class _Favoured(Exception):
    pass


def _stop_at_favour() -> None:
    raise _Favoured


def test_the_centre_service_and_the_desktop_app_favour_waiting_threads_before_they_serve(monkeypatch, tmp_path):
    """Their effect on a save beside a busy job is measured in bench/session_scale.py (part 3)."""
    from app.centre import run
    from app.ui import main as gui

    monkeypatch.setattr(run, "favour_waiting_threads", _stop_at_favour)
    with pytest.raises(_Favoured):
        run.serve_backend(lambda: None, tmp_path, "passphrase", "127.0.0.1:1")  # type: ignore[arg-type,return-value]
    monkeypatch.setattr(gui, "favour_waiting_threads", _stop_at_favour)
    with pytest.raises(_Favoured):
        gui.main(["--data", str(tmp_path)])
