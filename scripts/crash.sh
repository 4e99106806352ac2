#!/usr/bin/env bash
# Crash proof: the demo citizen's submissions (certificates, a pension transfer, a filing) are
# posted at once and the server is SIGKILLed at a random moment among them, restarted, and
# every submission posted again with its request key. Promises: each acknowledged submission
# exists exactly once and whole, and a retry answers the same number or reference. The driver
# (server/examples/faults.rs) runs the server itself so that it can kill it. Usage:
#   scripts/crash.sh [sqlite|postgres] [ROUNDS]     # default sqlite, 20 rounds
# Environment: PORT (3310), PERSONS seeded (200), CERTIFICATES per round (6),
# MAX_DELAY_MS (60: the kill comes 0..MAX_DELAY_MS after the posts start).
source "$(dirname "$0")/lib.sh"
KIND="${1:-sqlite}"; ROUNDS="${2:-20}"
build_server_and_faults
make_work_dir
fresh_database "$KIND" jinbao_faults_crash
serve_settings "${PORT:-3310}"
"$SERVER_BIN" seed --persons "${PERSONS:-200}" >/dev/null
log "$KIND: $ROUNDS rounds of kill -9 among submissions (server log: $WORK_DIR/server.log)"
"$FAULTS" crash --base "$BASE" --serve "$SERVER_BIN" --server-log "$WORK_DIR/server.log" \
  --rounds "$ROUNDS" --certificates "${CERTIFICATES:-6}" --max-delay-ms "${MAX_DELAY_MS:-60}"
