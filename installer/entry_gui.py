"""Frozen entry point of the desktop application (windowed on Windows)."""

import multiprocessing
import sys

from app.ui.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes (score reports) start from this program
    sys.exit(main())
