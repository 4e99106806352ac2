#!/usr/bin/env bash
# The whole test suite: formatting, lints for both builds, unit tests, the store conformance
# and HTTP suites on SQLite and PostgreSQL, the release build, and the browser journeys.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
ensure_test_tools
ensure_postgres
cd "$ROOT"

log "migration folders list the same versions"
diff <(ls migrations/sqlite | sed 's/_.*//') <(ls migrations/postgres | sed 's/_.*//')

log "format"
cargo fmt --all -- --check

log "clippy (server build and browser build)"
cargo clippy -p app -p server --all-targets --features app/ssr -- -D warnings
cargo clippy -p app --lib --features hydrate --target wasm32-unknown-unknown -- -D warnings

log "drop leftover PostgreSQL test databases"
psql -h 127.0.0.1 -U postgres -Atc "select datname from pg_database where datname like 'jinbao_t_%'" \
  | while read -r db; do psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" || true; done

log "unit, store conformance and HTTP tests (SQLite and PostgreSQL)"
cargo test --release -p app --features ssr
cargo test --release -p server

build_site

log "browser journeys (Chromium, JavaScript on and off, phone viewport)"
PORT="${JINBAO_E2E_PORT:-3900}"
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$ROOT/target/site" JINBAO_METRICS_ADDR=""
# Each device project starts from freshly seeded demo data: the journeys change the demo
# citizen's record (a completed transfer ends his Shenzhen relationship), and every project
# must walk them from the same start.
journeys() {
  local project="$1" dir
  dir="$(mktemp -d)"
  export DATABASE_URL="sqlite://$dir/e2e.db" JINBAO_SECRET_KEY_FILE="$dir/secret.key"
  "$JINBAO_BIN" seed --persons 200 >/dev/null
  "$JINBAO_BIN" serve >"$dir/server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
  local status=0
  (cd end2end && BASE_URL="http://127.0.0.1:$PORT" npx playwright test --project="$project") || status=$?
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then tail -n 50 "$dir/server.log"; exit "$status"; fi
}
for project in phone-js phone-nojs desktop-js; do journeys "$project"; done
log "all tests passed"
