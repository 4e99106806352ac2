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

# The example drivers (loadgen, faults) build in a target dir of their own: cargo-leptos
# compiles with LEPTOS_* variables that leptos_config reads at compile time, so building them
# beside the site would rebuild leptos and everything above it twice on every run.
LOADGEN_TARGET="$TARGET_DIR/loadgen"
build_examples() { (cd "$ROOT" && CARGO_TARGET_DIR="$LOADGEN_TARGET" cargo build --release -p server "$@"); }

# The fault scripts drive the server alone and never load the browser bundle: they build the
# release server beside their driver (one cargo run, no wasm) and start that binary.
build_server_and_faults() {
  log "building the release server and the fault driver"
  build_examples --bin jinbao --example faults
  SERVER_BIN="$LOADGEN_TARGET/release/jinbao" FAULTS="$LOADGEN_TARGET/release/examples/faults"
}

# A scratch directory for one run (database file, key, logs), removed when the script exits
# along with the server it started; readable by the postgres user for a throwaway cluster.
make_work_dir() {
  WORK_DIR="$(mktemp -d)"; chmod 755 "$WORK_DIR"
  trap 'stop_server; rm -rf "$WORK_DIR"' EXIT
}

# Points DATABASE_URL at an empty database NAME: a SQLite file in WORK_DIR, or a database
# dropped and created again on the local cluster (never another run's or test's database).
fresh_database() {
  local kind="$1" name="$2"
  case "$kind" in
    sqlite) export DATABASE_URL="sqlite://$WORK_DIR/$name.db" ;;
    postgres)
      ensure_postgres
      psql -h 127.0.0.1 -U postgres -qc "drop database if exists $name with (force)" -c "create database $name"
      export DATABASE_URL="postgres://postgres@127.0.0.1/$name" ;;
    *) log "sqlite or postgres, not $kind"; return 2 ;;
  esac
}

# The server's settings for a run on PORT with its files in WORK_DIR; sets BASE.
serve_settings() {
  export LEPTOS_SITE_ADDR="127.0.0.1:$1" LEPTOS_SITE_ROOT="$ROOT/target/site" JINBAO_METRICS_ADDR=""
  export JINBAO_SECRET_KEY_FILE="$WORK_DIR/secret.key" RUST_LOG=warn
  # The load comes from one address: the address throttle must not count its own sign-ins.
  export JINBAO_LOGIN_MAX_FAILURES_PER_ADDRESS=1000000
  BASE="http://127.0.0.1:$1"
}

wait_healthy() {
  for _ in $(seq 1 60); do curl -fs "$BASE/healthz" >/dev/null && return; sleep 0.5; done
  log "the server did not answer on $BASE"; return 1
}

# Starts SERVER_BIN in the background (log in WORK_DIR/server.log); sets SERVER to its pid.
start_server() {
  "$SERVER_BIN" serve >>"$WORK_DIR/server.log" 2>&1 & SERVER=$!
  wait_healthy
}

# The server's log lines by kind (time stamp cut, numbers folded), most frequent first.
server_log_summary() {
  sed 's/\x1b\[[0-9;]*m//g' "$WORK_DIR/server.log" | cut -c29- | sed 's/[0-9]\+/N/g' \
    | sort | uniq -c | sort -rn | head -n 12
}

stop_server() { if [ -n "${SERVER:-}" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi; }

# Resident memory (MB), open file descriptors of process PID and, for PostgreSQL, the
# connections to the database DATABASE_URL names.
process_figures() {
  local rss fds conns=""
  rss="$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status")"
  fds="$(find "/proc/$1/fd" -mindepth 1 -maxdepth 1 | wc -l)"
  case "$DATABASE_URL" in postgres*)
    conns=", $(psql "${DATABASE_URL%/*}/postgres" -Atc "select count(*) from pg_stat_activity where datname = '${DATABASE_URL##*/}'") database connections" ;;
  esac
  echo "RSS ${rss} MB, ${fds} open fds$conns"
}

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
  wait_healthy
}

# The session cookie (name=value) of ACCOUNT with the demo password, signed in at BASE through
# the plain (no-JavaScript) form post.
signed_in_cookie() {
  curl -s -o /dev/null -D - -H "Origin: $BASE" --data-urlencode "account=$1" \
    --data-urlencode "password=Jinbao-Demo-2026" "$BASE/api/auth/login" \
    | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }'
}
