#!/usr/bin/env bash
# The carrier ledger under load, whole process, on PostgreSQL or H2 (docs/benchmarks.md):
#   bench/ledger.sh pg [copies] [events-per-copy]    default 1,000,000 copies, 10 events each (PostgreSQL database `bench`)
#   bench/ledger.sh h2 [copies] [events-per-copy]    default   100,000 copies, 10 events each (H2 file in $WORK)
# Build first: ./mvnw -q -DskipTests package. Needs psql (pg), openssl (SM3) and curl.
# Steps: a fresh database; the server started once so that Flyway creates the schema; bench/ledger-data.sql
# generates units, persons, carriers, copies, events and three accounts with API tokens; the server is started
# again and bench/LedgerLoad.java measures it over HTTP from a second process.
# Environment: KEEP=1 reuses the generated data of the previous run (migrations added since are applied by the
# server start); REQUESTS (default 300) timed requests per latency scenario; APPEND_SECONDS (default 20) and
# CLIENTS (default "4 16") for the appends; PGDB (default bench) the PostgreSQL database; WORK (default /tmp/baomi-bench-<db>) for tokens, targets and logs.
# Steady state: WARM_SECONDS=n first appends for n s with the largest number of clients (not counted), then times each
# run and its CPU alone (server, its PostgreSQL backends, the load client, the whole machine); without it the appends
# run as before (a short warm-up, CPU per event including it), so that older figures stay comparable.
# JAR (default the built one) runs another copy of the server, so that a build meanwhile cannot disturb it;
# SERVER_OPTS adds JVM options to the server (a flight recording, say). HTTP_CLIENT=socket appends through a minimal
# HTTP/1.1 client instead of the JDK's HttpClient, which costs the shared 2 cores about 1 ms of CPU per request.
# BATCH=n appends n events a request through POST /api/carriers/events instead of one (lend n copies, take them back).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?pg or h2}
if [[ $db == pg ]]; then copies=${2:-1000000}; else copies=${2:-100000}; fi
events=${3:-10}
pgdb=${PGDB:-bench}
work=${WORK:-/tmp/baomi-bench-$db}
port=${PORT:-18090}
jar=${JAR:-baomi-server/target/baomi-server.jar}
h2jar=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)
pg=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
mkdir -p "$work"

if [[ $db == pg ]]; then
  export BAOMI_DB_URL=jdbc:postgresql://127.0.0.1:5432/$pgdb BAOMI_DB_USER=postgres BAOMI_DB_PASSWORD=
else
  export BAOMI_DB_URL="jdbc:h2:file:$work/baomi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
  export BAOMI_DB_USER=sa BAOMI_DB_PASSWORD=
fi
export BAOMI_SM4_KEY=00112233445566778899aabbccddeeff BAOMI_DATA_DIR=$work BAOMI_PORT=$port

server_pid=
start_server() {
  java -Xmx2g ${SERVER_OPTS:-} -jar "$jar" >"$work/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP && return 0
    kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/server-$1.log"; exit 1; }
    sleep 0.5
  done
  echo "server did not get ready"; exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
trap '[[ -n $server_pid ]] && kill $server_pid 2>/dev/null || true' EXIT
sql() { # run SQL from stdin on the bench database
  if [[ $db == pg ]]; then "${pg[@]}" -d "$pgdb"; else
    local f; f=$(mktemp --suffix=.sql); cat >"$f"
    java -Xmx4g -cp "$h2jar" org.h2.tools.RunScript -url "$BAOMI_DB_URL" -user sa -script "$f"; rm -f "$f"; fi
}
query() { # $1 = select, rows as CSV on stdout
  if [[ $db == pg ]]; then "${pg[@]}" -d "$pgdb" -At -F, -c "$1"; else
    local f; f=$(mktemp --suffix=.csv); rm -f "$f"
    java -cp "$h2jar" org.h2.tools.Shell -url "$BAOMI_DB_URL" -user sa \
      -sql "call csvwrite('$f', '$(sed "s/'/''/g" <<<"$1")', 'writeColumnHeader=false')" >/dev/null
    tr -d '"' <"$f"; rm -f "$f"; fi
}
now() { date +%s.%N; }

