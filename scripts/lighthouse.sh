#!/usr/bin/env bash
# Lighthouse in mobile mode (simulated 4G, a mid-range phone) on the pages a citizen and an
# employer open first, against a freshly seeded release build; prints a table of the scores.
# Reports (JSON) are kept under target/lighthouse/.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
apt_install chromium fonts-noto-cjk
npm_ci "$ROOT/tools/lighthouse"
build_site
PORT="${PORT:-3960}"
dir="$(mktemp -d)"; out="$ROOT/target/lighthouse"; mkdir -p "$out"
export DATABASE_URL="sqlite://$dir/lighthouse.db" JINBAO_SECRET_KEY_FILE="$dir/secret.key"
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$ROOT/target/site" JINBAO_METRICS_ADDR="" RUST_LOG=warn
"$JINBAO_BIN" seed --persons 200 >/dev/null
"$JINBAO_BIN" serve & SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
BASE="http://127.0.0.1:$PORT"
cookie() { # a signed-in session cookie, from the plain (no-JavaScript) sign-in form
  curl -s -o /dev/null -D - -H "Origin: $BASE" --data-urlencode "account=$1" \
    --data-urlencode "password=Jinbao-Demo-2026" "$BASE/api/auth/login" \
    | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }'
}
CITIZEN_COOKIE="$(cookie 110101199003074514)"; EMPLOYER_COOKIE="$(cookie employer-demo)"
run() { # name path cookie
  local headers='{}'
  [ -n "$3" ] && headers="{\"Cookie\": \"$3\"}"
  CHROME_PATH="$(command -v chromium)" "$ROOT/tools/lighthouse/node_modules/.bin/lighthouse" "$BASE$2" \
    --quiet --output=json --output-path="$out/$1.json" --extra-headers="$headers" \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
}
run login /login ""
run home /me "$CITIZEN_COOKIE"
run pension-record /me/records/pension "$CITIZEN_COOKIE"
run certificate-new "/me/certificates/new?kind=contributions" "$CITIZEN_COOKIE"
run pension-transfer /me/requests/new/pension "$CITIZEN_COOKIE"
run employer-staff /employer/staff "$EMPLOYER_COOKIE"
node "$ROOT/tools/lighthouse/table.mjs" "$out"/{login,home,pension-record,certificate-new,pension-transfer,employer-staff}.json
