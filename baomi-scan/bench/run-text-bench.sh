#!/usr/bin/env bash
# Benchmark (a): whole-process time of `baomi-scan --format jsonl` against `rg -F -c -f DICT`
# on 200 MB of CJK text in 2,000 files with a 10,000-term dictionary. Runs are interleaved
# (rg, baomi, rg, baomi, ...) because the machine is shared; medians and their ratio are printed.
# Usage: bench/run-text-bench.sh [CORPUS_DIR] [ROUNDS]   (build the jar first: ./mvnw -q -DskipTests package)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/baomi-scan.jar"
corpus=${1:-/tmp/baomi-bench-text}
rounds=${2:-5}
[ -f "$corpus/dict.txt" ] || python3 "$here/gen_text_corpus.py" "$corpus"
cd "$corpus"
cat files/*/* > /dev/null   # warm the page cache for both tools alike
out=$(mktemp -d)
for i in $(seq "$rounds"); do
  /usr/bin/time -f "%e %M" -o "$out/time-rg.$i" rg -F -c -f dict.txt files > "$out/rg.txt" || true
  /usr/bin/time -f "%e %M" -o "$out/time-bs.$i" java -jar "$jar" --format jsonl --keywords dict.txt files > "$out/bs.txt" || true
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
rg_t=$(tail -qn1 "$out"/time-rg.* | awk '{print $1}' | median)
bs_t=$(tail -qn1 "$out"/time-bs.* | awk '{print $1}' | median)
rg_m=$(tail -qn1 "$out"/time-rg.* | awk '{print $2}' | sort -n | tail -1)
bs_m=$(tail -qn1 "$out"/time-bs.* | awk '{print $2}' | sort -n | tail -1)
cut -d: -f1 "$out/rg.txt" | sort > "$out/rg.files"
python3 - "$out/bs.txt" > "$out/bs.files" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    if any(f["rule"] == "keyword" for f in o["findings"]):
        print(o["path"])
PY
sort -o "$out/bs.files" "$out/bs.files"
same=$(cmp -s "$out/rg.files" "$out/bs.files" && echo yes || echo no)
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB, $(uname -r), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $(find files -type f | wc -l) files, $(du -sm files | cut -f1) MB, dictionary $(wc -l < dict.txt) terms; rounds: $rounds (interleaved)"
echo "ripgrep $(rg --version | sed -n '1s/^ripgrep \([^ ]*\).*/\1/p'): median ${rg_t} s, peak RSS $((rg_m / 1024)) MB, all: $(tail -qn1 "$out"/time-rg.* | awk '{printf "%s ", $1}')"
echo "baomi-scan: median ${bs_t} s, peak RSS $((bs_m / 1024)) MB, all: $(tail -qn1 "$out"/time-bs.* | awk '{printf "%s ", $1}')"
echo "ratio baomi/rg: $(awk -v a="$bs_t" -v b="$rg_t" 'BEGIN{printf "%.2f", a/b}')"
echo "files reported: rg $(wc -l < "$out/rg.files"), baomi-scan $(wc -l < "$out/bs.files"), same set: $same"
rm -rf "$out"
