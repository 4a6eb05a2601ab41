#!/usr/bin/env bash
# Two builds of the server compared at the same time, on PostgreSQL, for machines whose speed drifts
# (docs/benchmarks.md, "Single-event appends, third round"):
#   bench/ledger-pair.sh ROUNDS JAR_A JAR_B
# Needs the generated database and work files of `bench/ledger.sh pg` (PGDB, default bench; WORK, default
# /tmp/baomi-bench-pg). Both jars start at once on fresh copies of it (databases <PGDB>_a and <PGDB>_b, dropped first),
# are warmed together for WARM seconds (default 60), then loaded together ROUNDS times for SLICE seconds (default 30)
# by two bench/LedgerLoad.java processes of CLIENTS socket clients each (default 8), lending and taking back copies.
# Each window prints each server's events/s and its CPU per event (server and its own PostgreSQL backends).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1; jars=("$2" "$3")
pgdb=${PGDB:-bench}; work=${WORK:-/tmp/baomi-bench-pg}
pg=(psql -h 127.0.0.1 -U postgres -qAt)
dbs=("${pgdb}_a" "${pgdb}_b"); ports=(18090 18091); dirs=("$work/pair-a" "$work/pair-b"); pids=()
trap '[[ ${#pids[@]} -gt 0 ]] && kill "${pids[@]}" 2>/dev/null || true' EXIT
for i in 0 1; do
  "${pg[@]}" -d postgres -c "drop database if exists ${dbs[$i]}" -c "create database ${dbs[$i]} template $pgdb"
  mkdir -p "${dirs[$i]}"; cp "$work"/{token-city,token-office,token-staff,lend-targets.csv,staff-carriers.txt} "${dirs[$i]}/"
  BAOMI_DB_URL=jdbc:postgresql://127.0.0.1:5432/${dbs[$i]} BAOMI_DB_USER=postgres BAOMI_DB_PASSWORD= \
  BAOMI_SM4_KEY=00112233445566778899aabbccddeeff BAOMI_DATA_DIR=${dirs[$i]} BAOMI_PORT=${ports[$i]} \
    java -Xmx2g ${SERVER_OPTS:-} -jar "${jars[$i]}" >"${dirs[$i]}/server.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do
  until curl -fs "http://127.0.0.1:${ports[$i]}/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "${pids[$i]}" 2>/dev/null || { tail -30 "${dirs[$i]}/server.log"; exit 1; }; sleep 0.5
  done
done
load() { # server index, seconds: one window, its two result lines joined
  java -Xmx1g -Dwarm=0 -Dclient=socket -Dcpu="bench/ledger-cpu.sh ${pids[$1]} ${dbs[$1]}" bench/LedgerLoad.java \
    "http://127.0.0.1:${ports[$1]}" "${dirs[$1]}" 200000 0 "$2" "${CLIENTS:-8}" 2>&1 \
    | grep -A1 "^append [0-9]" | tr '\n' ' ' | sed 's/  */ /g'
}
both() { # seconds: both servers loaded at once
  load 0 "$1" >"$work/pair-a.out" & local a=$!
  load 1 "$1" >"$work/pair-b.out"; wait "$a"
}
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), A ${jars[0]}, B ${jars[1]}, warming"
both "${WARM:-60}"
for r in $(seq 1 "$rounds"); do
  both "${SLICE:-30}"
  echo "A $r $(cat "$work/pair-a.out")"; echo "B $r $(cat "$work/pair-b.out")"
done
