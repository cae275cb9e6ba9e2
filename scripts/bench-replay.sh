#!/usr/bin/env bash
# Rebuild benchmark: rebuild every projection of the query side from an event store of BENCH_REPLAY_EVENTS
# events, beside the live tables (docs/adr/0041), in events per second and as a share of a plain sequential
# read of the event table in the same run, while a reader asks an endpoint of a rebuilt projection; then check
# that the read models switched in hold exactly what was seeded.
#
# 1. a fresh database, its schema made by the applications' own Flyway migrations (the command side
#    starts once on it; it also mints the OPERATOR and AUDITOR tokens from its dev profile, then stops);
# 2. bench/…/ReplaySeed writes the events (the kernel's event records through Axon's JacksonSerializer,
#    personal data sealed under data keys as the command side's vault does);
# 3. the query side starts (-Xmx512m) and its live processors build the read models (timed as well);
# 4. baseline: COPY (SELECT * FROM domainevententry ORDER BY globalindex) TO STDOUT, timed;
# 5. POST /api/admin/projections/replay (one rebuild of every projection), then GET /api/admin/projections
#    every 0.2 s until its tables are switched in; events / elapsed = the rebuild rate. Meanwhile a reader
#    asks GET /api/persons/{id}/account (a rebuilt projection) every 0.05 s and counts the answers not 200;
# 6. the read models' row counts against the counts the seed wrote down.
# Writes $REPORT/replay.properties and $REPORT/replay-rows.md (rows of the summary table of scripts/bench.sh).
#
# Knobs (environment): BENCH_REPLAY_EVENTS (1000000), BENCH_REPORT or REPORT (bench/report-replay; not
# emptied, so scripts/bench.sh may pass its own), REPLAY_DB (etax_bench_replay; dropped and created),
# REPLAY_COMMAND_PORT/REPLAY_QUERY_PORT (18082/18083), COMMAND_JAR/QUERY_JAR (default: the exec jars of
# command-side/target and query-side/target, built first unless BENCH_SKIP_BUILD=1), PG_HOST/PG_PORT/PG_USER,
# QUERY_DB_PARAMS (JDBC URL parameters of the query side only, e.g. options=-c%20synchronous_commit=off),
# REPLAY_MAX_SECONDS (1200) before the replay counts as failed, REPLAY_KEEP_DB=1 to keep the database afterwards, REPLAY_REUSE_DB=1 to replay it again without seeding.
# Application settings pass through the environment: DB_POOL_SIZE, ETAX_EVENT_STORE_BATCH_SIZE, and any
# property of query-side.yml through SPRING_APPLICATION_JSON (processor batch sizes, segments, threads).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

