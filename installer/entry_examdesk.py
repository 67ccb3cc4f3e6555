"""Frozen entry point of the `examdesk` command (console)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
