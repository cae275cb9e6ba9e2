#!/usr/bin/env bash
# Starts the command side and the query side together in the dev profile (simulated SMS, face scans
# and staff tokens under /api/dev). Both share one database: an H2 file under the data directory
# unless DB_URL is set. The query side waits for the command side's event store schema by itself.
# Ctrl-C or SIGTERM stops both.
#
#   COMMAND_PORT (8080), QUERY_PORT (8081)   where each side listens
#   DB_URL, DB_USER, DB_PASSWORD             the shared database (default: H2 file <data dir>/etax)
#   ETAX_DATA_DIR (./data)                   H2 file, logs and class-data archives
#   ETAX_SESSION_JWKS_URI                    the command side's keys (default: on COMMAND_PORT)
#   ETAX_JAVA_OPTS                           extra JVM options for both
#   ETAX_CDS (true)                          class-data sharing, see launchable()
#   ETAX_START_TIMEOUT (600)                 seconds to wait for both to be healthy
set -euo pipefail
cd "$(dirname "$0")/.."

COMMAND_PORT=${COMMAND_PORT:-8080}
QUERY_PORT=${QUERY_PORT:-8081}
DATA_DIR=${ETAX_DATA_DIR:-data}
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)

export DB_URL=${DB_URL:-"jdbc:h2:file:$DATA_DIR/etax;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE"}
# Both JVMs open the embedded H2 file at the same moment. With AUTO_SERVER the one that loses the race
# must connect through the other's server, which is up a moment later ("Database may be already in
# use" until then): the pool keeps trying for 30 s instead of failing the start.
case $DB_URL in
  jdbc:h2:*) export SPRING_DATASOURCE_HIKARI_INITIALIZATIONFAILTIMEOUT=${SPRING_DATASOURCE_HIKARI_INITIALIZATIONFAILTIMEOUT:-30000} ;;
esac
export ETAX_SESSION_JWKS_URI=${ETAX_SESSION_JWKS_URI:-"http://127.0.0.1:$COMMAND_PORT/.well-known/jwks.json"}
# The dev profile is chosen here, not by the applications: a jar started without a profile follows
# production rules.
export SPRING_PROFILES_ACTIVE=dev
export AXONIQ_UPDATE_CHECKER_DISABLED=true
# Development: simulators and generated keys (data/dev-keys); without a profile the jars apply production rules.
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-dev}

jar() {
  local found
  found=$(ls "$1"/target/"$1"-*-exec.jar 2>/dev/null | head -n 1)
  if [ -z "$found" ]; then
    echo "$1/target/$1-*-exec.jar is missing: run 'make run' (or 'mvn -DskipTests package')" >&2
    exit 1
  fi
  echo "$found"
}
COMMAND_JAR=$(jar command-side)
QUERY_JAR=$(jar query-side)

pids=()
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # Graceful shutdown first; whatever is still there after 20 s is killed.
  for _ in $(seq 1 40); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

# Plain bash instead of curl: a fresh machine may have nothing but a JDK and Maven.
healthy() {
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  grep -q '"status":"UP"' <&3
  local up=$?
  exec 3<&-
  return $up
}

# Class-data sharing (JDK 17): each application's classes are archived once per build by a training
# start that stops right after its context is up (spring.context.exit=onRefresh) on a database of its
# own; later starts map the archive instead of loading and verifying ~20,000 classes (about 40 % less
# CPU, docs/performance.md "Start-up"). It needs plain jars on the class path, so each exec jar is
# extracted next to its archive. ETAX_CDS=false starts the exec jars as they are.
CDS_DIR="$DATA_DIR/cds"
prepare() {
  local name=$1 jar=$2 dir="$CDS_DIR/$1"
  if [ ! -f "$dir/$name.jar" ] || [ "$jar" -nt "$dir/$name.jar" ]; then
    rm -rf "$dir" "$CDS_DIR/$name.jsa"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
    mv "$dir/$(basename "$jar")" "$dir/$name.jar"
  fi
  if [ ! -f "$CDS_DIR/$name.jsa" ]; then
    DB_URL="jdbc:h2:file:$CDS_DIR/training/etax;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE" \
      DB_USER=sa DB_PASSWORD= PORT=0 SPRING_DATASOURCE_HIKARI_INITIALIZATIONFAILTIMEOUT=30000 \
      java -XX:ArchiveClassesAtExit="$CDS_DIR/$name.jsa" -Xlog:cds=off \
      -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh -jar "$dir/$name.jar" > "$CDS_DIR/$name-training.log" 2>&1 \
      || rm -f "$CDS_DIR/$name.jsa"
  fi
}

