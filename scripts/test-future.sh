#!/usr/bin/env bash
# The test suite with the wall clock a year ahead (monotonic clocks stay real): a test or demo
# that depends on today's date fails here. CI runs it alongside scripts/test.sh (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMDESK_EXTRA_DEBS="faketime" bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
export EXAMDESK_DATA="${EXAMDESK_DATA:-$(mktemp -d)}"
echo "test-future: wall clock $(FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +365d date -u +%F)"
FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +365d \
  .venv/bin/python -m pytest -q -p no:cacheprovider -m "not slow and not postgres" "$@"