EVENTS_WANTED=${BENCH_REPLAY_EVENTS:-1000000}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
COMMAND_PORT=${REPLAY_COMMAND_PORT:-18182}
QUERY_PORT=${REPLAY_QUERY_PORT:-18183}
DB=${REPLAY_DB:-etax_bench_replay}
REPORT=${REPORT:-${BENCH_REPORT:-$ROOT/bench/report-replay}}
HEAP=-Xmx512m
MVN=${MVN:-mvn -B}
export AXONIQ_UPDATE_CHECKER_DISABLED=true

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"; }
psql_db() { psql -X -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" "$@"; }
log() { printf '[bench-replay %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }

APP_LOG_PREFIX=replay
source scripts/bench-apps.sh

./scripts/ensure-postgres.sh
mkdir -p "$REPORT"
exec > >(tee -a "$REPORT/bench-replay.log") 2>&1

# --- jars ------------------------------------------------------------------------------------
if [ -z "${COMMAND_JAR:-}" ] || [ -z "${QUERY_JAR:-}" ]; then
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the applications"
    $MVN -q -DskipTests install -pl command-side,query-side -am
  fi
  # Copies: a build elsewhere in this tree rewrites target/ under a running application.
  mkdir -p "$REPORT/jars-replay"
  cp command-side/target/command-side-*-exec.jar "$REPORT/jars-replay/command-side.jar"
  cp query-side/target/query-side-*-exec.jar "$REPORT/jars-replay/query-side.jar"
  COMMAND_JAR=${COMMAND_JAR:-$REPORT/jars-replay/command-side.jar}
  QUERY_JAR=${QUERY_JAR:-$REPORT/jars-replay/query-side.jar}
fi
(cd bench && $MVN -q test-compile)

# --- a fresh database with the applications' schema, and an operator's token -------------------
export DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" DB_USER=$PG_USER DB_PASSWORD=${DB_PASSWORD:-}
# The dev profile; the command side makes the dev key ring here, the seed and the query side read it.
export SPRING_PROFILES_ACTIVE=dev ETAX_DATA_DIR="$REPORT/replay-data"
dev_key() { sed -n "s/^$1=//p" "$ETAX_DATA_DIR/dev-keys/dev-keys.properties" | tr -d '\\'; }
seeded() { awk -F= -v k="$1" '$1 == k {print $2}' "$REPORT/replay-seed.properties"; }
if [ "${REPLAY_REUSE_DB:-0}" != 1 ]; then
  log "fresh database $DB"
  psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
fi
if [ "${REPLAY_REUSE_DB:-0}" = 1 ] && [ -s "$REPORT/replay-operator-token" ]; then
  OPERATOR_TOKEN=$(cat "$REPORT/replay-operator-token") # staff tokens last 8 hours
  [ -s "$REPORT/replay-auditor-token" ] || { echo "no $REPORT/replay-auditor-token of an earlier run" >&2; exit 1; }
else
  PORT=$COMMAND_PORT java $HEAP -jar "$COMMAND_JAR" > "$REPORT/replay-command-side.log" 2>&1 &
  pids+=($!)
  wait_healthy command-side "$COMMAND_PORT" "$!"
  OPERATOR_TOKEN=$(curl -sf -X POST "http://127.0.0.1:$COMMAND_PORT/api/dev/staff-tokens" -H 'Content-Type: application/json' \
    -d '{"staffId":"bench-operator","name":"Replay benchmark","role":"OPERATOR"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [ -n "$OPERATOR_TOKEN" ] || { echo "no OPERATOR token from the command side's dev profile" >&2; exit 1; }
  AUDITOR_TOKEN=$(curl -sf -X POST "http://127.0.0.1:$COMMAND_PORT/api/dev/staff-tokens" -H 'Content-Type: application/json' \
    -d '{"staffId":"bench-reader","name":"Replay benchmark reader","role":"AUDITOR"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [ -n "$AUDITOR_TOKEN" ] || { echo "no AUDITOR token from the command side's dev profile" >&2; exit 1; }
  stop_apps # its schema and the tokens are all it is needed for
  printf '%s' "$OPERATOR_TOKEN" > "$REPORT/replay-operator-token"
  printf '%s' "$AUDITOR_TOKEN" > "$REPORT/replay-auditor-token"
fi
AUDITOR_TOKEN=${AUDITOR_TOKEN:-$(cat "$REPORT/replay-auditor-token")}

# --- seed ------------------------------------------------------------------------------------
# REPLAY_REUSE_DB=1 (tuning trials, with REPLAY_KEEP_DB=1 before): the database and the seed's counts
# of an earlier run in the same REPORT.
if [ "${REPLAY_REUSE_DB:-0}" != 1 ]; then
  log "seeding about $EVENTS_WANTED events"
  (cd bench && BENCH_REPLAY_EVENTS=$EVENTS_WANTED BENCH_OUT="$REPORT/replay-seed.properties" \
     ETAX_MASTER_KEY=${ETAX_MASTER_KEY:-$(dev_key master-key)} \
     $MVN -q exec:java -Dbench.main=gov.etax.identity.bench.ReplaySeed)
  psql_db -q -c "VACUUM ANALYZE domainevententry" -c "VACUUM ANALYZE personal_data_key"
fi
EVENTS=$(psql_db -c "SELECT count(*) FROM domainevententry")
[ "$EVENTS" = "$(seeded events)" ] || { echo "the store holds $EVENTS events, the seed wrote $(seeded events)" >&2; exit 1; }
log "seeded $EVENTS events at $(seeded seed_events_per_s) events/s"

# --- the query side ---------------------------------------------------------------------------
api() { curl -sf -H "Authorization: Bearer $OPERATOR_TOKEN" "$@"; }
# One line per projection: name replaying caughtUp (the top-level fields; segments have no "name").
statuses() {
  api "http://127.0.0.1:$QUERY_PORT/api/admin/projections" \
    | grep -o '"name":"[^"]*","running":[a-z]*,"error":[a-z]*,"replaying":[a-z]*,"caughtUp":[a-z]*' \
    | sed 's/"name":"\([^"]*\)","running":[a-z]*,"error":[a-z]*,"replaying":\([a-z]*\),"caughtUp":\([a-z]*\)/\1 \2 \3/'
}

log "starting the query side on $QUERY_PORT ($HEAP)"
DB_URL="$DB_URL${QUERY_DB_PARAMS:+?$QUERY_DB_PARAMS}" PORT=$QUERY_PORT java $HEAP -jar "$QUERY_JAR" \
  > "$REPORT/replay-query-side.log" 2>&1 &
pids+=($!); QUERY_PID=$!
wait_healthy query-side "$QUERY_PORT" "$QUERY_PID"

# --- the live build: the processors' first pass over the store, which the rebuild then does again -------
LIVE_START=$(now)
NAMES=""
for _ in $(seq 1 150); do # the admin endpoint answers a moment after liveness
  NAMES=$(statuses 2>/dev/null | cut -d' ' -f1 || true)
  [ -n "$NAMES" ] && break
  sleep 0.2
done
[ -n "$NAMES" ] || { echo "no projections listed at /api/admin/projections" >&2; exit 1; }
until [ "$(statuses | grep -c ' false true$' || true)" -eq "$(wc -w <<< "$NAMES")" ]; do
  kill -0 "$QUERY_PID" 2>/dev/null || { echo "query side stopped during the live build" >&2; exit 1; }
  awk -v s="$(seconds_since "$LIVE_START")" -v max="${REPLAY_MAX_SECONDS:-1200}" 'BEGIN { exit !(s > max) }' \
    && { echo "the live build took over ${REPLAY_MAX_SECONDS:-1200} s" >&2; exit 1; }
  sleep 0.2
done
LIVE_SECONDS=$(seconds_since "$LIVE_START")
log "live build of $(echo $NAMES): $LIVE_SECONDS s"

# --- baseline: a plain sequential read of the event table ------------------------------------
# Read after the live build and before the rebuild: both rebuild and read find the table equally cached.
READ_START=$(now)
READ_BYTES=$(psql_db -c "COPY (SELECT * FROM domainevententry ORDER BY globalindex) TO STDOUT" | wc -c)
READ_SECONDS=$(seconds_since "$READ_START")
log "sequential read: $EVENTS rows, $READ_BYTES bytes in $READ_SECONDS s"

# --- the rebuild of every projection, with a reader of a rebuilt projection ---------------------
# CPU seconds (user + system) of the query side and of the PostgreSQL backends serving this database:
# on a machine shared with other work they show the cost per event better than the wall clock does.
ticks() { for pid in "$@"; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0; done | awk '{s += $1} END {print s + 0}'; }
backends() { psql_db -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()" | tr '\n' ' '; }
READ_URL="http://127.0.0.1:$QUERY_PORT/api/persons/$(psql_db -c "SELECT person_id FROM person_account ORDER BY person_id LIMIT 1")/account"
rm -f "$REPORT/replay-reader.stop" "$REPORT/replay-reader.counts"
reader() {
  local ok=0 other=0 code
  while [ ! -e "$REPORT/replay-reader.stop" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $AUDITOR_TOKEN" "$READ_URL" || true)
    if [ "$code" = 200 ]; then ok=$((ok + 1)); else other=$((other + 1)); fi
    sleep 0.05
  done
  echo "$ok $other" > "$REPORT/replay-reader.counts"
}
reader & READER_PID=$!
log "rebuilding: $(echo $NAMES); reading $READ_URL meanwhile"
CPU_BEFORE=$(ticks "$QUERY_PID"); PG_PIDS=$(backends); PG_BEFORE=$(ticks $PG_PIDS)
REPLAY_START=$(now)
api -X POST "http://127.0.0.1:$QUERY_PORT/api/admin/projections/replay" > /dev/null
declare -A DONE_AT=()
while :; do
  kill -0 "$QUERY_PID" 2>/dev/null || { echo "query side stopped during the rebuild" >&2; exit 1; }
  states=$(api "http://127.0.0.1:$QUERY_PORT/api/admin/projections" | grep -o '"rebuild":{"state":"[A-Z]*"' || true)
  grep -q FAILED <<< "$states" && { echo "the rebuild failed: see $REPORT/replay-query-side.log" >&2; exit 1; }
  [ "$(grep -c SWITCHED <<< "$states" || true)" -eq "$(wc -w <<< "$NAMES")" ] && break
  awk -v s="$(seconds_since "$REPLAY_START")" -v max="${REPLAY_MAX_SECONDS:-1200}" 'BEGIN { exit !(s > max) }' \
    && { echo "rebuild took over ${REPLAY_MAX_SECONDS:-1200} s" >&2; exit 1; }
  sleep 0.2
done
REPLAY_SECONDS=$(seconds_since "$REPLAY_START")
CPU_AFTER=$(ticks "$QUERY_PID"); PG_AFTER=$(ticks $PG_PIDS)
for name in $NAMES; do DONE_AT[$name]=$REPLAY_SECONDS; done # one rebuild switches every projection at once
touch "$REPORT/replay-reader.stop"; wait "$READER_PID"
read -r READS_OK READS_OTHER < "$REPORT/replay-reader.counts"
HZ=$(getconf CLK_TCK)
PG_CPU=$(awk -v a="$PG_BEFORE" -v b="$PG_AFTER" -v hz="$HZ" 'BEGIN { printf "%.1f", (b - a) / hz }')
QUERY_CPU=$(awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" -v hz="$HZ" 'BEGIN { printf "%.1f", (b - a) / hz }')
QUERY_HWM=$(awk '/^VmHWM:/ {print $2}' "/proc/$QUERY_PID/status")
QUERY_OOM=$(grep -c OutOfMemoryError "$REPORT/replay-query-side.log" || true)
HANDLER_ERRORS=$(grep -c -E 'failed to handle event|EventProcessingException' "$REPORT/replay-query-side.log" || true)
log "rebuild of all projections: $REPLAY_SECONDS s; reader: $READS_OK answers 200, $READS_OTHER others"
stop_apps

# --- completeness: the rebuilt read models against what was seeded ------------------------------
checks=(
  "person_account|SELECT count(*) FROM person_account|persons"
  "person_account with a username|SELECT count(*) FROM person_account WHERE username IS NOT NULL|usernames"
  "person_account opened (not [erased])|SELECT count(*) FROM person_account WHERE name <> '[erased]'|persons"
  "person_account_phone|SELECT count(*) FROM person_account_phone|phones"
  "ended_session|SELECT count(*) FROM ended_session|ended_sessions"
  "authorization_enterprise|SELECT count(*) FROM authorization_enterprise|enterprises"
  "authorization_person|SELECT count(*) FROM authorization_person|persons"
  "authorization_view|SELECT count(*) FROM authorization_view|authorizations"
  "authorization_view ACTIVE|SELECT count(*) FROM authorization_view WHERE status = 'ACTIVE'|authorizations_active"
  "authorization_view PENDING|SELECT count(*) FROM authorization_view WHERE status = 'PENDING'|authorizations_pending"
  "authorization_view REVOKED|SELECT count(*) FROM authorization_view WHERE status = 'REVOKED'|authorizations_revoked"
  "account_history|SELECT count(*) FROM account_history|history"
  "account_history_cleared|SELECT count(*) FROM account_history_cleared|history_cleared"
  "account_relationship_start|SELECT count(*) FROM account_relationship_start|relationship_starts"
)
MISMATCHES=()
{
  echo "| read model | rows after the rebuild | seeded |"
  echo "|---|---|---|"
  for check in "${checks[@]}"; do
    IFS='|' read -r label sql key <<< "$check"
    got=$(psql_db -c "$sql"); want=$(seeded "$key")
    echo "| $label | $got | $want |"
    [ "$got" = "$want" ] || MISMATCHES+=("$label: $got, seeded $want")
  done
} > "$REPORT/replay-counts.md"
cat "$REPORT/replay-counts.md"

# --- figures ---------------------------------------------------------------------------------
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
REPLAY_RATE=$(rate "$EVENTS" "$REPLAY_SECONDS")
READ_RATE=$(rate "$EVENTS" "$READ_SECONDS")
SHARE=$(awk -v a="$REPLAY_RATE" -v b="$READ_RATE" 'BEGIN { printf "%.2f", 100 * a / b }')
COMPLETE=yes; [ "${#MISMATCHES[@]}" -eq 0 ] || COMPLETE=no
PER_PROJECTION=$(for name in $NAMES; do printf '%s %s s; ' "$name" "${DONE_AT[$name]}"; done | sed 's/; $//')
{
  echo "events=$EVENTS"
  echo "seed_events_per_s=$(seeded seed_events_per_s)"
  echo "seed_seconds=$(seeded seed_seconds)"
  echo "sequential_read_seconds=$READ_SECONDS"
  echo "sequential_read_bytes=$READ_BYTES"
  echo "sequential_read_events_per_s=$READ_RATE"
  echo "replay_seconds=$REPLAY_SECONDS"
  echo "replay_events_per_s=$REPLAY_RATE"
  echo "replay_share_of_sequential_read_pct=$SHARE"
  for name in $NAMES; do echo "replay_caught_up_s.$name=${DONE_AT[$name]}"; done
  echo "live_build_seconds=$LIVE_SECONDS"
  echo "reads_during_rebuild=$((READS_OK + READS_OTHER))"
  echo "reads_during_rebuild_not_200=$READS_OTHER"
  echo "replay_query_side_cpu_seconds=$QUERY_CPU"
  echo "replay_postgres_cpu_seconds=$PG_CPU"
  echo "replay_cpu_us_per_event=$(awk -v a="$QUERY_CPU" -v b="$PG_CPU" -v n="$EVENTS" 'BEGIN { printf "%.0f", 1e6 * (a + b) / n }')"
  echo "read_models_complete=$COMPLETE"
  echo "handler_errors_logged=$HANDLER_ERRORS"
  echo "query_side_peak_rss_kib=$QUERY_HWM"
  echo "query_side_oom=$QUERY_OOM"
} > "$REPORT/replay.properties"

met() { [ "$1" = yes ] && echo yes || echo "**no**"; }
{
  echo "| rebuild of all projections beside the live tables (one processor for all $(wc -w <<< "$NAMES")), $EVENTS events | $REPLAY_RATE events/s ($REPLAY_SECONDS s to the switch; live build before it $LIVE_SECONDS s) | sequential read (COPY … ORDER BY globalindex TO STDOUT) $READ_RATE events/s ($READ_SECONDS s) | $SHARE % | ≥ 20,000 events/s | $(met "$(awk -v r="$REPLAY_RATE" 'BEGIN { print (r >= 20000) ? "yes" : "no" }')") |"
  echo "| reads of a rebuilt projection during the rebuild (GET /api/persons/{id}/account every 0.05 s) | $((READS_OK + READS_OTHER)) reads, $READS_OTHER not 200 | — | — | 0 not 200 | $(met "$([ "$READS_OTHER" = 0 ] && [ "$READS_OK" -gt 0 ] && echo yes || echo no)") |"
  echo "| CPU spent on the rebuild: query side + its PostgreSQL backends | $QUERY_CPU s + $PG_CPU s = $(awk -v a="$QUERY_CPU" -v b="$PG_CPU" -v n="$EVENTS" 'BEGIN { printf "%.0f", 1e6 * (a + b) / n }') µs per event | wall time $REPLAY_SECONDS s on $(nproc) cores | — | — | — |"
  echo "| read models complete after the rebuild | $([ "$COMPLETE" = yes ] && echo "all ${#checks[@]} counts equal" || echo "${#MISMATCHES[@]} of ${#checks[@]} differ: ${MISMATCHES[*]}"); $HANDLER_ERRORS handler errors logged | counts written by the seed | — | equal | $(met "$COMPLETE") |"
  echo "| seeding the event store (ReplaySeed, JDBC batches of 1,000) | $(seeded seed_events_per_s) events/s ($(seeded seed_seconds) s) | — | — | — | — |"
  echo "| peak RSS (VmHWM), query side, live build and rebuild | $(awk -v k="$QUERY_HWM" 'BEGIN { printf "%.0f MiB", k / 1024 }') | heap limit 512 MiB | — | runs with -Xmx512m, no OutOfMemoryError | $([ "$QUERY_OOM" = 0 ] && echo yes || echo "**no** ($QUERY_OOM OOM lines)") |"
} > "$REPORT/replay-rows.md"
rm -rf "$REPORT/jars-replay"
log "rows: $REPORT/replay-rows.md"
cat "$REPORT/replay-rows.md"
