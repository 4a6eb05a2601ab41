#!/usr/bin/env bash
# User + system CPU time, in ms, of the server JVM and, with a database name, of that PostgreSQL database's
# backends: bench/ledger-cpu.sh SERVER_PID [PGDB] prints "SERVER_MS DATABASE_MS". Used by ledger.sh and, around each
# timed run, LedgerLoad.java.
ms() { # CPU ms of the given processes
  local total=0 p
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}
backends=
if [[ -n ${2:-} ]]; then
  backends=$(psql -h 127.0.0.1 -U postgres -Atc "select string_agg(pid::text, ' ') from pg_stat_activity
                                               where datname = '$2' and pid <> pg_backend_pid()" "$2")
fi
echo "$(ms "$1") $(ms $backends)"
