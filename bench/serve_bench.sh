#!/usr/bin/env bash
# chronicle — make bench-serve: load on `chronicle serve` while ingest runs.
# Builds a database from Reuters-21578 (../shared, via tools/reuters2jsonl.py;
# else a generated corpus, bench/gen_corpus.py), starts the server, keeps
# `chronicle ingest` adding 200-article batches to the same database, and runs
# wrk for DURATION s at CONNS connections against /api/stories, then against
# the page data of a story (/api/stories/ID: the largest story of at most
# STORY_MAX articles, built once before the run as a page read many times
# is). Prints requests/s, p50/p99 latency, errors (must be 0), the server's
# peak RSS, and how many articles the concurrent ingest stored; writes
# build/bench-serve.json.
# usage: bench/serve_bench.sh [BIN] ; env: DURATION (30), CONNS (64), THREADS
#        (server threads, 4), WRK_THREADS (2), STORY_MAX (200), BASE_MB (20,
#        generated corpus only), CHR_SHARED (../shared), BENCH_DB (start from a copy
#        of this database instead of ingesting the base corpus)
set -euo pipefail
BIN=${1:-build/chronicle}
BASE_MB=${BASE_MB:-20}
DURATION=${DURATION:-30}
CONNS=${CONNS:-64}
THREADS=${THREADS:-4}
WRK_THREADS=${WRK_THREADS:-2}
STORY_MAX=${STORY_MAX:-200}
REUTERS="${CHR_SHARED:-../shared}/bench/corpus-reuters21578"
PY=$(command -v /usr/bin/python3 || command -v python3)
command -v wrk >/dev/null || { echo "bench-serve: wrk not installed (apt-get install wrk)"; exit 1; }
W=$(mktemp -d)
SPID=""
FEED=""
cleanup() {
    [ -n "$FEED" ] && kill "$FEED" 2>/dev/null || true
    [ -n "$SPID" ] && kill "$SPID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$W"
}
trap cleanup EXIT
# A private copy: a rebuild of build/ during the run must not change the binary.
cp "$BIN" "$W/chronicle"
BIN="$W/chronicle"
sql() { "$PY" -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print("" if r is None or r[0] is None else r[0])' "$W/s.db" "$1"; }

if [ -d "$REUTERS" ]; then
    corpus="Reuters-21578"
    "$PY" tools/reuters2jsonl.py "$REUTERS" > "$W/all.jsonl"
    n=$(wc -l < "$W/all.jsonl")
    head -n $((n - 4000)) "$W/all.jsonl" > "$W/base.jsonl"
    tail -n 4000 "$W/all.jsonl" > "$W/feed.jsonl"
else
    corpus="generated ($BASE_MB MB, bench/gen_corpus.py)"
    "$PY" bench/gen_corpus.py --mb "$BASE_MB" --out "$W/base.jsonl" --seed 1
    "$PY" bench/gen_corpus.py --mb 8 --out "$W/feed.jsonl" --seed 2
fi
mkdir -p "$W/feed"
split -l 200 -d -a 4 "$W/feed.jsonl" "$W/feed/batch-"
echo "bench-serve: $corpus: ingesting $(wc -l < "$W/base.jsonl") articles, $(ls "$W/feed" | wc -l) feed batches of 200 kept for the run"
t0=$(date +%s.%N)
if [ -n "${BENCH_DB:-}" ]; then
    cp "$BENCH_DB" "$W/s.db" # a database built before (its articles are the base)
else
    "$BIN" --quiet --db "$W/s.db" ingest "$W/base.jsonl"
fi
t1=$(date +%s.%N)
base_articles=$(sql 'SELECT count(*) FROM articles')
stories=$(sql 'SELECT count(*) FROM story WHERE size > 0' 2>/dev/null || echo 0)
story=$(sql "SELECT id FROM story WHERE size <= $STORY_MAX ORDER BY size DESC, id LIMIT 1" 2>/dev/null || true)
story_size=$(sql "SELECT size FROM story WHERE id = ${story:-0}" 2>/dev/null || true)
echo "bench-serve: $base_articles articles, $stories stories (ingest $(awk "BEGIN {printf \"%.1f\", $t1 - $t0}") s); story page: story $story ($story_size articles)"
if [ -z "$story" ]; then
    echo "bench-serve: no story in the database (is clustering part of ingest?)" >&2
    exit 1
fi

