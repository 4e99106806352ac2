#!/usr/bin/env bash
# Benchmark: seeds a database with N persons (once), starts the release server on it and runs
# the load generator's scenarios against it. Usage:
#   scripts/bench.sh sqlite 10000             # citizen pages; SQLite file under bench-data/
#   scripts/bench.sh postgres 100000          # database jinbao_bench_100000 on 127.0.0.1:5432
#   scripts/bench.sh sqlite 60000 employer    # the employer workspace, demo employer with
#                                             # EMPLOYER_STAFF (50000) current staff
#   scripts/bench.sh sqlite 10000 certificates # a certificate's PDF download and its verification
#   scripts/bench.sh sqlite 10000 transfers   # a transfer's tracking page, the office queue,
#                                             # a filing's check page and document download
#   scripts/bench.sh sqlite 10000 assist      # helpdesk console, an assisted session, the
#                                             # citizen's access log (same data as citizen mode)
#   scripts/bench.sh sqlite 500 pages         # wrk at 64 connections: /login, /me and the pension
#                                             # record page, with each data page's share of /login
#   scripts/bench.sh postgres 100000 storage  # bytes per person: the record tables with their
#                                             # indexes and the whole database (SQLite: the file)
#   scripts/bench.sh postgres 100000 import   # `jinbao import contributions`: last month declared
#                                             # for every employee (appended, unpaid), then paid,
#                                             # then the same file again (database NAME-import);
#                                             # on PostgreSQL first the floor (import-floor.sql)
#   scripts/bench.sh postgres 1000000 scale   # flat latency: /me, the pension record page, a
#                                             # 36-month certificate PDF and /employer/staff at
#                                             # 64 connections on 10,000 persons and on N, with
#                                             # the ratios (databases 10000-scale and N-scale)
# Environment: CONCURRENCY (8), REQUESTS (2000), LOGINS (200), PORT (3100), EMPLOYER_STAFF.
source "$(dirname "$0")/lib.sh"
KIND="${1:?sqlite or postgres}"; PERSONS="${2:?number of persons}"; MODE="${3:-citizen}"
EMPLOYER_STAFF="${EMPLOYER_STAFF:-50000}"
NAME="$PERSONS"; SEED_ARGS=()
if [ "$MODE" = employer ]; then NAME="$PERSONS-employer"; SEED_ARGS=(--employer-staff "$EMPLOYER_STAFF"); fi
# The import writes into the record: its own database, so the page benchmarks stay comparable.
if [ "$MODE" = import ]; then NAME="$PERSONS-import"; fi
# The same demo employer at both sizes: the default grows with the persons (one in twenty).
if [ "$MODE" = scale ]; then NAME="$PERSONS-scale"; SEED_ARGS=(--employer-staff 500); fi
PORT="${PORT:-3100}"; CONCURRENCY="${CONCURRENCY:-8}"; REQUESTS="${REQUESTS:-2000}"; LOGINS="${LOGINS:-200}"
case "$KIND" in sqlite|postgres) ;; *) echo "sqlite or postgres" >&2; exit 2 ;; esac
ensure_build_tools
build_site
case "$MODE" in storage|import) ;; *) build_examples --example loadgen ;; esac
mkdir -p "$ROOT/bench-data"
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$ROOT/target/site" JINBAO_METRICS_ADDR=""
export JINBAO_SECRET_KEY_FILE="$ROOT/bench-data/secret.key" RUST_LOG=warn
# Loads from one address: the address throttle must not count the benchmark's own sign-ins.
export JINBAO_LOGIN_MAX_FAILURES_PER_ADDRESS=1000000

# Points DATABASE_URL at database NAME and seeds it with N persons unless it holds some already.
use_database() {
  local name="$1" persons="$2"
  if [ "$KIND" = sqlite ]; then
    export DATABASE_URL="sqlite://$ROOT/bench-data/bench-$name.db"
  else
    ensure_postgres
    db="jinbao_bench_${name//-/_}"
    psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname='$db'" | grep -q 1 \
      || psql -h 127.0.0.1 -U postgres -qc "create database $db"
    export DATABASE_URL="postgres://postgres@127.0.0.1/$db"
  fi
  local start; start=$(date +%s)
  apt_install time
  /usr/bin/time -f "seed peak RSS %M KB" "$JINBAO_BIN" seed --persons "$persons" "${SEED_ARGS[@]}"
  log "seed step took $(( $(date +%s) - start ))s"
}

LOADGEN="$LOADGEN_TARGET/release/examples/loadgen"
serve() {
  "$JINBAO_BIN" serve & SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
}
stop_serving() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; trap - EXIT; }

