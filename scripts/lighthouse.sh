#!/usr/bin/env bash
# Lighthouse in mobile mode (simulated 4G, a mid-range phone) on the pages a citizen and an
# employer open first, against a freshly seeded release build; prints a table of the scores.
# Reports (JSON) are kept under target/lighthouse/.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
apt_install chromium fonts-noto-cjk
npm_ci "$ROOT/tools/lighthouse"
build_site
out="$ROOT/target/lighthouse"; mkdir -p "$out"
serve_seeded "${PORT:-3960}" 200
CITIZEN_COOKIE="$(signed_in_cookie 110101199003074514)"; EMPLOYER_COOKIE="$(signed_in_cookie employer-demo)"
RETIREE_COOKIE="$(signed_in_cookie 510107196211033927)"
run() { # name path cookie
  local headers='{}' try
  [ -n "$3" ] && headers="{\"Cookie\": \"$3\"}"
  # Headless Chrome now and then loses the trace of a load (Lighthouse's NO_NAVSTART): try again.
  for try in 1 2 3; do
    CHROME_PATH="$(command -v chromium)" "$ROOT/tools/lighthouse/node_modules/.bin/lighthouse" "$BASE$2" \
      --quiet --output=json --output-path="$out/$1.json" --extra-headers="$headers" \
      --only-categories=performance,accessibility,best-practices \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      && return
    log "Lighthouse failed on $2 (try $try of 3)"
  done
  return 1
}
run login /login ""
run home /me "$CITIZEN_COOKIE"
run pension-record /me/records/pension "$CITIZEN_COOKIE"
run certificate-new "/me/certificates/new?kind=contributions" "$CITIZEN_COOKIE"
run pension-transfer /me/requests/new/pension "$CITIZEN_COOKIE"
run employer-staff /employer/staff "$EMPLOYER_COOKIE"
# Elder mode (the device's cookie): the retiree's home of large actions and her pension.
run elder-home /me "$RETIREE_COOKIE; elder=1"
run elder-pension /me/pension "$RETIREE_COOKIE; elder=1"
run elder-relatives /me/relatives "$RETIREE_COOKIE; elder=1"
node "$ROOT/tools/lighthouse/table.mjs" "$out"/{login,home,pension-record,certificate-new,pension-transfer,employer-staff,elder-home,elder-pension,elder-relatives}.json
