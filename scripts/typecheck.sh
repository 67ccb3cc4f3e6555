#!/usr/bin/env bash
# Type-check the service contract (app/api) and the packages behind it, which centre mode will serve over the
# network: every function typed (--disallow-untyped-defs). Settings: pyproject.toml [tool.mypy].
# scripts/test.sh runs it after the tests and the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/mypy ] || bash scripts/setup.sh
.venv/bin/python -m mypy --disallow-untyped-defs app/domain app/security app/store app/services app/api app/centre app/station
