"""Running another program with a time limit.

`subprocess.run(..., timeout=...)` polls the child with `time.sleep`, which Python 3.11 turns into
an absolute `clock_nanosleep` on the monotonic clock; under a shifted clock (libfaketime, as the
year-ahead test run uses) that call fails with EINVAL. Here the wait is a plain blocking one and a
timer thread kills the child at the deadline instead, which works under any clock.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Sequence


def run_bounded(argv: Sequence[str], timeout: float | None) -> subprocess.CompletedProcess[str]:
    """Run `argv` to its end, its output captured as text; kill it after `timeout` seconds and raise
    `subprocess.TimeoutExpired` then. OSError when the program cannot be started."""
    process = subprocess.Popen(list(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    expired = threading.Event()

    def kill() -> None:
        expired.set()
        process.kill()

    timer = threading.Timer(timeout, kill) if timeout is not None else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        stdout, stderr = process.communicate()
    finally:
        if timer is not None:
            timer.cancel()
    if expired.is_set():
        raise subprocess.TimeoutExpired(list(argv), timeout or 0, stdout, stderr)
    return subprocess.CompletedProcess(list(argv), process.returncode, stdout, stderr)


# A thread that waits for I/O (an answer's save, a proctor's call, the screen) gets the GIL back
# only when a busy thread (an export, a session's grading) gives it up, by default every 5 ms; a
# save makes a dozen such hand-overs. Every 1 ms cut a save's p99 under a busy thread from about
# 4-6x its idle p99 to about 2x (bench/session_scale.py part 3; a sqlite loop beside a JSON-bound
# thread: 123 -> 52 ms), for a few per cent of the busy thread's speed.
GIL_SLICE_SECONDS = 0.001


def favour_waiting_threads() -> None:
    """For processes that serve callers while they also work (the centre service, the desktop app)."""
    import sys

    sys.setswitchinterval(GIL_SLICE_SECONDS)
