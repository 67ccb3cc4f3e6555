#!/usr/bin/env bash
# Prepare this checkout on a fresh Debian machine with Python 3.11:
# the Debian libraries Qt needs (offscreen and on a desktop), a CJK font, and .venv with the
# project and its development tools. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_RUNTIME="libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libglib2.0-0 libdbus-1-3"
QT_DESKTOP="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1"
FONTS="fonts-noto-cjk fonts-wqy-zenhei"  # Noto for the screens; WenQuanYi (TrueType) is embedded in PDFs
TOOLS="poppler-utils zbar-tools openssl"  # the tests read PDFs, decode QR codes and verify with openssl
# (zbar-tools brings libzbar0, which the admin's screen also uses to read a release key's QR code from an image)
EXTRA="${EXAMDESK_EXTRA_DEBS:-}"

missing=()
for pkg in $QT_RUNTIME $QT_DESKTOP $FONTS $TOOLS $EXTRA; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the project's declared dependencies changed.
stamp=.venv/.examdesk-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing ExamDesk and its dependencies into .venv"
  .venv/bin/python -m pip --version >/dev/null 2>&1 || .venv/bin/python -m ensurepip >/dev/null
  .venv/bin/python -m pip install -q uv
  # --compile-bytecode: the dependencies' .pyc now, not on the first start of the GUI (0.9 s of 1.5 s)
  .venv/bin/python -m uv pip install -q --compile-bytecode --python .venv/bin/python -e '.[dev,build]'
  echo "$want" > "$stamp"
fi
# ExamDesk's own modules (an editable install is not compiled by the installer): quick when nothing
# changed, so every run does it
.venv/bin/python -m compileall -q -j 0 app >/dev/null || true
