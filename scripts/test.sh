#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite, then the linter and the type check. Exit non-zero on any failure.
# The store tests run on SQLite and on a private PostgreSQL server started here on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
export EXAMDESK_DATA="${EXAMDESK_DATA:-$(mktemp -d)}"
if [ -z "${EXAMDESK_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/postgres.sh)"
  export EXAMDESK_TEST_PG_URL
  trap 'bash scripts/postgres.sh stop "$PG_DIR"' EXIT
fi
# two workers (pytest-xdist): EXAMDESK_TEST_WORKERS=0 runs in this process (a debugger, -s, pdb)
workers="${EXAMDESK_TEST_WORKERS:-2}"
if [ "$workers" = "0" ]; then
  .venv/bin/python -m pytest "$@"
else
  .venv/bin/python -m pytest -n "$workers" "$@"
fi
.venv/bin/ruff check .
bash scripts/typecheck.sh
