#!/usr/bin/env bash
# chronicle — WARC reading: the fixtures of tests/data/warc and warcio's
# samples in ../shared/bench/warc-samples (some malformed on purpose) through
# the reader driver build/asan/warc_read (built by make check), then
# `chronicle ingest` of WARC files and of WARC on stdin. "skipped" counts the
# response and resource records that give no article (non-HTML, non-2xx, no
# article text), not the warcinfo, request, metadata and revisit records.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
W=tests/data/warc
WR="${WARC_READ:-build/asan/warc_read}"
[ -x "$WR" ] || WR=build/warc_read

summary() { "$WR" "$1" 2>/dev/null | tail -n 1 | cut -d' ' -f1-6; }

if [ -x "$WR" ]; then
    for f in news.warc news.warc.gz news-whole.warc.gz; do
        check_eq "web_warc_$f" "$(summary "$W/$f")" "articles 3 errors 0 skipped 4"
    done
    check_eq web_warc_damaged "$(summary "$W/damaged.warc.gz")" "articles 2 errors 1 skipped 4"
    check_eq web_warc_truncated "$(summary "$W/truncated.warc")" "articles 2 errors 1 skipped 2"
    check_eq web_warc_garbage "$(summary "$W/garbage.warc")" "articles 2 errors 2 skipped 0"
    check_eq web_warc_stdin "$("$WR" - <"$W/news.warc.gz" | tail -n 1 | cut -d' ' -f1-6)" \
        "articles 3 errors 0 skipped 4"
    "$WR" "$W/damaged.warc.gz" >"$TMP/d.out" 2>&1
    check web_warc_damaged_offset grep -q '^error: .*damaged.warc.gz@400: damaged' "$TMP/d.out"

    S="$CHR_SHARED/bench/warc-samples"
    if [ -d "$S" ]; then
        while IFS="|" read -r f want title; do
            if [ ! -f "$S/$f" ]; then
                skip "web_warc_sample_$f" "absent"
                continue
            fi
            check_eq "web_warc_sample_$f" "$(summary "$S/$f")" "$want"
            if [ "$title" != "-" ]; then
                "$WR" "$S/$f" 2>/dev/null | cut -f4 | grep -qx "$title" &&
                    ok "web_warc_sample_title_$f" || fail "web_warc_sample_title_$f" "no '$title'"
            fi
        done <<'LIST'
example.warc|articles 1 errors 0 skipped 0|Example Domain
example.warc.gz|articles 1 errors 0 skipped 0|Example Domain
example-bad-non-chunked.warc.gz|articles 1 errors 0 skipped 0|Example Domain
example-bad.warc.gz.bad|articles 1 errors 0 skipped 1|Example Domain
example-digest.warc|articles 0 errors 0 skipped 0|-
example-iana.org-chunked.warc|articles 1 errors 0 skipped 0|Internet Assigned Numbers Authority
example-resource.warc.gz|articles 1 errors 0 skipped 0|Example Domain
example-space-in-target-uri.warc.gz|articles 0 errors 0 skipped 1|-
example-trunc.warc|articles 0 errors 1 skipped 0|-
example-wget-bad-target-uri.warc.gz|articles 1 errors 0 skipped 2|Example Domain
example-wrong-chunks.warc.gz|articles 1 errors 0 skipped 0|Example Domain
post-test.warc.gz|articles 0 errors 0 skipped 3|-
LIST
        "$WR" "$S/example-trunc.warc" >"$TMP/t.out" 2>&1
        check web_warc_sample_trunc_offset grep -q 'example-trunc.warc@1197: ' "$TMP/t.out"
    else
        skip web_warc_samples "no $S"
    fi
else
    skip web_warc_reader "no $WR (run make check)"
fi

# Through the CLI: files by content, and stdin.
chr --db "$TMP/db" --quiet ingest "$W/news.warc" >/dev/null 2>"$TMP/i.err"
check_eq web_warc_ingest_exit "$?" 0
chr --db "$TMP/db" ls >"$TMP/ls.txt" 2>/dev/null
check_eq web_warc_ingest_count "$(grep -c 'news.warc@' "$TMP/ls.txt")" 3
check web_warc_ingest_source grep -q 'news.warc@2070 .*Library extends opening hours' "$TMP/ls.txt"
chr --db "$TMP/db2" --quiet ingest - <"$W/news-whole.warc.gz" >/dev/null 2>&1
chr --db "$TMP/db2" ls >"$TMP/ls2.txt" 2>/dev/null
check_eq web_warc_ingest_stdin "$(grep -c -- '-@' "$TMP/ls2.txt")" 3
chr --db "$TMP/db3" --quiet ingest "$W/truncated.warc" >/dev/null 2>"$TMP/t.err"
check_eq web_warc_ingest_truncated_exit "$?" 1
check web_warc_ingest_truncated_msg grep -q 'truncated.warc@2817: truncated record' "$TMP/t.err"

# A folder of mixed formats with misleading names: detected by content.
mkdir -p "$TMP/mixed"
cp "$W/news.warc.gz" "$TMP/mixed/crawl.bin"
cp tests/data/html/article.html "$TMP/mixed/page.txt"
chr --db "$TMP/db4" --quiet ingest "$TMP/mixed" >/dev/null 2>&1
check_eq web_mixed_folder_exit "$?" 0
chr --db "$TMP/db4" ls >"$TMP/ls4.txt" 2>/dev/null
check_eq web_mixed_folder_warc "$(grep -c 'crawl.bin@' "$TMP/ls4.txt")" 3
check web_mixed_folder_html grep -q 'page.txt .*River bridge reopens after repairs' "$TMP/ls4.txt"
# damage in the middle does not cost the records after it: a gzip member
# cut short (its bytes run into the next member), and a Content-Length that
# runs over the next record
"$PY" - "$TMP" <<'PY'
import gzip, sys
d = sys.argv[1]
def rec(i, clen=None):
    body = ("<html><head><title>Bridge %d</title></head><body><article><p>The mayor of Orne "
            "said on Monday that bridge number %d will reopen next week after long repairs, "
            "officials said.</p></article></body></html>" % (i, i)).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    n = str(clen if clen is not None else len(http)).encode()
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/%d\r\n"
            b"WARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " % i + n + b"\r\n\r\n" + http + b"\r\n\r\n")
m = [gzip.compress(rec(i)) for i in (1, 2, 3)]
open(d + "/cut.warc.gz", "wb").write(m[0] + m[1][: len(m[1]) // 2] + m[2])
open(d + "/long.warc", "wb").write(rec(1) + rec(2, 999999) + rec(3))
PY
for f in cut.warc.gz long.warc; do
    chr --db "$TMP/$f.db" --quiet ingest "$TMP/$f" >/dev/null 2>"$TMP/$f.err"
    n=$(chr --db "$TMP/$f.db" ls --json | "$PY" -c "import json,sys; print(sorted(a['title'] for a in json.load(sys.stdin)))")
    check_eq "web_warc_resync_$f" "$n" "['Bridge 1', 'Bridge 3']"
    check_eq "web_warc_resync_${f}_one_error" "$(grep -c "error: $TMP/$f@" "$TMP/$f.err")" 1
done
