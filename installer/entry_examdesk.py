"""Frozen entry point of the `examdesk` command (console)."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes (score reports) start from this program
    sys.exit(main())
