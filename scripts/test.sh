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
E2E_DIR="$(mktemp -d)"
PORT="${JINBAO_E2E_PORT:-3900}"
export DATABASE_URL="sqlite://$E2E_DIR/e2e.db" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$ROOT/target/site"
export JINBAO_SECRET_KEY_FILE="$E2E_DIR/secret.key" JINBAO_METRICS_ADDR=""
"$JINBAO_BIN" seed --persons 200 >/dev/null
"$JINBAO_BIN" serve >"$E2E_DIR/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
(cd end2end && BASE_URL="http://127.0.0.1:$PORT" npx playwright test) || { cat "$E2E_DIR/server.log" | tail -n 50; exit 1; }
log "all tests passed"
