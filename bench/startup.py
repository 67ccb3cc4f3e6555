"""Start-up: how long until the unlock dialog is painted, against a minimal PySide6 dialog measured
in the same run (a ratio, so the machine's speed cancels out). Target: within 2x.

    .venv/bin/python bench/startup.py [--runs 7]

Each run is a new process (the interpreter's start counts): the time from spawning it until its
first dialog's first paint event. ExamDesk's run is `app.ui.main` over an existing store (made once,
before the runs), as `scripts/run.sh` starts it on a set-up station."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both children paint their first dialog, then exit at once (os._exit: no clean-up is timed).
_PAINTED = """
import os
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDialog

class _Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            os._exit(0)
        return False

_filter = _Painted()
_exec = QDialog.exec

def _exec_and_quit(self):
    self.installEventFilter(_filter)
    return _exec(self)

QDialog.exec = _exec_and_quit
"""

MINIMAL = _PAINTED + """
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout
app = QApplication([])
dialog = QDialog()
layout = QVBoxLayout(dialog)
layout.addWidget(QLabel("Passphrase"))
layout.addWidget(QLineEdit())
dialog.exec()
"""

EXAMDESK = _PAINTED + """
import sys
from app.ui import main
sys.exit(main.main(["--data", sys.argv[1]]))
"""


def spawn(code: str, *args: str) -> float:
    """Seconds from starting a new interpreter on `code` until it says its dialog is painted."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if "painted" not in done.stdout:
        raise SystemExit(f"no dialog was painted:\n{done.stdout}\n{done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="examdesk-startup-"))
    os.environ["EXAMDESK_DATA"] = str(data)
    seed = ("import sys; from pathlib import Path; from app.demo import seed_desktop_demo; "
            "from app.security.envelope import FAST_KDF; seed_desktop_demo(Path(sys.argv[1]), kdf=FAST_KDF)")
    subprocess.run([sys.executable, "-c", seed, str(data)], env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    spawn(MINIMAL)  # warm the file cache for both
    spawn(EXAMDESK, str(data))
    minimal, examdesk = [], []
    for _ in range(args.runs):  # interleaved: a busy moment of the machine hits both
        minimal.append(spawn(MINIMAL))
        examdesk.append(spawn(EXAMDESK, str(data)))
    m, e = statistics.median(minimal), statistics.median(examdesk)
    print(f"minimal PySide6 dialog: {m * 1000:7.0f} ms (median of {args.runs})")
    print(f"ExamDesk unlock dialog: {e * 1000:7.0f} ms")
    print(f"ratio: {e / m:.2f} (target: 2.0 or less) -> {'met' if e / m <= 2.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
