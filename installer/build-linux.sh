#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tarball:
#   dist/examdesk/                      the bundle (examdesk, examdesk-gui, _internal/)
#   dist/examdesk-<version>-linux-x86_64.tar.gz
# The tarball unpacks to examdesk/ and carries the .desktop entry; see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --log-level ERROR build.spec
cp installer/examdesk.desktop dist/examdesk/
version=$(dist/examdesk/examdesk version | cut -d' ' -f2)
tarball="dist/examdesk-${version}-linux-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" examdesk
echo "built dist/examdesk ($(du -sh dist/examdesk | cut -f1)) and $tarball ($(du -sh "$tarball" | cut -f1)) in $(( $(date +%s) - start )) s"
