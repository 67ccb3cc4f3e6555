#!/usr/bin/env bash
# Set up (if needed) and open ExamDesk on the embedded default: bundled standards and sample banks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run: no display found. On a desktop, run this from a terminal inside the session;" >&2
  echo "     on a server, try: xvfb-run -a scripts/run.sh   (apt-get install xvfb)" >&2
  exit 1
fi
exec .venv/bin/python -m app.ui.main --demo "$@"
