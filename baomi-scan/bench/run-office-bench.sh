#!/usr/bin/env bash
# Benchmark (b): files per second of a full baomi-scan inspection against plain Tika
# AutoDetectParser extraction of the same 2,000+ docx/xlsx/pdf files, with 1 and 2 threads.
# Each measurement runs in its own JVM (-Xmx1g) and is timed after WARM untimed passes over the corpus (default 3:
# on 2 cores the JIT compiler threads of a colder run take the second core); runs are interleaved, medians reported.
# Usage: bench/run-office-bench.sh [CORPUS_DIR] [ROUNDS]   (build the jar first: ./mvnw -q -DskipTests package)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/baomi-scan.jar"
corpus=${1:-/tmp/baomi-bench-office}
rounds=${2:-3}
warm=${WARM:-3}   # untimed passes over the whole corpus before the timed one (JIT steady state); "auto": until
                  # the JIT compiler spends under 2 % of a pass compiling (ExtractBench)
timed=${TIMED:-1} # passes timed (after the warm-up); more even out the JIT's bursts
modes=${MODES:-tika scan} # "scan-watched" adds Scanner.scanFile, a watched thread per file (the library's default)
classes=$(mktemp -d)
javac -nowarn -d "$classes" -cp "$jar" "$here"/java/*.java 2>/dev/null
[ -d "$corpus" ] || java -cp "$classes:$jar" GenOfficeCorpus "$corpus" 2100
cat "$corpus"/* > /dev/null
out=$(mktemp -d)
for i in $(seq "$rounds"); do
  for t in 1 2; do
    for m in $modes; do
      /usr/bin/time -f "rss_kb=%M" java -Xmx1g -Dwarm="$warm" -Dtimed="$timed" -cp "$classes:$jar" ExtractBench $m $t "$corpus" >> "$out/$m.$t" 2>&1
    done
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
fps() { grep -o 'files_per_s=[0-9.]*' "$out/$1.$2" | cut -d= -f2 | median; }
rss() { grep -o 'rss_kb=[0-9]*' "$out/$1.$2" | cut -d= -f2 | sort -n | tail -1; }
cpu() { grep -o 'cpu_ms_per_file=[0-9.]*' "$out/$1.$2" | cut -d= -f2 | median; }
passes() { grep -o 'warm_passes=[0-9]*' "$out/$1.$2" | cut -d= -f2 | tr '\n' ' '; }
jitshare() { grep -o 'jit_share=[0-9.]*' "$out/$1.$2" | cut -d= -f2 | median; }
heap() { grep -o 'peak_heap_mb=[0-9]*' "$out/$1.$2" | cut -d= -f2 | sort -n | tail -1; }
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB, load before end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up passes: $warm, timed passes: $timed; corpus: $(ls "$corpus" | wc -l) files ($(ls "$corpus" | grep -c docx) docx, $(ls "$corpus" | grep -c xlsx) xlsx, $(ls "$corpus" | grep -c pdf) pdf), $(du -sm "$corpus" | cut -f1) MB; rounds: $rounds"
for t in 1 2; do
  for m in $modes; do
    echo "$m threads=$t: median $(fps $m $t) files/s, CPU $(cpu $m $t) ms/file, peak heap $(heap $m $t) MB, peak RSS $(( $(rss $m $t) / 1024 )) MB, warm-up passes $(passes $m $t)JIT in timed pass $(jitshare $m $t); runs: $(grep -o 'files_per_s=[0-9.]*' "$out/$m.$t" | cut -d= -f2 | tr '\n' ' ')"
  done
done
echo "scan/tika time ratio 1 thread: $(awk -v a="$(fps tika 1)" -v b="$(fps scan 1)" 'BEGIN{printf "%.2f", a/b}')  2 threads: $(awk -v a="$(fps tika 2)" -v b="$(fps scan 2)" 'BEGIN{printf "%.2f", a/b}')"
echo "scan/tika CPU-per-file ratio 1 thread: $(awk -v a="$(cpu scan 1)" -v b="$(cpu tika 1)" 'BEGIN{printf "%.2f", a/b}')  2 threads: $(awk -v a="$(cpu scan 2)" -v b="$(cpu tika 2)" 'BEGIN{printf "%.2f", a/b}')"
echo "scan speed-up 2 threads / 1 thread: $(awk -v a="$(fps scan 2)" -v b="$(fps scan 1)" 'BEGIN{printf "%.2f", a/b}'); tika: $(awk -v a="$(fps tika 2)" -v b="$(fps tika 1)" 'BEGIN{printf "%.2f", a/b}')"
[[ " $modes " == *" scan-watched "* ]] && echo "scan-watched speed-up 2 threads / 1 thread: $(awk -v a="$(fps scan-watched 2)" -v b="$(fps scan-watched 1)" 'BEGIN{printf "%.2f", a/b}'); scan / scan-watched 2 threads: $(awk -v a="$(fps scan 2)" -v b="$(fps scan-watched 2)" 'BEGIN{printf "%.2f", a/b}')"
grep -h -o 'errors=[0-9]* found=[0-9]*' "$out/scan.1" | head -1 | sed 's/^/scan (1 thread, last run): /'
rm -rf "$out" "$classes"
