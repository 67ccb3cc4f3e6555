#!/usr/bin/env bash
# Refresh the translation sources after changing UI text, then translate every entry lupdate marks
# type="unfinished" (tests/test_i18n.py fails while any is missing). One .ts per role's screens, so
# people working on different screens never edit the same file; lupdate needs the .py files listed.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=.venv/bin/pyside6-lupdate
update() {  # update TS FILE...
  local ts="$1"; shift
  "$lupdate" "$@" -ts "resources/i18n/$ts" -no-obsolete -locations relative
}
update admin_zh_CN.ts app/ui/admin/*.py
update proctor_zh_CN.ts $(ls app/ui/proctor/*.py | grep -v screenshot.py)  # screenshot.py: demo data
update examiner_zh_CN.ts app/ui/examiner/*.py
update examdesk_zh_CN.ts app/ui/*.py app/ui/candidate/*.py app/ui/widgets/*.py
grep -c 'type="unfinished"' resources/i18n/*.ts || true
