#!/usr/bin/env bash
# Database restart proof: under 64 signed-in users loading their home page, PostgreSQL stops
# for DOWN_SECONDS and starts again. Promises: /healthz answers 503 while it is down, the
# portal recovers by itself (no restart) within a few seconds of the database's return, and
# no request after recovery fails. The cluster is a throwaway one this script creates on
# PG_PORT, never the shared one on 5432. Usage:
#   scripts/db-restart.sh
# Environment: PORT (3320), PG_PORT (5544), PERSONS (1000), DOWN_SECONDS (5). Fails when a
# request after recovery fails, health answers other than 503, or recovery takes over 10 s.
source "$(dirname "$0")/lib.sh"
PG_PORT="${PG_PORT:-5544}"; DOWN_SECONDS="${DOWN_SECONDS:-5}"; PERSONS="${PERSONS:-1000}"
apt_install postgresql
PG_BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -n1)/bin"
build_server_and_faults
make_work_dir
trap 'stop_server; pg stop -m immediate >/dev/null 2>&1 || true; rm -rf "$WORK_DIR"' EXIT

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user when we are root.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg() { as_postgres "$PG_BIN/pg_ctl" -D "$WORK_DIR/pg" -l "$WORK_DIR/pg.log" -w "$@" >/dev/null; }
now_ms() { date +%s%3N; }

mkdir "$WORK_DIR/pg"; [ "$(id -u)" != 0 ] || chown postgres "$WORK_DIR" "$WORK_DIR/pg"
as_postgres "$PG_BIN/initdb" -D "$WORK_DIR/pg" -U postgres -A trust >/dev/null
# In the cluster's own configuration, so that every start (the restart too) keeps off 5432.
printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n" \
  "$PG_PORT" "$WORK_DIR" >>"$WORK_DIR/pg/postgresql.conf"
pg start
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database jinbao"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/jinbao"
serve_settings "${PORT:-3320}"
"$SERVER_BIN" seed --persons "$PERSONS" >/dev/null
# The seed's writes flushed now, not by the shutdown checkpoint (which took 20 s here).
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc checkpoint
start_server

log "64 users on /me; PostgreSQL stops in 15 s for ${DOWN_SECONDS} s"
"$FAULTS" outage --base "$BASE" --seconds $((40 + DOWN_SECONDS)) --concurrency 64 \
  --accounts "$PERSONS" >"$WORK_DIR/outage.out" & DRIVER=$!
until grep -qs "signed in" "$WORK_DIR/outage.out"; do kill -0 "$DRIVER" || exit 1; sleep 0.2; done
sleep 15
stopping=$(now_ms); pg stop -m fast; stopped=$(now_ms)
sleep "$DOWN_SECONDS"
pg start; back=$(now_ms)
log "pg_ctl stop took $(( stopped - stopping )) ms, start returned $(( back - stopped )) ms after it"
driver_status=0; wait "$DRIVER" || driver_status=$?
cat "$WORK_DIR/outage.out"
kill -0 "$SERVER" || { log "the portal died"; exit 1; }
eval "$(grep '^health_down_ms=' "$WORK_DIR/outage.out" | tr ' ' '\n')"
awk -v stop="$stopping" -v back="$back" -v d="${health_down_ms:-0}" -v r="${recovered_ms:-0}" 'BEGIN {
  printf "database down %.1f s; /healthz not 200 for %.1f s (first failing poll %.1f s after the stop);", (back - stop) / 1000, (r - d) / 1000, (d - stop) / 1000
  printf " 200 again %.1f s after pg_ctl start returned\n", (r - back) / 1000
  exit (r - back > 10000) }' || { log "no recovery within 10 s of the database's return"; exit 1; }
exit "$driver_status"
