#!/usr/bin/env bash
# Audit at scale (docs/performance.md): the auditors' filtered requests on event stores of growing
# size, p50 and p95 per request, and the ratio of the largest store's p95 to the smallest's.
#
# For each size in BENCH_AUDIT_SIZES:
# 1. scripts/bench-replay.sh seeds a store of that many events and rebuilds every projection (the
#    audit index and the relationship periods among them), keeping the database;
# 2. the command side mints an AUDITOR token (dev profile), then stops;
# 3. the query side starts on the kept database and waits until every projection has caught up;
# 4. each request below, for BENCH_AUDIT_SUBJECTS subjects picked at random, BENCH_AUDIT_ROUNDS times
#    (the first round warms up and is not counted), timed by curl (time_total, the whole body read):
#    GET /api/audit/events?personId=, ?uscc=, ?from=&to= (a day without events),
#    GET /api/audit/enterprises/{uscc}/relationships?at=, GET /api/audit/persons/{id}/relationships;
# 5. the full export, GET /api/audit/events without a filter, once, against a COPY of the event table.
# Writes $REPORT/audit-<events>.properties per size and $REPORT/audit-rows.md (rows of scripts/bench.sh's
# summary); prints them.
#
# Knobs (environment): BENCH_AUDIT_SIZES ("1000000"; "1000000 5000000" for the ratio, BENCH_AUDIT_5M=1 is
# the same), BENCH_AUDIT_SUBJECTS (20), BENCH_AUDIT_ROUNDS (3), AUDIT_DB (etax_bench_audit, suffixed with the
# size; dropped at the end unless REPLAY_KEEP_DB=1), BENCH_AUDIT_REUSE (1: keep the stores, measure on them
# again), AUDIT_COMMAND_PORT/AUDIT_QUERY_PORT (18084/18085), BENCH_REPORT or REPORT (bench/report-audit), BENCH_SKIP_BUILD, PG_HOST/PG_PORT/PG_USER as scripts/bench-replay.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SIZES=${BENCH_AUDIT_SIZES:-1000000}
[ "${BENCH_AUDIT_5M:-0}" = 1 ] && SIZES="1000000 5000000"
SUBJECTS=${BENCH_AUDIT_SUBJECTS:-20}
# Seeding and rebuilding 5M events takes most of an hour: BENCH_AUDIT_REUSE=1 keeps each size's database
# and measures again on it when it is there.
REUSE=${BENCH_AUDIT_REUSE:-0}
[ "$REUSE" = 1 ] && export REPLAY_KEEP_DB=1
ROUNDS=${BENCH_AUDIT_ROUNDS:-3}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
COMMAND_PORT=${AUDIT_COMMAND_PORT:-18084}
QUERY_PORT=${AUDIT_QUERY_PORT:-18085}
DB=${AUDIT_DB:-etax_bench_audit}
REPORT=${REPORT:-${BENCH_REPORT:-$ROOT/bench/report-audit}}
HEAP=-Xmx512m
export AXONIQ_UPDATE_CHECKER_DISABLED=true

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"; }
psql_db() { psql -X -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" "$@"; }
log() { printf '[bench-audit %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

APP_LOG_PREFIX=audit
source scripts/bench-apps.sh

# p50 and p95 (nearest rank) of the numbers on stdin, in milliseconds from seconds.
percentiles() {
  sort -g | awk '{ v[NR] = $1 * 1000 } END {
    if (NR == 0) { print "n/a n/a"; exit }
    p50 = int(0.50 * NR + 0.999999); p95 = int(0.95 * NR + 0.999999)
    printf "%.1f %.1f\n", v[p50], v[p95] }'
}

mkdir -p "$REPORT"
exec > >(tee -a "$REPORT/bench-audit.log") 2>&1
REQUESTS="events_person events_uscc events_time enterprise_relationships_at person_relationships"

# The jars, copied: a build elsewhere in this tree rewrites target/ under a running application.
if [ -z "${COMMAND_JAR:-}" ] || [ -z "${QUERY_JAR:-}" ]; then
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the applications"
    ${MVN:-mvn -B} -q -DskipTests package -pl command-side,query-side -am
  fi
  mkdir -p "$REPORT/jars-audit"
  cp command-side/target/command-side-*-exec.jar "$REPORT/jars-audit/command-side.jar"
  cp query-side/target/query-side-*-exec.jar "$REPORT/jars-audit/query-side.jar"
  COMMAND_JAR=$REPORT/jars-audit/command-side.jar QUERY_JAR=$REPORT/jars-audit/query-side.jar
fi
export BENCH_SKIP_BUILD=1 COMMAND_JAR QUERY_JAR

BASE_DB=$DB
for SIZE in $SIZES; do
  DB=${BASE_DB}_$SIZE
  if [ "$REUSE" = 1 ] && [ "$(psql_db -c "SELECT count(*) FROM domainevententry" 2>/dev/null || echo 0)" -ge "$SIZE" ]; then
    log "store of $SIZE events: reusing database $DB (seeded and rebuilt before)"
  else
    log "store of $SIZE events: seeding and rebuilding the projections (scripts/bench-replay.sh)"
    REPORT=$REPORT REPLAY_DB=$DB REPLAY_KEEP_DB=1 BENCH_REPLAY_EVENTS=$SIZE PG_HOST=$PG_HOST PG_PORT=$PG_PORT \
      PG_USER=$PG_USER ./scripts/bench-replay.sh > "$REPORT/bench-replay-$SIZE.log" 2>&1 \
      || { log "the replay run failed; see $REPORT/bench-replay-$SIZE.log"; exit 1; }
  fi

  export DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" DB_USER=$PG_USER DB_PASSWORD=${DB_PASSWORD:-}
  export SPRING_PROFILES_ACTIVE=dev ETAX_DATA_DIR="$REPORT/replay-data"
  PORT=$COMMAND_PORT java $HEAP -jar "$COMMAND_JAR" > "$REPORT/audit-command-side.log" 2>&1 &
  pids+=($!)
  wait_healthy command-side "$COMMAND_PORT" "$!"
  TOKEN=$(curl -sf -X POST "http://127.0.0.1:$COMMAND_PORT/api/dev/staff-tokens" -H 'Content-Type: application/json' \
    -d '{"staffId":"bench-auditor","name":"Audit benchmark","role":"AUDITOR"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [ -n "$TOKEN" ] || { echo "no AUDITOR token from the command side's dev profile" >&2; exit 1; }
  stop_apps

  PORT=$QUERY_PORT java $HEAP -jar "$QUERY_JAR" > "$REPORT/audit-query-side.log" 2>&1 &
  pids+=($!); QUERY_PID=$!
  wait_healthy query-side "$QUERY_PORT" "$QUERY_PID"
  # Ready means every projection has caught up (docs/operations.md).
  for _ in $(seq 1 2400); do
    curl -sf "http://127.0.0.1:$QUERY_PORT/actuator/health/readiness" | grep -q '"status":"UP"' && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$QUERY_PORT/actuator/health/readiness" | grep -q '"status":"UP"' \
    || { echo "the projections did not catch up" >&2; exit 1; }
  EVENTS=$(psql_db -c "SELECT count(*) FROM domainevententry")

  # The subjects: random persons and enterprises of the store; "now" for ?at=.
  PERSONS=$(psql_db -c "SELECT aggregateidentifier FROM domainevententry WHERE aggregateidentifier LIKE 'person-%'
    AND sequencenumber = 0 ORDER BY random() LIMIT $SUBJECTS")
  USCCS=$(psql_db -c "SELECT uscc FROM audit_relationship_period WHERE role = 'LEGAL_REPRESENTATIVE'
    ORDER BY random() LIMIT $SUBJECTS")
  AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  url() {
    case $1 in
      events_person) echo "/api/audit/events?personId=$2" ;;
      events_uscc) echo "/api/audit/events?uscc=$2" ;;
      events_time) echo "/api/audit/events?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z" ;;
      enterprise_relationships_at) echo "/api/audit/enterprises/$2/relationships?at=$AT" ;;
      person_relationships) echo "/api/audit/persons/$2/relationships" ;;
    esac
  }
  subjects() { case $1 in events_uscc|enterprise_relationships_at) echo "$USCCS" ;; *) echo "$PERSONS" ;; esac; }

  OUT=$REPORT/audit-$EVENTS.properties
  echo "events=$EVENTS" > "$OUT"
  echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT"
  for request in $REQUESTS; do
    : > "$REPORT/audit-times"
    for round in $(seq 1 "$ROUNDS"); do
      for subject in $(subjects "$request"); do
        answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
          "http://127.0.0.1:$QUERY_PORT$(url "$request" "$subject")")
        [ "${answer%% *}" = 200 ] || { echo "$request $subject answered ${answer%% *}" >&2; exit 1; }
        [ "$round" -gt 1 ] && echo "${answer#* }" >> "$REPORT/audit-times"
      done
    done
    read -r p50 p95 < <(percentiles < "$REPORT/audit-times")
    echo "$request.p50_ms=$p50" >> "$OUT"
    echo "$request.p95_ms=$p95" >> "$OUT"
    echo "$request.requests=$(wc -l < "$REPORT/audit-times")" >> "$OUT"
    log "$EVENTS events, $request: p50 $p50 ms, p95 $p95 ms"
  done
  rm -f "$REPORT/audit-times"

  # The full export (every event, opened, as NDJSON) against a plain sequential read of the table, one
  # after the other, so that both find the table equally cached.
  READ_START=$(now)
  psql_db -c "COPY (SELECT * FROM domainevententry ORDER BY globalindex) TO STDOUT" > /dev/null
  READ_SECONDS=$(seconds_since "$READ_START")
  EXPORT_START=$(now)
  EXPORTED=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$QUERY_PORT/api/audit/events" | wc -l)
  EXPORT_SECONDS=$(seconds_since "$EXPORT_START")
  [ "$EXPORTED" = "$EVENTS" ] || { echo "the export gave $EXPORTED lines for $EVENTS events" >&2; exit 1; }
  {
    echo "sequential_read_seconds=$READ_SECONDS"
    echo "sequential_read_events_per_s=$(awk -v n="$EVENTS" -v s="$READ_SECONDS" 'BEGIN { printf "%.0f", n / s }')"
    echo "export_seconds=$EXPORT_SECONDS"
    echo "export_events_per_s=$(awk -v n="$EVENTS" -v s="$EXPORT_SECONDS" 'BEGIN { printf "%.0f", n / s }')"
    echo "export_share_of_sequential_read_pct=$(awk -v r="$READ_SECONDS" -v e="$EXPORT_SECONDS" 'BEGIN { printf "%.1f", 100 * r / e }')"
  } >> "$OUT"
  log "$EVENTS events, full export: $EXPORT_SECONDS s (sequential read $READ_SECONDS s)"
  stop_apps
  [ "${REPLAY_KEEP_DB:-0}" = 1 ] || psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
