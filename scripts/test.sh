#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite, then the linter. Exit non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
export EXAMDESK_DATA="${EXAMDESK_DATA:-$(mktemp -d)}"
.venv/bin/python -m pytest "$@"
.venv/bin/ruff check .
