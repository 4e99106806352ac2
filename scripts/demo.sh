#!/usr/bin/env bash
# Runs the portal with demo data on http://127.0.0.1:3000 (embedded SQLite under data/).
# A second run reuses the installed tools, the build and the seeded database.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
build_site
cd "$ROOT"
export DATABASE_URL="${DATABASE_URL:-sqlite://data/jinbao.db}"
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export LEPTOS_SITE_ROOT="$ROOT/target/site"
"$JINBAO_BIN" seed --persons "${JINBAO_DEMO_PERSONS:-2000}"
log "Jinbao on http://$LEPTOS_SITE_ADDR (demo accounts in README.md; Ctrl-C stops)"
exec "$JINBAO_BIN" serve