if [ "$MODE" = scale ]; then
  # Citizens spread over the whole database (--accounts), each worker signed in as its own.
  SCENARIOS=(home record certificate-pdf staff-list)
  declare -A p50 p99
  for size in 10000 "$PERSONS"; do
    use_database "$size-scale" "$size"
    serve
    log "$KIND, $size persons: 64 connections, $REQUESTS requests per scenario"
    for scenario in "${SCENARIOS[@]}"; do
      line="$("$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario "$scenario" --concurrency 64 \
        --requests "$REQUESTS" --accounts "$size" | tail -n 1)"
      echo "$line"
      p50[$size,$scenario]="$(sed -E 's/.* p50 ([0-9.]+) ms.*/\1/' <<<"$line")"
      p99[$size,$scenario]="$(sed -E 's/.* p99 ([0-9.]+) ms.*/\1/' <<<"$line")"
    done
    stop_serving
  done
  log "$KIND: latency at $PERSONS persons as a multiple of 10,000 (goal: at most 1.3)"
  for scenario in "${SCENARIOS[@]}"; do
    awk -v s="$scenario" -v a="${p50[$PERSONS,$scenario]}" -v b="${p50[10000,$scenario]}" \
        -v c="${p99[$PERSONS,$scenario]}" -v d="${p99[10000,$scenario]}" \
      'BEGIN { printf "%-16s p50 %6.1f / %6.1f ms = %.2fx   p99 %6.1f / %6.1f ms = %.2fx\n", s, a, b, a / b, c, d, c / d }'
  done
  exit 0
fi

use_database "$NAME" "$PERSONS"
if [ "$MODE" = storage ]; then
  per_person() { awk -v b="$1" -v n="$PERSONS" 'BEGIN { printf "%.1f KB per person (%.2f GB)", b / n / 1000, b / 1e9 }'; }
  if [ "$KIND" = postgres ]; then
    # Leaf tables only: a partitioned parent and the view hold no bytes of their own.
    records="$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select sum(pg_total_relation_size(c.oid)) from pg_class c \
      where c.relkind = 'r' and c.relname ~ '^(contributions|contribution_runs|account_years|record_totals)(_p[0-9]+)?$'")"
    log "record tables with indexes: $(per_person "$records")"
    log "whole database: $(per_person "$(psql -h 127.0.0.1 -U postgres -Atc "select pg_database_size('$db')")")"
  else
    file="${DATABASE_URL#sqlite://}"
    log "database file: $(per_person "$(( $(stat -c %s "$file") + $(stat -c %s "$file-wal" 2>/dev/null || echo 0) ))")"
  fi
  exit 0
