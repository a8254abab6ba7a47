#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb in a temp folder, start on a free
# loopback port, export TEST_DATABASE_URL, run "$@", then stop the cluster and remove it.
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail

PG_BIN="${PG_BIN:-}"
if [ -z "$PG_BIN" ]; then
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && PG_BIN="$candidate"
  done
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries found (set PG_BIN, or apt-get install postgresql)" >&2
  exit 1
fi

PGDATA="$(mktemp -d /tmp/beredning-pg.XXXXXX)"
PORT="$(node "$(dirname "$0")/free-port.mjs")"

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$PGDATA"; fi
chmod 700 "$PGDATA"

stop_cluster() {
  as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap stop_cluster EXIT

as_owner "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# fsync=off: the cluster is thrown away; tests kill the app, never PostgreSQL.
as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
"$@"
