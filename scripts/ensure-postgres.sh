#!/usr/bin/env bash
# Makes sure PostgreSQL answers at 127.0.0.1:5432 for user postgres without a password,
# as the integration tests expect. Starts a stopped cluster; on a Debian machine without
# PostgreSQL, installs it when run as root; otherwise says what is missing.
set -euo pipefail

HOST=${TEST_PG_HOST:-127.0.0.1}
PORT=${TEST_PG_PORT:-5432}

answers() {
  (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
}

wait_until_up() {
  for _ in $(seq 1 30); do
    answers && return 0
    sleep 1
  done
  return 1
}

# The suite starts several application nodes per test against one server, more than PostgreSQL's
# default of 100 connections allows; a server started here (as root) is given enough.
enough_connections() {
  local wanted=${TEST_PG_MAX_CONNECTIONS:-400} current version
  command -v psql >/dev/null 2>&1 || return 0
  current=$(psql -h "$HOST" -p "$PORT" -U postgres -tAc 'SHOW max_connections' 2>/dev/null) || return 0
  [ -z "$current" ] || [ "$current" -ge "$wanted" ] && return 0
  if [ "$(id -u)" = "0" ] && [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Raising PostgreSQL's max_connections from $current to $wanted ..."
    psql -h "$HOST" -p "$PORT" -U postgres -qc "ALTER SYSTEM SET max_connections = $wanted"
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main restart
    wait_until_up
  else
    echo "PostgreSQL allows $current connections; the tests need $wanted (ALTER SYSTEM SET max_connections, restart)." >&2
  fi
}

if answers; then
  enough_connections
  exit 0
fi

if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version ..."
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_until_up && enough_connections && exit 0
  echo "PostgreSQL $version did not come up on $HOST:$PORT." >&2
  exit 1
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing PostgreSQL (apt-get install postgresql) ..."
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # Tests connect over TCP as postgres without a password, like on CI's machines.
  sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  wait_until_up && enough_connections && exit 0
  echo "PostgreSQL was installed but does not answer on $HOST:$PORT." >&2
  exit 1
fi

cat >&2 <<MSG
PostgreSQL is not running at $HOST:$PORT and cannot be started from here.
The integration tests need PostgreSQL 15 (or newer) there, user 'postgres', trust authentication.
Install it (Debian: 'sudo apt-get install postgresql'), allow 'host all postgres 127.0.0.1/32 trust'
in pg_hba.conf, start it, and run 'make test' again; or point TEST_PG_HOST/TEST_PG_PORT elsewhere.
MSG
exit 1