fi
if [ "$MODE" = import ]; then
  # The seed's record ends the month before last. Every employee's rows of that month, declared
  # again for last month: the collection agency's monthly file. Amounts in yuan.
  prev="$(date -d "$(date +%Y-%m-01) -2 month" +%Y%m)"; last="$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)"
  idx=$(( ${prev:0:4} * 12 + 10#${prev:4:2} - 1 ))
  if [ "$KIND" = postgres ]; then
    yuan() { echo "to_char($1 / 100.0, 'FM999999990.00')"; }; query() { psql -h 127.0.0.1 -U postgres -d "$db" -AtF, -c "$1"; }
  else
    apt_install sqlite3
    yuan() { echo "printf('%d.%02d', $1 / 100, $1 % 100)"; }; query() { sqlite3 -csv "${DATABASE_URL#sqlite://}" "$1"; }
  fi
  declared() {
    echo "resident_id,employer_credit_code,insurance,month,base,employer_part,personal_part,paid_on"
    query "SELECT p.resident_id, e.credit_code, i.code, '$last', $(yuan r.base), $(yuan r.employer_part), \
             $(yuan r.personal_part), '$1' \
           FROM contribution_runs r JOIN persons p ON p.id = r.person_id JOIN employers e ON e.id = r.employer_id \
           JOIN insurance_codes i ON i.id = r.insurance \
           WHERE r.months_covered = 1 AND r.first_month <= $idx AND r.first_month + r.rows_in_run > $idx \
           ORDER BY p.id, r.insurance"
  }
  declared "" > "$ROOT/bench-data/declared-unpaid.csv"
  declared "$(date +%Y-%m-%d)" > "$ROOT/bench-data/declared-paid.csv"
  rows=$(( $(wc -l < "$ROOT/bench-data/declared-paid.csv") - 1 ))
  log "$KIND, $PERSONS persons: $rows rows declared for $last"
  if [ "$KIND" = postgres ]; then
    log "the floor: the least any import of the paid file writes, in SQL, rolled back"
    psql -h 127.0.0.1 -U postgres -d "$db" -X -q -v ON_ERROR_STOP=1 -v idx="$idx" -v m="${last/-/}" \
        -f "$ROOT/scripts/import-floor.sql" < "$ROOT/bench-data/declared-paid.csv" \
      | awk -v rows="$rows" '/^floor:/ { step = substr($0, 8) } /^Time:/ { s = $2 / 1000; all += s;
          if (step != "") printf "  %-55s %6.2f s\n", step, s; step = "" }
          END { printf "  in all: %.2f s (%d rows/s)\n", all, rows / all }'
  fi
  for file in declared-unpaid declared-paid declared-paid; do
    log "importing $file.csv"
    /usr/bin/time -f "%e s, of which %U s user and %S s system in jinbao; peak RSS %M KB" "$JINBAO_BIN" import contributions "$ROOT/bench-data/$file.csv"
  done
  exit 0
fi
serve
rss() { awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 } END { print "" }' "/proc/$SERVER/status"; }
log "$KIND, $PERSONS persons, $MODE scenarios"
if [ "$MODE" = employer ]; then
  for scenario in staff-list staff-filter staff-search staff-api; do
    "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario "$scenario" --concurrency "$CONCURRENCY" --requests "$REQUESTS"
  done
  "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario staff-member --concurrency "$CONCURRENCY" --requests "$REQUESTS" --accounts "$EMPLOYER_STAFF"
  log "server memory before the exports: $(rss)"
  # The whole roster (everyone ever enrolled by the employer), one download at a time.
  "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario export --concurrency 1 --requests 3
  log "server memory after the exports: $(rss)"
elif [ "$MODE" = certificates ]; then
  # One certificate of the demo citizen, downloaded (regenerated each time) and verified.
  for scenario in certificate-pdf verify; do
    "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario "$scenario" --concurrency "$CONCURRENCY" --requests "$REQUESTS"
  done
elif [ "$MODE" = transfers ]; then
  # The demo citizen's pension transfer (submitted once per scenario run): its tracking page,
  # then Beijing's queue as its reviewer sees it; then a filing draft's check page and its
  # uploaded 1 MiB document.
  for scenario in request queue filing-check filing-document; do
    "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario "$scenario" --concurrency "$CONCURRENCY" --requests "$REQUESTS"
  done
elif [ "$MODE" = pages ]; then
  # Server time per page as a phone's first request costs it: a page without data (/login)
  # against the data pages, each as the demo citizen, rendered to HTML.
  apt_install wrk
  WRK_SECONDS="${WRK_SECONDS:-10}"
  BASE="http://127.0.0.1:$PORT"; cookie="$(signed_in_cookie 110101199003074514)"
  declare -A rps
  for path in /login /me /me/records/pension; do
    auth=(); [ "$path" = /login ] || auth=(-H "Cookie: $cookie")
    result="$(wrk -t2 -c64 -d"${WRK_SECONDS}s" --latency "${auth[@]}" "http://127.0.0.1:$PORT$path")"
    rps[$path]="$(awk '/^Requests\/sec/ { print $2 }' <<<"$result")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$result")"
    non2xx="$(awk '/Non-2xx/ { print $NF }' <<<"$result")"
    printf '%-22s %10s req/s   p99 %8s   non-2xx %s\n' "$path" "${rps[$path]}" "$p99" "${non2xx:-0}"
  done
  for path in /me /me/records/pension; do
    awk -v p="$path" -v a="${rps[$path]}" -v b="${rps[/login]}" 'BEGIN { printf "%s: %.0f%% of /login\n", p, 100 * a / b }'
  done
elif [ "$MODE" = assist ]; then
  # The citizen baseline first, then the same page in an assisted session; the console's lookups
  # and the session's requests fill the demo citizen's access log, read last.
  "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario home --concurrency "$CONCURRENCY" --requests "$REQUESTS" --accounts "$PERSONS"
  for scenario in console-search assisted-home access-log; do
    "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario "$scenario" --concurrency "$CONCURRENCY" --requests "$REQUESTS"
  done
else
  "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario login --concurrency 4 --requests "$LOGINS" --accounts "$PERSONS"
  for scenario in home record home-api; do
    "$LOADGEN" --base "http://127.0.0.1:$PORT" --scenario "$scenario" --concurrency "$CONCURRENCY" --requests "$REQUESTS" --accounts "$PERSONS"
  done
fi
