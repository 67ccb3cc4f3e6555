#!/usr/bin/env bash
# Smoke-test a built bundle: it starts offscreen, reports its version, loads the standards,
# builds a paper and exits cleanly, using nothing from the source tree and writing nothing
# inside the bundle. Usage: installer/smoke-test.sh dist/examdesk
set -euo pipefail
bundle="$(cd "${1:?usage: smoke-test.sh BUNDLE_DIR}" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/.local/share" QT_QPA_PLATFORM=offscreen
unset EXAMDESK_DATA EXAMDESK_BANKS PYTHONPATH
mkdir -p "$HOME"
cd "$scratch"   # far from the source tree
touch "$scratch/stamp"

fail() { echo "smoke-test: $*" >&2; exit 1; }

version=$("$bundle/examdesk" version) || fail "examdesk version failed"
[[ "$version" == examdesk\ * ]] || fail "unexpected version output: $version"
"$bundle/examdesk" standards list --json | grep -q '"4-13-99-02"' || fail "standards not loaded"
# the 570002 sample bank uses areas its exam owner's (example) weight file adds
"$bundle/examdesk" bank validate "$bundle/_internal/question_banks/samples" "$bundle/_internal/question_banks/weights" \
  >/dev/null || fail "sample banks invalid"
paper=$("$bundle/examdesk" paper build --standard 4-13-99-02 --level 3 --part theory --seed 1 --json)
echo "$paper" | grep -q '"total_points": 100' || fail "paper build did not give 100 points"
EXAMDESK_PASSPHRASE="smoke test passphrase 1" EXAMDESK_ADMIN_PASSWORD="admin-pass-1" \
  "$bundle/examdesk" store init --data "$scratch/store" --centre-code SMOKE --centre-name "冒烟测试考点" >/dev/null \
  || fail "store init failed"
EXAMDESK_PASSPHRASE="smoke test passphrase 1" "$bundle/examdesk" audit verify --data "$scratch/store" | grep -q intact \
  || fail "audit verify failed"
demo_json=$("$bundle/examdesk" demo --headless --data "$scratch/demo" --out "$scratch/demo-out" 2>/dev/null | tail -1) \
  || fail "the headless demo failed"
"$bundle/examdesk" verify "$scratch/demo-out/DEMO-T5-results.zip" --pubkey "$(ls "$scratch"/demo-out/*.pem)" >/dev/null \
  || fail "a demo bundle did not verify: $demo_json"
EXAMDESK_PASSPHRASE="examdesk-demo-2026" EXAMDESK_ADMIN_PASSWORD="admin-demo-1" "$bundle/examdesk" analyse \
  --session DEMO-T5 --data "$scratch/demo" --out "$scratch/analysis.pdf" --csv "$scratch/items.csv" >/dev/null \
  || fail "the item analysis failed"
head -c 5 "$scratch/analysis.pdf" | grep -q '%PDF' || fail "the item analysis wrote no PDF"
mkdir "$scratch/launchers"
"$bundle/examdesk" station shortcuts --centre https://10.0.0.2:8443 --station SMOKE-01 --roles candidate,proctor \
  --out "$scratch/launchers" >/dev/null || fail "station shortcuts failed"
grep -q -- "examdesk-gui\"\? --centre https://10.0.0.2:8443 --mode candidate --station SMOKE-01$" \
  "$scratch/launchers/examdesk-centre-candidate.desktop" || fail "the candidate's centre-mode launcher is wrong"
"$bundle/examdesk-gui" --screenshot "$scratch/window.png" || fail "the GUI did not start offscreen"
[ -s "$scratch/window.png" ] || fail "the GUI rendered nothing"
changed=$(find "$bundle" -newer "$scratch/stamp" -type f | head -5)
[ -z "$changed" ] || fail "the program wrote inside its bundle: $changed"
echo "smoke-test: ok ($version, $(du -sh "$bundle" | cut -f1))"
