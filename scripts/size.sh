#!/usr/bin/env bash
# Prints the bytes a phone downloads (brotli, as served) to show and hydrate each citizen page,
# file by file, against a freshly seeded release build. The budget test asserts the same numbers.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
build_site
PORT="${PORT:-3950}"
dir="$(mktemp -d)"
export DATABASE_URL="sqlite://$dir/size.db" JINBAO_SECRET_KEY_FILE="$dir/secret.key"
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$ROOT/target/site" JINBAO_METRICS_ADDR="" RUST_LOG=warn
"$JINBAO_BIN" seed --persons 50 >/dev/null
"$JINBAO_BIN" serve & SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
BASE_URL="http://127.0.0.1:$PORT" node "$ROOT/end2end/size.mjs"
