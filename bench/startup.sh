#!/usr/bin/env bash
# Start-up time of baomi-server to ready on H2, whole process, against a reference measured in the same run.
#   bench/startup.sh [runs]      (build first: ./mvnw -q -DskipTests package)
# Ready = /actuator/health answers UP. "first start" is an empty data directory (Flyway migrations and the
# creation of the three administrators included); "restart" reuses the data directory of the first start.
# Reference: the same JVM starting and exiting (java -version), to read the figures as ratios on noisy machines.
# BAOMI_ARGS: application arguments. COMPARE: JVM options of a second configuration, started right after the
# default one in every run (e.g. COMPARE=-Dbaomi.preload-classes=false); its ratios to the default are per run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=baomi-server/target/baomi-server.jar
port=18080
now() { date +%s%N; }

ready_ms() { # $1 = data dir, $2 = JVM options
  local start pid
  start=$(now)
  # shellcheck disable=SC2086
  (cd "$1" && exec java $2 -jar "$OLDPWD/$jar" --server.port=$port ${BAOMI_ARGS:-} >/dev/null 2>&1) &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do sleep 0.05; done
  echo $(( ($(now) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

ref_ms() { local start; start=$(now); java -version >/dev/null 2>&1; echo $(( ($(now) - start) / 1000000 )); }

first=(); again=(); ref=(); cfirst=(); cagain=(); rfirst=(); ragain=()
for i in $(seq 1 "$runs"); do
  ref+=("$(ref_ms)")
  dir=$(mktemp -d)
  first+=("$(ready_ms "$dir" "")")
  again+=("$(ready_ms "$dir" "")")
  rm -rf "$dir"
  if [ -n "${COMPARE:-}" ]; then
    dir=$(mktemp -d)
    cfirst+=("$(ready_ms "$dir" "$COMPARE")")
    cagain+=("$(ready_ms "$dir" "$COMPARE")")
    rm -rf "$dir"
    rfirst+=("$(awk "BEGIN {printf \"%.2f\", ${cfirst[-1]}/${first[-1]}}")")
    ragain+=("$(awk "BEGIN {printf \"%.2f\", ${cagain[-1]}/${again[-1]}}")")
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mf=$(median "${first[@]}"); ma=$(median "${again[@]}"); mr=$(median "${ref[@]}")
echo "date: $(date -u +%Y-%m-%d), machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "runs: $runs"
echo "reference (java -version): median ${mr} ms  [${ref[*]}]"
echo "first start to ready:      median ${mf} ms  [${first[*]}]  = $(awk "BEGIN {printf \"%.1f\", $mf/$mr}")x reference"
echo "restart to ready:          median ${ma} ms  [${again[*]}]  = $(awk "BEGIN {printf \"%.1f\", $ma/$mr}")x reference"
if [ -n "${COMPARE:-}" ]; then
  echo "with $COMPARE:"
  echo "  first start to ready:    median $(median "${cfirst[@]}") ms  [${cfirst[*]}]"
  echo "  restart to ready:        median $(median "${cagain[@]}") ms  [${cagain[*]}]"
  echo "  per run, compared/default: first start median $(median "${rfirst[@]}") [${rfirst[*]}], restart median $(median "${ragain[@]}") [${ragain[*]}]"
fi
