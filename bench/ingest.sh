#!/usr/bin/env bash
# chronicle — ingest throughput: a generated corpus (>= 100 MB by default) is
# ingested into a fresh database on one core; prints articles/s, MB/s and peak
# RSS, and `wc -w` over the same bytes as a reading-speed yardstick.
# usage: bench/ingest.sh [MB] [BIN]
set -euo pipefail
MB=${1:-100}
BIN=${2:-build/chronicle}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
python3 bench/gen_corpus.py --mb "$MB" --out "$W/corpus.jsonl"
bytes=$(stat -c %s "$W/corpus.jsonl")
arts=$(wc -l < "$W/corpus.jsonl")
t0=$(date +%s.%N)
wc -w "$W/corpus.jsonl" >/dev/null
t1=$(date +%s.%N)
/usr/bin/time -f "%e %U %S %M" -o "$W/time" taskset -c 0 "$BIN" --quiet --db "$W/b.db" ingest "$W/corpus.jsonl"
read -r secs usr sys rss < "$W/time"
python3 - "$bytes" "$arts" "$secs" "$rss" "$t0" "$t1" "$usr" "$sys" <<'PY'
import sys
b, n, wall, rss, t0, t1 = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
cpu = float(sys.argv[7]) + float(sys.argv[8])
print("ingest (parse, clean, split, dates, entities, store), pinned to one core:")
print("  %d articles, %.1f MB; wall %.2f s, CPU %.2f s" % (n, b/1e6, wall, cpu))
print("  per core (CPU time): %.0f articles/s, %.1f MB/s; wall: %.0f articles/s, %.1f MB/s; peak RSS %.0f MB" % (n/cpu, b/1e6/cpu, n/wall, b/1e6/wall, rss/1024))
print("  peer: wc -w over the same file: %.0f MB/s" % (b/1e6/(t1-t0)))
PY
