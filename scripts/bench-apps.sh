# Sourced by the benchmark scripts that start their own applications on a database of their own:
# the started PIDs in `pids`, stopping them, dropping the database on exit (unless
# REPLAY_KEEP_DB=1) and waiting for liveness. Expects psql_admin, DB, REPORT and APP_LOG_PREFIX
# (the application logs are $REPORT/$APP_LOG_PREFIX-<name>.log). Also the clock: now, seconds_since.
pids=()
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
stop_apps() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
cleanup() {
  stop_apps
  if [ "${REPLAY_KEEP_DB:-0}" != 1 ]; then psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true; fi
}
trap cleanup EXIT INT TERM

wait_healthy() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped; see $REPORT/$APP_LOG_PREFIX-$name.log" >&2; exit 1; }
    # The answer must come from this process: another application on the port would be measured instead.
    if curl -sf "http://127.0.0.1:$port/actuator/health/liveness" | grep -q '"status":"UP"'; then
      ss -Hltnp "sport = :$port" | grep -q "pid=$pid," && return 0
      echo "port $port is held by another process, not $name; choose other ports (see the script's knobs)" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "$name did not become healthy; see $REPORT/$APP_LOG_PREFIX-$name.log" >&2
  exit 1
}