"$BIN" --db "$W/s.db" serve --listen 127.0.0.1:0 --threads "$THREADS" 2>"$W/serve.log" &
SPID=$!
BASE=""
for _ in $(seq 1 100); do
    BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$W/serve.log" | head -n 1 || true)
    [ -n "$BASE" ] && break
    sleep 0.1
done
[ -n "$BASE" ] || { cat "$W/serve.log"; exit 1; }

# Warm-up: the story's timeline and summary are built once, in the
# background, as for any page that is read more than once.
for _ in $(seq 1 600); do
    curl -s "$BASE/api/stories/$story" | grep -q '"pending":false' && break
    sleep 0.5
done

# The feed: one batch of 200 articles per ingest run, back to back, until
# the load is over (a live source writing while readers read).
touch "$W/feeding"
(
    for f in "$W"/feed/batch-*; do
        [ -f "$W/feeding" ] || break
        rc=0
        "$BIN" --quiet --db "$W/s.db" ingest "$f" >/dev/null 2>>"$W/feed.err" || rc=$?
        # 1 = some records reported (bad input), 3 = the database failed
        if [ "$rc" -ge 2 ]; then echo "$f: exit $rc" >>"$W/feed.fail"; fi
    done
) &
FEED=$!

run() { # name path
    echo "bench-serve: wrk -t$WRK_THREADS -c$CONNS -d${DURATION}s $2" >&2
    wrk -t"$WRK_THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s -s bench/serve_wrk.lua "$BASE" -- "$2" \
        | grep '^{' | tail -n 1
}
list_json=$(run list "/api/stories?limit=20")
story_json=$(run story "/api/stories/$story")
rm -f "$W/feeding"
wait "$FEED" || true
FEED=""
after=$(sql 'SELECT count(*) FROM articles')
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$SPID/status")
curl -s "$BASE/metrics" > "$W/metrics.txt"
kill "$SPID"
wait "$SPID" || true
SPID=""
feed_errors=0
if [ -f "$W/feed.fail" ]; then feed_errors=$(wc -l < "$W/feed.fail"); fi
if [ "$feed_errors" -gt 0 ]; then cat "$W/feed.fail" "$W/feed.err" >&2; fi

mkdir -p build
"$PY" - "$list_json" "$story_json" "$rss_kb" "$base_articles" "$after" "$stories" "$story" \
    "$DURATION" "$CONNS" "$THREADS" "$feed_errors" "$W/metrics.txt" "$corpus" "$story_size" <<'PY'
import json, sys
lst, sto = json.loads(sys.argv[1]), json.loads(sys.argv[2])
corpus, story_size = sys.argv[13], int(sys.argv[14])
rss, base, after, stories, story = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
dur, conns, threads, feed_err = sys.argv[8], sys.argv[9], sys.argv[10], int(sys.argv[11])
m5 = sum(int(l.rsplit(" ", 1)[1]) for l in open(sys.argv[12])
         if l.startswith("chronicle_http_requests_total") and 'status="5' in l)
out = {"corpus": corpus, "list": lst, "story": sto, "story_id": int(story), "story_size": story_size,
       "peak_rss_mb": round(rss / 1024, 1),
       "articles_before": base, "articles_after": after, "stories_before": stories,
       "ingested_during_load": after - base, "feed_errors": feed_err, "server_5xx": m5,
       "duration_s": int(dur), "connections": int(conns), "server_threads": int(threads)}
json.dump(out, open("build/bench-serve.json", "w"), indent=1)
def errs(r): return sum(r["errors"].values())
print("bench-serve: %s; %s s per endpoint, %s connections, %s server threads, ingest running"
      % (corpus, dur, conns, threads))
for name, r in (("GET /api/stories?limit=20", lst), ("GET /api/stories/%s" % story, sto)):
    print("  %-28s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  max %7.1f ms  errors %d" %
          (name, r["rps"], r["p50_ms"], r["p99_ms"], r["max_ms"], errs(r)))
print("  (story %s has %d articles)" % (story, story_size))
print("  server peak RSS %.1f MB; concurrent ingest stored %d articles (%d -> %d), %d failed batches; 5xx %d"
      % (rss / 1024, after - base, base, after, feed_err, m5))
ok = errs(lst) == 0 and errs(sto) == 0 and m5 == 0 and feed_err == 0 and after > base
print("  result: %s (written to build/bench-serve.json)" % ("OK, no errors" if ok else "ERRORS"))
sys.exit(0 if ok else 1)
PY