launch() {
  local name=$1 jar=$2
  if [ "${ETAX_CDS:-true}" = true ] && [ -f "$CDS_DIR/$name/$name.jar" ]; then
    if [ -f "$CDS_DIR/$name.jsa" ]; then
      echo "-XX:SharedArchiveFile=$CDS_DIR/$name.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar $CDS_DIR/$name/$name.jar"
    else
      echo "-jar $CDS_DIR/$name/$name.jar"
    fi
  else
    echo "-jar $jar"
  fi
}

start() {
  local name=$1 port=$2 jar=$3
  local options
  options=$(launch "$name" "$jar")
  # shellcheck disable=SC2086
  PORT=$port java ${ETAX_JAVA_OPTS:-} $options > "$DATA_DIR/$name.log" 2>&1 &
  pids+=($!)
}

if [ "${ETAX_CDS:-true}" = true ] && { [ ! -f "$CDS_DIR/command-side.jsa" ] || [ ! -f "$CDS_DIR/query-side.jsa" ] \
    || [ "$COMMAND_JAR" -nt "$CDS_DIR/command-side/command-side.jar" ] || [ "$QUERY_JAR" -nt "$CDS_DIR/query-side/query-side.jar" ]; }; then
  echo "New build: archiving its classes for faster starts (once; ETAX_CDS=false skips it) ..."
  rm -rf "$CDS_DIR/training"
  mkdir -p "$CDS_DIR"
  prepare command-side "$COMMAND_JAR" &
  pids=($!)
  prepare query-side "$QUERY_JAR" &
  pids+=($!)
  wait "${pids[@]}" || true
  pids=()
fi

started=$(date +%s%N)
start command-side "$COMMAND_PORT" "$COMMAND_JAR"
start query-side "$QUERY_PORT" "$QUERY_JAR"

names=(command-side query-side)
ports=("$COMMAND_PORT" "$QUERY_PORT")
up=(0 0)
# Generous: on a busy machine two Spring applications may take minutes.
deadline=$(( $(date +%s) + ${ETAX_START_TIMEOUT:-600} ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  for i in 0 1; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "${names[$i]} stopped; see $DATA_DIR/${names[$i]}.log" >&2
      tail -n 20 "$DATA_DIR/${names[$i]}.log" >&2 || true
      exit 1
    fi
    if [ "${up[$i]}" = 0 ] && healthy "${ports[$i]}"; then
      up[$i]=1
    fi
  done
  [ "${up[0]}${up[1]}" = 11 ] && break
  sleep 0.2
done
if [ "${up[0]}${up[1]}" != 11 ]; then
  echo "not healthy after ${ETAX_START_TIMEOUT:-600} s; see $DATA_DIR/command-side.log and $DATA_DIR/query-side.log" >&2
  exit 1
fi

cat <<MSG
Both healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms (dev profile: simulators under /api/dev).
Command side: http://localhost:$COMMAND_PORT   (POST /api/persons/registrations, dev simulators under /api/dev)
Query side:   http://localhost:$QUERY_PORT   (GET /api/me/account)
Database:     $DB_URL
Logs:         $DATA_DIR/command-side.log, $DATA_DIR/query-side.log
Press Ctrl-C to stop both.
MSG
# Whichever stops first (or a signal) ends the script, and the trap stops the other.
wait -n "${pids[@]}" || true
