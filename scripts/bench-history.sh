#!/usr/bin/env bash
# Long histories: latency of a cheap command (the identity switch, ACC-8) on a person with
# a short history against one with a long history, with NaturalPerson snapshots off and on. Starts its
# own command side (from the exec jar, -Xmx512m) on a fresh database, once per snapshot threshold,
# seeds two fresh persons per run and measures them with Gatling (bench/…/HistorySimulation.java).
# Writes $REPORT/history.properties and $REPORT/history-rows.md (rows of the summary table of
# scripts/bench.sh). A full run took 5 minutes on a loaded, shared 2-core machine (docs/performance.md).
#
# Knobs (environment): HISTORY_SHORT (10 events), HISTORY_LONG (10000 events), HISTORY_SWITCHES
# (100 measured switches per person and run with snapshots), HISTORY_OFF_SWITCHES (30 with snapshots
# off, where each switch of the long history replays all of it), HISTORY_WARMUP (10 switches of the
# short history first, not counted), HISTORY_LONG_WARMUP (3 of the long one, not counted),
# HISTORY_THRESHOLDS ("off 100": "off" runs with snapshots off, a number with that snapshot threshold;
# the first number is the run the rows judge), HISTORY_PORT (18082), HISTORY_DB (etax_bench_history,
# dropped and created afresh; HISTORY_KEEP_DB=1 keeps it afterwards), REPORT (bench/report-history;
# not emptied), COMMAND_JAR (command-side/target/command-side-*-exec.jar), BENCH_SKIP_BUILD=1 to reuse
# the jars, PG_HOST/PG_PORT/PG_USER (127.0.0.1/5432/postgres). Application settings pass through the
# environment (DB_POOL_SIZE, 6 here...).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SHORT=${HISTORY_SHORT:-10}
LONG=${HISTORY_LONG:-10000}
SWITCHES=${HISTORY_SWITCHES:-100}
OFF_SWITCHES=${HISTORY_OFF_SWITCHES:-30}
WARMUP=${HISTORY_WARMUP:-10}
LONG_WARMUP=${HISTORY_LONG_WARMUP:-3}
THRESHOLDS=${HISTORY_THRESHOLDS:-off 100}
PORT=${HISTORY_PORT:-18082}
DB=${HISTORY_DB:-etax_bench_history}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
REPORT=${REPORT:-$ROOT/bench/report-history}
MVN=${MVN:-mvn -B}
HEAP=-Xmx512m
SNAPSHOTS_OFF=2147483647
PASSWORD='Secret#2024'
URL="http://127.0.0.1:$PORT"
export AXONIQ_UPDATE_CHECKER_DISABLED=true

log() { printf '[bench-history %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }

app_pid=
stop_app() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
  fi
}
trap stop_app EXIT INT TERM

# --- database, build, jar --------------------------------------------------------------------
./scripts/ensure-postgres.sh
mkdir -p "$REPORT/gatling" "$REPORT/jars"
log "fresh database $DB"
sql -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "building the command side"
  $MVN -q -DskipTests install -pl command-side -am
fi
(cd bench && $MVN -q test-compile)
JAR=${COMMAND_JAR:-$(ls command-side/target/command-side-*-exec.jar | head -1)}
# A copy: a build elsewhere in this tree may rewrite target/ under the running application.
cp "$JAR" "$REPORT/jars/history-command-side.jar"

start_app() {
  log "command side on $PORT, snapshot threshold $1"
  # One address seeds every person: the per-address limits are lifted unless set.
  PORT=$PORT DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" DB_USER=$PG_USER DB_PASSWORD=${DB_PASSWORD:-} \
    ETAX_SMS_PER_ADDRESS=${ETAX_SMS_PER_ADDRESS:-1000000} ETAX_SMS_PER_SESSION=${ETAX_SMS_PER_SESSION:-1000000} \
    ETAX_SIGN_IN_FAILURES_PER_ADDRESS=${ETAX_SIGN_IN_FAILURES_PER_ADDRESS:-1000000} \
    DB_POOL_SIZE=${DB_POOL_SIZE:-6} DB_POOL_MIN_IDLE=${DB_POOL_MIN_IDLE:-1} \
    SPRING_PROFILES_ACTIVE=dev ETAX_DATA_DIR="$REPORT/history-data" \
    java $HEAP -jar "$REPORT/jars/history-command-side.jar" --etax.snapshots.natural-person.threshold="$1" \
    >> "$REPORT/history-command-side.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 180); do
    kill -0 "$app_pid" 2>/dev/null || { echo "command side stopped; see $REPORT/history-command-side.log" >&2; exit 1; }
    curl -sf "$URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
    sleep 1
  done
  echo "command side did not become healthy; see $REPORT/history-command-side.log" >&2
  exit 1
}