done
rm -rf "$REPORT/jars-audit"

# --- rows: p50/p95 per size, and the largest store's p95 over the smallest's ----------------------
prop() { awk -F= -v k="$2" '$1 == k {print $2}' "$REPORT/audit-$1.properties"; }
SIZES_RUN=$(for f in "$REPORT"/audit-*.properties; do prop "$(basename "$f" .properties | sed 's/audit-//')" events; done | sort -n | tr '\n' ' ')
SMALL=$(echo $SIZES_RUN | awk '{print $1}')
LARGE=$(echo $SIZES_RUN | awk '{print $NF}')
{
  for request in $REQUESTS; do
    row="| audit $request |"
    for size in $SIZES_RUN; do row="$row $size events: p50 $(prop "$size" "$request.p50_ms") ms, p95 $(prop "$size" "$request.p95_ms") ms (load $(prop "$size" load_average));"; done
    ratio=$(awk -v a="$(prop "$LARGE" "$request.p95_ms")" -v b="$(prop "$SMALL" "$request.p95_ms")" \
      'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }')
    met=$(awk -v p="$(prop "$LARGE" "$request.p95_ms")" -v r="$ratio" -v one="$([ "$SMALL" = "$LARGE" ] && echo 1 || echo 0)" \
      'BEGIN { print (p < 100 && (one || r <= 1.5)) ? "yes" : "**no**" }')
    echo "$row | — | p95 $LARGE/$SMALL events: $ratio | p95 < 100 ms, ratio ≤ 1.5 | $met |"
  done
  for size in $SIZES_RUN; do
    share=$(prop "$size" export_share_of_sequential_read_pct)
    echo "| audit full export (NDJSON, opened), $size events | $(prop "$size" export_events_per_s) events/s ($(prop "$size" export_seconds) s) | sequential read (COPY … ORDER BY globalindex TO STDOUT) $(prop "$size" sequential_read_events_per_s) events/s ($(prop "$size" sequential_read_seconds) s) | $share % | ≥ 40 % of the sequential read | $(awk -v s="$share" 'BEGIN { print (s >= 40) ? "yes" : "**no**" }') |"
  done
} > "$REPORT/audit-rows.md"
log "rows: $REPORT/audit-rows.md"
cat "$REPORT/audit-rows.md"
