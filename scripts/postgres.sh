#!/usr/bin/env bash
# Start a private PostgreSQL server for the test suite, on loopback only, in a temporary folder.
# Prints the SQLAlchemy URL on stdout; "scripts/postgres.sh stop DIR" stops it again.
set -euo pipefail
if [ "${1:-}" = "stop" ]; then
  dir="$2"
  su postgres -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D '$dir/data' -m immediate -w stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "postgres: installing PostgreSQL (Debian package)" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/examdesk-pg.XXXXXX)
chmod 755 "$dir"
port=$(( 55000 + RANDOM % 4000 ))
run() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
run "$bin/initdb -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
run "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off\" -w start" >/dev/null
echo "PG_DIR=$dir"
echo "EXAMDESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
