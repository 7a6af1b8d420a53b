#!/usr/bin/env bash
# chronicle — `chronicle extract` on the HTML fixtures (tests/data/html):
# JSON fields, readable form, stdin, gzip input, the empty page, URL hints;
# then a smoke test on one benchmark page when ../shared is present.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
H=tests/data/html

if chr extract --json "$H/article.html" >"$TMP/a.json" 2>"$TMP/a.err"; then
    ok web_extract_runs
else
    fail web_extract_runs "$(cat "$TMP/a.err")"
fi
/usr/bin/env python3 - "$TMP/a.json" "$H/article.expected" <<'PY'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
want = open(sys.argv[2], encoding="utf-8").read().rstrip("\n")
def check(name, cond):
    print(("ok " if cond else "not ok ") + name)
check("web_extract_json_keys", set(a) == {"title", "text", "pub_date", "author", "outlet", "url", "lang"})
check("web_extract_text", a.get("text") == want)
check("web_extract_paragraphs", a.get("text", "").count("\n\n") == 4)
check("web_extract_title", a.get("title") == "River bridge reopens after repairs")
check("web_extract_date", a.get("pub_date") == "2021-03-09")
check("web_extract_author", a.get("author") == "Ada Fielding, Tom Reyes")
check("web_extract_outlet", a.get("outlet") == "The Valley Courier")
check("web_extract_lang", a.get("lang") == "en")
check("web_extract_no_url_without_base", a.get("url") is None)
PY

# The same page from stdin, and gzip-compressed.
cat "$H/article.html" | chr extract --json - >"$TMP/b.json" 2>/dev/null
check_eq web_extract_stdin "$(cat "$TMP/b.json")" "$(cat "$TMP/a.json")"
gzip -c "$H/article.html" | chr extract --json - >"$TMP/c.json" 2>/dev/null
check_eq web_extract_gzip "$(cat "$TMP/c.json")" "$(cat "$TMP/a.json")"

# A base URL resolves the relative canonical link.
url=$(chr extract --json --url https://courier.example/x "$H/article.html" 2>/dev/null |
    /usr/bin/env python3 -c 'import json,sys; print(json.load(sys.stdin)["url"])')
check_eq web_extract_url_hint "$url" "https://courier.example/news/2021/river-bridge-reopens"

# Readable form: header lines, a blank line, the text.
chr extract "$H/latin1.html" >"$TMP/l.txt" 2>/dev/null
check web_extract_readable_title grep -q '^title: *Fête de la musique à Nantéry$' "$TMP/l.txt"
check web_extract_readable_charset grep -q '^charset: *WINDOWS-1252' "$TMP/l.txt"
check web_extract_readable_text grep -q 'succédé jusqu.à minuit' "$TMP/l.txt"

# A page without article text: exit 1 and a one-line reason.
chr extract "$H/empty.html" >"$TMP/e.out" 2>"$TMP/e.err"
check_eq web_extract_empty_exit "$?" 1
check web_extract_empty_message grep -q 'no article text' "$TMP/e.err"
check_eq web_extract_empty_stdout "$(cat "$TMP/e.out")" ""
chr extract >/dev/null 2>&1
check_eq web_extract_usage_exit "$?" 2
chr extract /nonexistent/page.html >/dev/null 2>&1
check_eq web_extract_missing_exit "$?" 1

# One real page of the benchmark, when the shared data is here.
page=$(ls "$CHR_SHARED"/bench/article-extraction/html/*.html.gz 2>/dev/null | head -n 1)
if [ -n "$page" ]; then
    n=$(chr extract --json "$page" 2>/dev/null | /usr/bin/env python3 -c \
        'import json,sys; print(len(json.load(sys.stdin)["text"]) > 300)')
    check_eq web_extract_benchmark_page "$n" True
else
    skip web_extract_benchmark_page "no $CHR_SHARED/bench/article-extraction"
fi

# what ingest would not read as a page is said to be none (exit 1)
head -c 4000 /dev/urandom > "$TMP/junk.bin"
chr extract "$TMP/junk.bin" >/dev/null 2>"$TMP/junk.err"
check_eq web_extract_binary_exit "$?" 1
check web_extract_binary_said grep -q "junk.bin: binary data, not an HTML page" "$TMP/junk.err"
chr extract tests/data/warc/news.warc.gz >/dev/null 2>"$TMP/warc.err"
check_eq web_extract_warc_exit "$?" 1
check web_extract_warc_said grep -q "a WARC file (ingest reads its pages)" "$TMP/warc.err"

# a page cut short in its gzip, an endless input: refused as ingest refuses
# them (exit 1), not printed in part or read into memory without end
gzip -c "$H/article.html" | head -c 600 > "$TMP/cut.html.gz"
chr extract "$TMP/cut.html.gz" >"$TMP/cut.out" 2>"$TMP/cut.err"
check_eq web_extract_truncated_gzip_exit "$?" 1
check web_extract_truncated_gzip_said grep -q "cut.html.gz: truncated gzip data" "$TMP/cut.err"
check_eq web_extract_truncated_gzip_nothing "$(wc -c < "$TMP/cut.out")" 0
head -c 34000000 /dev/zero | tr '\0' 'a' | chr extract - >/dev/null 2>"$TMP/big.err"
check_eq web_extract_too_large_exit "$?" 1
check web_extract_too_large_said grep -q -- "-: too large (limit 32 MiB)" "$TMP/big.err"
head -c 34000000 /dev/zero | tr '\0' 'a' | gzip -c > "$TMP/big.html.gz"
chr extract "$TMP/big.html.gz" >/dev/null 2>"$TMP/bigz.err"
check_eq web_extract_too_large_gzip_exit "$?" 1
check web_extract_too_large_gzip_said grep -q "big.html.gz: too large once decompressed" "$TMP/bigz.err"