# --- seeding ---------------------------------------------------------------------------------
# POSTs JSON and prints one string field of the answer; fails unless the status is 2xx.
post_field() {
  local answer
  answer=$(curl -sf -X POST "$URL$1" -H 'Content-Type: application/json' -d "$2") || {
    echo "POST $1 failed" >&2; exit 1; }
  printf '%s' "$answer" | sed -n 's/.*"'"$3"'" *: *"\([^"]*\)".*/\1/p'
}

# A resident identity number with a valid GB 11643 check character, distinct for each n.
resident_id() {
  local body
  body="360102$(date -u -d "1970-01-01 + $1 days" +%Y%m%d)$(printf '%03d' $(( $1 % 1000 )))"
  awk -v b="$body" 'BEGIN {
    split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
    for (i = 1; i <= 17; i++) s += substr(b, i, 1) * w[i]
    printf "%s%s", b, substr("10X98765432", s % 11 + 1, 1) }'
}

face_scan() {
  post_field /api/dev/face-scans "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"$1\",\"outcome\":\"PASSED\"}" token
}

# Registers person n and logs them in by face (NaturalPersonRegistered, LoginSucceeded), then
# copies the login in SQL until the history holds $2 events: the same LoginSucceeded the command
# path writes, at consecutive sequence numbers, each with a fresh event id and session id.
# Prints "personId accessToken".
seed_person() {
  local n=$1 events=$2 document person token phone face code
  document=$(resident_id "$n")
  phone="139$(printf '%08d' "$n")"
  face=$(face_scan "$document")
  # LOGIN-2: the REGISTRATION code sent to the phone, read from the dev outbox.
  post_field /api/sms-challenges "{\"phone\":\"$phone\",\"purpose\":\"REGISTRATION\",\"faceVerificationToken\":\"$face\"}" phoneMasked >/dev/null
  code=$(curl -sf "$URL/api/dev/sms?phone=$phone" | grep -o '验证码为[0-9]*' | tail -1 | grep -o '[0-9]*')
  person=$(post_field /api/persons/registrations "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"$document\",\"name\":\"王小明\",\"phone\":\"$phone\",\"password\":\"$PASSWORD\",\"faceVerificationToken\":\"$face\",\"smsCode\":\"$code\"}" personId)
  token=$(post_field /api/sessions "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"$document\",\"password\":\"$PASSWORD\",\"faceVerificationToken\":\"$(face_scan "$document")\"}" accessToken)
  sql -d "$DB" -v id="$person" -v copies=$((events - 2)) <<'SQL'
INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                              payloadrevision, payloadtype, timestamp)
SELECT e.aggregateidentifier, e.sequencenumber + g, e.type, gen_random_uuid()::text, e.metadata,
       convert_to(jsonb_set(p.json,
                            CASE jsonb_typeof(p.json -> 'sessionId') WHEN 'object' THEN '{sessionId,value}' ELSE '{sessionId}' END::text[],
                            to_jsonb('session-' || gen_random_uuid()))::text, 'UTF8'),
       e.payloadrevision, e.payloadtype, e.timestamp
FROM domainevententry e
CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS json) p
CROSS JOIN generate_series(1, :copies) g
WHERE e.aggregateidentifier = :'id' AND e.payloadtype LIKE '%.LoginSucceeded';
SQL
  echo "$person $token"
}

events_of() { sql -d "$DB" -c "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '$1'"; }

