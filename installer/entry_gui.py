"""Frozen entry point of the desktop application (windowed on Windows)."""

import sys

from app.ui.main import main

if __name__ == "__main__":
    sys.exit(main())
