# Shared by the set-up commands: idempotent installs of everything the project needs on a
# Debian machine that has only Rust, Node and the base system. Each step checks before it acts.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
CARGO_LEPTOS_VERSION=0.3.10

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The wasm-bindgen CLI must match the library version pinned in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_build_tools() {
  rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes, once)"
    cargo install --locked cargo-leptos --version "$CARGO_LEPTOS_VERSION" \
      || cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION"
  fi
  local wbg; wbg="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$wbg"; then
    log "installing wasm-bindgen-cli $wbg"
    cargo install wasm-bindgen-cli --version "$wbg"
  fi
  # wasm-opt comes from npm's binaryen, pinned in tools/: Debian's binaryen 108 rewrites the
  # function tables of current wasm-bindgen output into a module that fails to start.
  npm_ci "$ROOT/tools"
}

# `npm ci` in a folder unless its node_modules is newer than its lock file.
npm_ci() {
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules" ]; then
    log "installing npm packages in ${1#$ROOT/}"
    (cd "$1" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    touch "$1/node_modules"
  fi
}

ensure_test_tools() {
  # poppler-utils: pdftotext reads back the certificates the tests generate.
  apt_install chromium fonts-noto-cjk postgresql poppler-utils
  npm_ci "$ROOT/end2end"
}

# Starts the local PostgreSQL cluster when nothing answers on 127.0.0.1:5432.
ensure_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then return; fi
  log "starting PostgreSQL"
  local version; version="$(ls /etc/postgresql | sort -V | tail -n1)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  # Local tests connect as postgres over TCP without a password.
  if ! psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1; then
    local hba="/etc/postgresql/$version/main/pg_hba.conf"
    as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  fi
}

build_site() {
  log "building the portal (release)"
  (cd "$ROOT" && PATH="$ROOT/tools/node_modules/.bin:$PATH" cargo leptos build --release --precompress)
}

JINBAO_BIN="$TARGET_DIR/release/jinbao"

# Seeds a throw-away SQLite database with N persons and serves the release build on PORT in the
# background until the calling script exits; sets BASE to its address.
serve_seeded() {
  local port="$1" persons="$2" dir
  dir="$(mktemp -d)"
  export DATABASE_URL="sqlite://$dir/jinbao.db" JINBAO_SECRET_KEY_FILE="$dir/secret.key"
  export LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$ROOT/target/site" JINBAO_METRICS_ADDR="" RUST_LOG=warn
  "$JINBAO_BIN" seed --persons "$persons" >/dev/null
  "$JINBAO_BIN" serve & SERVED_PID=$!
  SERVED_DIR="$dir"
  trap 'kill $SERVED_PID 2>/dev/null || true; rm -rf "$SERVED_DIR"' EXIT
  BASE="http://127.0.0.1:$port"
  for _ in $(seq 1 60); do curl -fs "$BASE/healthz" >/dev/null && return; sleep 0.5; done
  log "the server did not answer on $BASE"; return 1
}

# The session cookie (name=value) of ACCOUNT with the demo password, signed in at BASE through
# the plain (no-JavaScript) form post.
signed_in_cookie() {
  curl -s -o /dev/null -D - -H "Origin: $BASE" --data-urlencode "account=$1" \
    --data-urlencode "password=Jinbao-Demo-2026" "$BASE/api/auth/login" \
    | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }'
}