# --- one run per threshold -------------------------------------------------------------------
PROPS=$REPORT/history.properties
: > "$PROPS"
echo "short_events=$SHORT" >> "$PROPS"
echo "long_events=$LONG" >> "$PROPS"
labels=()
n=0
for t in $THRESHOLDS; do
  if [ "$t" = off ]; then
    label=off; threshold=$SNAPSHOTS_OFF; switches=$OFF_SWITCHES
  else
    label=t$t; threshold=$t; switches=$SWITCHES
  fi
  labels+=("$label")
  start_app "$threshold"
  read -r short_id short_token < <(seed_person $((n + 1)) "$SHORT")
  read -r long_id long_token < <(seed_person $((n + 2)) "$LONG")
  n=$((n + 2))
  [ -n "${short_token:-}" ] && [ -n "${long_token:-}" ] || { echo "seeding failed; see $REPORT/history-command-side.log" >&2; exit 1; }
  short_events=$(events_of "$short_id"); long_events=$(events_of "$long_id")
  log "run $label: short history $short_events events, long history $long_events events;" \
      "warm-up $WARMUP + $LONG_WARMUP, then $switches switches each"
  (cd bench && COMMAND_URL=$URL SHORT_TOKEN=$short_token LONG_TOKEN=$long_token WARMUP=$WARMUP LONG_WARMUP=$LONG_WARMUP SWITCHES=$switches \
     BENCH_OUT="$REPORT/history-$label.properties" \
     $MVN -q gatling:test -Dbench.simulation=gov.etax.identity.bench.HistorySimulation \
     -Dbench.results="$REPORT/gatling") > "$REPORT/gatling-history-$label.log" 2>&1 \
     || log "Gatling run $label failed; see $REPORT/gatling-history-$label.log"
  snapshots=$(sql -d "$DB" -c "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier IN ('$short_id', '$long_id')")
  snapshot_bytes=$(sql -d "$DB" -c "SELECT coalesce(max(octet_length(payload)), 0) FROM snapshotevententry WHERE aggregateidentifier = '$long_id'")
  {
    echo "$label.threshold=$threshold"
    echo "$label.short_events_at_start=$short_events"
    echo "$label.long_events_at_start=$long_events"
    echo "$label.snapshot_rows_after=$snapshots"
    echo "$label.snapshot_bytes=$snapshot_bytes"
    sed "s/^/$label./" "$REPORT/history-$label.properties" 2>/dev/null || true
  } >> "$PROPS"
  stop_app
done
rm -rf "$REPORT/jars"
[ "${HISTORY_KEEP_DB:-0}" = 1 ] || sql -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"

# --- rows for the summary table --------------------------------------------------------------
prop() { awk -F= -v k="$1" '$1 == k {print $2}' "$PROPS"; }
ROWS=$REPORT/history-rows.md
judged=
for label in "${labels[@]}"; do [ "$label" != off ] && [ -z "$judged" ] && judged=$label; done
{
  for label in "${labels[@]}"; do
    if [ "$label" = off ]; then what="snapshots off"; else what="snapshot threshold ${label#t}"; fi
    r50=$(prop "$label.ratio_p50"); r95=$(prop "$label.ratio_p95"); r99=$(prop "$label.ratio_p99")
    if [ "$label" = "$judged" ]; then
      target="≤ 1.5× (p50 and p95)"
      met=$(awk -v a="$r50" -v b="$r95" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a") print "n/a"; else if (a <= 1.5 && b <= 1.5) print "yes"; else print "**no**" }')
    else
      target="—"; met="—"
    fi
    echo "| switch latency p50 / p95 / p99, ${LONG}-event history, $what | $(prop "$label.long_p50_ms") / $(prop "$label.long_p95_ms") / $(prop "$label.long_p99_ms") ms ($(prop "$label.long_samples") switches, $(prop "$label.failed") failed; $(prop "$label.warmup_failed") failed in the warm-up) | ${SHORT}-event history: $(prop "$label.short_p50_ms") / $(prop "$label.short_p95_ms") / $(prop "$label.short_p99_ms") ms | ${r50:-n/a}× / ${r95:-n/a}× / ${r99:-n/a}× | $target | $met |"
  done
} > "$ROWS"
log "rows: $ROWS"
cat "$ROWS"