if [[ ${KEEP:-0} != 1 ]]; then
  echo "== fresh $db database, schema by Flyway"
  if [[ $db == pg ]]; then "${pg[@]}" -d postgres -c "drop database if exists $pgdb" -c "create database $pgdb"
  else rm -f "$work"/baomi.*.db; fi
  start_server migrate; stop_server
  for who in city office staff; do
    echo "bm_bench_$(openssl rand -base64 30 | tr '+/' '-_' | tr -d '=\n')" >"$work/token-$who"
  done
  sm3() { printf '%s' "$(cat "$work/token-$1")" | openssl dgst -sm3 | awk '{print $NF}'; }
  echo "== generating $copies copies, $((copies * events)) events"
  t0=$(now)
  {
    if [[ $db == pg ]]; then echo "set session_replication_role = replica;"; else echo "set referential_integrity false;"; fi
    sed -e "s/@COPIES@/$copies/g" -e "s/@EVENTS@/$events/g" -e "s/@HASH_CITY@/$(sm3 city)/" \
        -e "s/@HASH_OFFICE@/$(sm3 office)/" -e "s/@HASH_STAFF@/$(sm3 staff)/" bench/ledger-data.sql
    for t in units:51 departments:501 positions:401 persons:20001 safes:501 carriers:$((copies / 5 + 1)) \
             carrier_copies:$((copies + 1)) copy_events:$((copies * events + 1)); do
      echo "alter table ${t%%:*} alter column id restart with ${t##*:};"
    done
    if [[ $db == pg ]]; then echo "set session_replication_role = origin; vacuum analyze;"; else echo "set referential_integrity true; analyze;"; fi
  } | sql
  echo "generated in $(awk "BEGIN {printf \"%.0f\", $(now) - $t0}") s"
  # copies the city office lends and takes back: live 秘密 copies scoped to their whole unit, borrower a cleared,
  # active person of that unit (so every access rule passes); spread over the units
  query "select c.id, cp.id, p.id from carrier_copies cp join carriers c on c.id = cp.carrier_id
         join persons p on p.id = (cp.unit_id - 1) * 400 + 1 + mod(cp.id * 7 + 101, 400)
         where cp.status = 'LIVE' and c.secret_level = 'CONFIDENTIAL' and mod(c.id / 3, 5) = 0
           and p.clearance <> 'NONE' and p.active order by mod(cp.id * 7919, 1000003) limit 4000" >"$work/lend-targets.csv"
  # carriers the staff member may see through the scope (their unit, department, position or themselves)
  query "select distinct s.carrier_id from carrier_scope s join carriers c on c.id = s.carrier_id
         where c.secret_level <> 'TOP_SECRET' and ((s.kind = 'UNIT' and s.ref_id = 2) or (s.kind = 'DEPARTMENT' and s.ref_id = 12)
           or (s.kind = 'POSITION' and s.ref_id = 10) or (s.kind = 'PERSON' and s.ref_id = 401))" >"$work/staff-carriers.txt"
fi
# a run stopped between a lend and its return leaves a target copy lent: take it back (all generated as live)
echo "update carrier_copies set status = 'LIVE', borrower_id = null, due_date = null
      where status = 'LENT' and mod(id, 50) >= 9;" | sql
echo "lend targets: $(wc -l <"$work/lend-targets.csv"), carriers the staff member sees by scope: $(wc -l <"$work/staff-carriers.txt")"

start_server measure
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $db, $copies copies, $((copies * events)) generated events"
echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(free -g | awk '/Mem:/ {print $2}') GiB," \
  "$(java -version 2>&1 | head -1)$([[ $db == pg ]] && echo ", $("${pg[@]}" -d "$pgdb" -Atc 'show server_version')")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_ms() { bench/ledger-cpu.sh "$server_pid" $([[ $db == pg ]] && echo "$pgdb") | awk '{print $1 + $2}'; }
load() { java -Xmx1g -Dwarm="${WARM_SECONDS:-0}" -Dclient="${HTTP_CLIENT:-jdk}" -Dbatch="${BATCH:-1}" -Dcpu="bench/ledger-cpu.sh $server_pid $([[ $db == pg ]] && echo "$pgdb")" \
  bench/LedgerLoad.java "http://127.0.0.1:$port" "$work" $((copies / 5)) "$@"; }
load "${REQUESTS:-300}" 0
# appends, one run per number of clients, with the CPU time the server and its database connections used
if [[ ${WARM_SECONDS:-0} -gt 0 ]]; then # steady state: one warm-up, then each run timed with its own CPU
  load 0 "${APPEND_SECONDS:-20}" ${CLIENTS:-4 16}
else
  for clients in ${CLIENTS:-4 16}; do
    before=$(cpu_ms)
    load 0 "${APPEND_SECONDS:-20}" "$clients" | tee "$work/append.out"
    after=$(cpu_ms)
    # the CPU covers the warm-up appends too (LedgerLoad runs one before the measured run): divide by all events
    n=$(sed -n 's/.*: \([0-9]*\) events .*/\1/p' "$work/append.out" | awk '{s += $1} END {print s + 0}')
    echo "  CPU used by the server$([[ $db == pg ]] && echo " and its PostgreSQL connections"): $((after - before)) ms" \
      "for $n events (warm-up included) = $(awk "BEGIN {printf \"%.1f\", $n ? ($after - $before) / $n : 0}") ms per event"
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_server
