#!/usr/bin/env bash
# Measures `make run` from the command to both applications healthy, N times (default 3), on ports
# in 21000-21899 and a data directory of its own under target/; prints each run in milliseconds.
# Builds first, so the runs measure a start with nothing changed.
#   scripts/startup-time.sh [runs]     extra settings pass through, e.g. ETAX_JAVA_OPTS=...
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
make -s build

# The data directory is kept between calls: the first start after a build also archives the classes
# (run.sh), later ones measure a start with nothing changed. Remove it to measure a first start.
export ETAX_DATA_DIR=${STARTUP_DATA_DIR:-target/startup-time}
mkdir -p "$ETAX_DATA_DIR"
for run in $(seq 1 "$runs"); do
  export COMMAND_PORT=$((21000 + RANDOM % 400)) QUERY_PORT=$((21500 + RANDOM % 400))
  rm -f "$ETAX_DATA_DIR.out"
  begin=$(date +%s%N)
  setsid make -s run > "$ETAX_DATA_DIR.out" 2>&1 &
  leader=$!
  # run.sh says so as soon as both answer UP on /actuator/health.
  until grep -q "^Both healthy" "$ETAX_DATA_DIR.out" 2>/dev/null; do
    kill -0 "$leader" 2>/dev/null || { echo "make run stopped; see $ETAX_DATA_DIR.out" >&2; exit 1; }
    sleep 0.1
  done
  echo "run $run: $(( ($(date +%s%N) - begin) / 1000000 )) ms"
  kill -TERM -- "-$leader"
  # make exits at once; run.sh and the JVMs (same process group) take a few seconds to stop.
  while kill -0 -- "-$leader" 2>/dev/null; do sleep 0.2; done
done
