#!/usr/bin/env bash
# Starts the command side, waits until it is healthy (it owns the event store's schema),
# then the query side. Both share one database: an H2 file under ./data unless DB_URL is set.
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p data

COMMAND_PORT=${COMMAND_PORT:-8080}
QUERY_PORT=${QUERY_PORT:-8081}
export AXONIQ_UPDATE_CHECKER_DISABLED=true
# Development: simulators and generated keys (data/dev-keys); without a profile the jars apply production rules.
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-dev}

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

# Plain bash instead of curl: a fresh machine may have nothing but a JDK and Maven.
healthy() {
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  grep -q '"status":"UP"' <&3
  local up=$?
  exec 3<&-
  return $up
}

wait_healthy() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name stopped; see data/$name.log" >&2
      exit 1
    fi
    if healthy "$port"; then
      return 0
    fi
    sleep 1
  done
  echo "$name did not become healthy; see data/$name.log" >&2
  exit 1
}

PORT=$COMMAND_PORT java -jar command-side/target/command-side-*-exec.jar > data/command-side.log 2>&1 &
pids+=($!)
wait_healthy command-side "$COMMAND_PORT" "${pids[0]}"

PORT=$QUERY_PORT java -jar query-side/target/query-side-*-exec.jar > data/query-side.log 2>&1 &
pids+=($!)
wait_healthy query-side "$QUERY_PORT" "${pids[1]}"

cat <<MSG
Command side: http://localhost:$COMMAND_PORT   (POST /api/persons/registrations, dev simulators under /api/dev)
Query side:   http://localhost:$QUERY_PORT   (GET /api/persons/{personId}/account)
Database:     ${DB_URL:-H2 file ./data/etax}
Logs:         data/command-side.log, data/query-side.log
Press Ctrl-C to stop both.
MSG
wait
