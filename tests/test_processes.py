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
