#!/usr/bin/env bash
# Soak on PostgreSQL: USERS simulated users, each looping sign in, home (/me), pension record,
# their certificate's PDF, sign out; one in ten is the demo employer (sign in, staff list, sign
# out). Promises: no 5xx; reports p99 per page, and the server's memory, open files and
# database connections at start and end (a leak shows as growth). Usage:
#   scripts/soak.sh [MINUTES] [USERS]               # default 10 minutes, 200 users
# Environment: PORT (3330), PERSONS seeded (2000).
source "$(dirname "$0")/lib.sh"
MINUTES="${1:-10}"; USERS="${2:-200}"; PERSONS="${PERSONS:-2000}"
build_server_and_faults
make_work_dir
fresh_database postgres jinbao_faults_soak
serve_settings "${PORT:-3330}"
# The employer users share the demo employer's account, and the throttle counts a sign-in in
# flight as failed until it succeeds: 20 at once would be refused as guessing.
export JINBAO_LOGIN_MAX_FAILURES_PER_ACCOUNT=1000000
"$SERVER_BIN" seed --persons "$PERSONS" >/dev/null
start_server
log "start: $(process_figures "$SERVER")"
log "$USERS users for $MINUTES minutes on $PERSONS persons"
status=0
"$FAULTS" soak --base "$BASE" --seconds $((MINUTES * 60)) --users "$USERS" --accounts "$PERSONS" || status=$?
log "end: $(process_figures "$SERVER")"
log "server log:"; server_log_summary
exit "$status"
