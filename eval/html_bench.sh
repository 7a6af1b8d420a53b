#!/bin/sh
# chronicle — make bench-html: HTML parse+extract MB/s per core, WARC read
# speed against zcat of the same file, peak RSS. Needs build/html_extract and
# build/warc_read. Args: BENCH_DIR (article-extraction folder) [WARC file].
set -u
DIR=${1:-../shared/bench/article-extraction}
WARC=${2:-}
if [ ! -d "$DIR/html" ]; then
    echo "skip: no $DIR/html"
    exit 0
fi
OUT=build/bench
mkdir -p "$OUT"
echo "== HTML: parse + extraction, in process (pages decompressed beforehand), 5 passes;"
echo "   three runs (CPU time; other jobs on the machine slow a core down, the best run is the figure)"
for i in 1 2 3; do build/html_extract --bench 5 "$DIR"/html/*.html.gz; done
# CPU seconds (user + system, children included) of the best of 3 runs:
# robust when other jobs share the cores, unlike wall time.
secs() { # command... -> seconds
    best=""
    for i in 1 2 3; do
        t=$(/usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{print $1 + $2}')
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}
rate() { echo "scale=1; $1 / 1000000 / $2" | bc; }
if [ -z "$WARC" ]; then
    WARC=$OUT/pages.warc.gz
    [ -f "$WARC" ] || /usr/bin/python3 eval/make_bench_warc.py "$WARC" "$DIR/html" 6
    [ -f "$OUT/other.warc.gz" ] ||
        /usr/bin/python3 eval/make_bench_warc.py "$OUT/other.warc.gz" "$DIR/html" 6 --ctype image/jpeg
fi
for w in "$WARC" $( [ -f "$OUT/other.warc.gz" ] && [ "$WARC" = "$OUT/pages.warc.gz" ] && echo "$OUT/other.warc.gz"); do
    csize=$(stat -c %s "$w")
    usize=$(zcat "$w" | wc -c)
    echo "== WARC $w: $(echo "scale=1; $csize/1000000" | bc) MB gzip, $(echo "scale=1; $usize/1000000" | bc) MB decompressed"
    tz=$(secs sh -c "zcat '$w' >/dev/null")
    tr=$(secs build/warc_read --quiet "$w")
    echo "zcat:      $tz s CPU  ($(rate "$usize" "$tz") MB/s decompressed)"
    echo "warc_read: $tr s CPU  ($(rate "$usize" "$tr") MB/s decompressed, $(echo "scale=2; $tr / $tz" | bc)x zcat)"
    build/warc_read --quiet "$w" | tail -n 1
    /usr/bin/time -v build/warc_read --quiet "$w" 2>&1 >/dev/null | grep -E "Maximum resident" | sed 's/^\t*/peak RSS: /'
done
