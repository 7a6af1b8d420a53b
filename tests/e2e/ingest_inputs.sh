#!/usr/bin/env bash
# End-to-end: JSON Lines as other tools write them. A byte order mark before
# the first record does not cost that record; a NUL byte inside one line
# makes that line an error (named by file and line), not the whole file
# "binary".
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
rec() { printf '{"id":"%s","date":"2024-03-0%s","text":"The council of Orne met on day %s and approved the budget for the flood barrier."}' "$1" "$2" "$2"; }
{ printf '\xEF\xBB\xBF'; rec a 1 1; printf '\r\n'; rec b 2 2; printf '\r\n'; } > "$TMP/bom.jsonl"
chr --db "$TMP/b.db" ingest "$TMP/bom.jsonl" >/dev/null 2>"$TMP/b.err"
check_eq "a JSON Lines file with a byte order mark ingests (exit 0)" "$?" 0
n=$(chr --db "$TMP/b.db" ls --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check_eq "its first record is kept" "$n" 2
{ rec a 1 1; printf '\n{"id":"b","text":"raw\0nul"}\n'; rec c 3 3; printf '\n'; } > "$TMP/nul.jsonl"
chr --db "$TMP/n.db" ingest "$TMP/nul.jsonl" >/dev/null 2>"$TMP/n.err"
n=$(chr --db "$TMP/n.db" ls --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check_eq "a NUL in one line costs only that line" "$n" 2
check "the bad line is named by file and line" grep -q "nul.jsonl:2:" "$TMP/n.err"
# a real binary file is still refused as one
head -c 4096 /dev/urandom > "$TMP/bin.txt"
printf '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' >> "$TMP/bin.txt"
chr --db "$TMP/x.db" ingest "$TMP/bin.txt" >/dev/null 2>"$TMP/x.err"
check "binary data is refused as such" grep -q "binary data" "$TMP/x.err"
# a live JSON Lines feed (a pipe that sends a record and waits) is stored
# record by record: the first is in the database while the second is awaited
mkfifo "$TMP/feed"
chr --db "$TMP/f.db" --quiet ingest "$TMP/feed" > /dev/null 2>&1 &
pid=$!
exec 3> "$TMP/feed"
rec a 1 1 >&3; printf '\n' >&3
n=0
for _ in $(seq 1 120); do
    n=$(chr --db "$TMP/f.db" ls --json 2>/dev/null | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))" 2>/dev/null)
    [ "$n" = 1 ] && break
    sleep 0.5
done
check_eq "a feed's first record is stored before the feed ends" "$n" 1
rec b 2 2 >&3; printf '\n' >&3
exec 3>&-
wait "$pid"
check_eq "the feed's ingest ends with it (exit 0)" "$?" 0
n=$(chr --db "$TMP/f.db" ls --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check_eq "both records stored" "$n" 2
# one text on standard input is one article: past the limit it is refused,
# without copying the rest
yes "The mayor of Orne said the barrier will hold this winter." | head -c 40000000 |
    chr --db "$TMP/t.db" ingest - > /dev/null 2> "$TMP/t.err"
check "an oversized text on standard input is refused as too large" grep -q "article too large" "$TMP/t.err"
# blank lines before the first record of a feed on standard input
{ printf '\n \n'; rec a 1 1; printf '\n'; rec b 2 2; printf '\n'; } | chr --db "$TMP/s.db" --quiet ingest - > /dev/null 2>&1
n=$(chr --db "$TMP/s.db" ls --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check_eq "a feed that opens with blank lines is read as JSON Lines" "$n" 2
# a UTF-16 page with its byte order mark is a page, as `extract` reads it
"$PY" -c "
import sys
page = '<!DOCTYPE html><html><head><title>Orne vote</title></head><body><article><p>The council of Orne voted on Friday to build the new flood barrier before the winter storms, the mayor said.</p><p>Work on the river bank will begin in the spring, officials added after the meeting.</p></article></body></html>'
open(sys.argv[1], 'wb').write(page.encode('utf-16'))
" "$TMP/u16.html"
chr --db "$TMP/u.db" ingest "$TMP/u16.html" >/dev/null 2>"$TMP/u.err"
check_eq "a UTF-16 page ingests (exit 0)" "$?" 0
t=$(chr --db "$TMP/u.db" ls --json | "$PY" -c "import json,sys; print([a['title'] for a in json.load(sys.stdin)])")
check_eq "its title is read" "$t" "['Orne vote']"
# a numbered record keeps its number as its id; a date that is no string is
# reported, not silently dropped
printf '{"id": 17, "date": 20240301, "text": "The council of Orne met on Friday and approved the new flood barrier for the river."}\n' > "$TMP/num.jsonl"
chr --db "$TMP/num.db" ingest "$TMP/num.jsonl" >/dev/null 2>"$TMP/num.err"
t=$(chr --db "$TMP/num.db" ls --json | "$PY" -c "import json,sys; print([a['ext_id'] for a in json.load(sys.stdin)])")
check_eq "a numeric id is the record's id" "$t" "['17']"
check "a numeric date is reported, by file and line" grep -q 'num.jsonl:1: "date" is not a string' "$TMP/num.err"
# so are a title and a language that are no strings
printf '{"id": "ty1", "title": 5, "lang": ["en"], "text": "The council of Orne met on Friday and approved the new flood barrier for the river."}\n' > "$TMP/ty.jsonl"
chr --db "$TMP/ty.db" ingest "$TMP/ty.jsonl" >/dev/null 2>"$TMP/ty.err"
check "a title and a language of another type are reported" grep -q 'ty.jsonl:1: "title" is not a string: ignored; "lang" is not a string: ignored' "$TMP/ty.err"

# a JSON array of objects is said to be one, not stored as a text
printf '[{"id":"j1","text":"The Lagos bridge collapsed on Monday, officials said."},\n {"id":"j2","text":"Rescue teams worked through Tuesday."}]\n' > "$TMP/arr.json"
chr --db "$TMP/arr.db" ingest "$TMP/arr.json" >/dev/null 2>"$TMP/arr.err"
check_eq "a JSON array file: exit 1" "$?" 1
check "a JSON array file: said so, by file" grep -q "arr.json: a JSON array of objects: chronicle reads JSON Lines" "$TMP/arr.err"

# "date": ISO 8601 dates and date-times are read to their day; a time out of
# range, trailing words or an empty string are reported and ignored
: > "$TMP/dates.jsonl"
for d in 2025-06-01 2025-06-01T08:30:00+03:00 2025-06-01T08:30:00.123Z 20250601 "2025-06-01 08:30:00 +0000 UTC" 2025-06-01T25:61:00Z 2025-06-01Tgarbage ""; do
    printf '{"id":"d%s","date":"%s","text":"The Canberra budget hearing number %s was held, officials said."}\n' "$d" "$d" "${#d}" >> "$TMP/dates.jsonl"
done
chr --db "$TMP/dates.db" ingest "$TMP/dates.jsonl" >/dev/null 2>"$TMP/dates.err"
check_eq "ISO 8601 dates read to their day, bad ones not" \
    "$(chr --db "$TMP/dates.db" ls --json | "$PY" -c "import json,sys; print(' '.join(str(a['pub_date'] if a.get('pub_date_source') == 'metadata' else None) for a in json.load(sys.stdin)))")" \
    "2025-06-01 2025-06-01 2025-06-01 2025-06-01 2025-06-01 None None None"
check_eq "bad dates reported, one warning each" "$(grep -c 'warning: .*dates.jsonl:[678]: "date" is' "$TMP/dates.err")" 3

# a title, an author or an outlet is one line: control characters are spaces
printf '{"id":"c1","title":"Two\\nlines \\u001bred","outlet":"Out\\u0007let","text":"The Nairobi marathon was held on Sunday, the organisers said."}\n' > "$TMP/ctl.jsonl"
chr --db "$TMP/ctl.db" --quiet ingest "$TMP/ctl.jsonl" >/dev/null 2>&1
check_eq "control characters in a title and an outlet are spaces" \
    "$(chr --db "$TMP/ctl.db" ls --json | "$PY" -c "import json,sys; a=json.load(sys.stdin)[0]; print(repr(a['title']), repr(a['outlet']))")" \
    "'Two lines red' 'Out let'"

# an empty folder: a warning, not silence
mkdir -p "$TMP/emptydir"
check_eq "an empty folder is warned about" \
    "$(chr --db "$TMP/empty.db" --quiet ingest "$TMP/emptydir" 2>&1 | grep -c 'no input files found'):$(chr --db "$TMP/empty.db" --quiet ingest "$TMP/emptydir" >/dev/null 2>&1; echo $?)" "1:0"
check_eq "stories of an empty database say so" \
    "$(chr --db "$TMP/empty.db" stories 2>/dev/null | grep -c 'no stories yet')" 1

# A feed named JSON Lines whose first line is no JSON (a cut log line, a
# comment) is read as JSON Lines: that line is reported, the records kept.
good5() { for i in 1 2 3 4 5; do rec "r$i" "$i" "$i"; printf '\n'; done; }
{ printf 'ption": "x"}\n'; good5; } > "$TMP/cut.jsonl"
{ printf '// exported by the crawler\n'; good5; } > "$TMP/comment.ndjson"
gzip -c "$TMP/cut.jsonl" > "$TMP/cutgz.jsonl.gz"
for f in cut.jsonl comment.ndjson cutgz.jsonl.gz; do
    chr --db "$TMP/$f.db" ingest "$TMP/$f" >/dev/null 2>"$TMP/$f.err"
    check_eq "$f with a first line that is no JSON: exit 1" "$?" 1
    check "$f: the first line is reported as file:1" grep -q "^chronicle: error: $TMP/$f:1: malformed JSON" "$TMP/$f.err"
    check_eq "$f: its 5 records are stored" "$(chr --db "$TMP/$f.db" ls --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" 5
done
# without a name (standard input) most first lines being JSON objects decide
chr --db "$TMP/cutin.db" ingest - < "$TMP/cut.jsonl" >/dev/null 2>"$TMP/cutin.err"
check "standard input, mostly JSON objects: read as JSON Lines" grep -q '^chronicle: error: -:1: malformed JSON' "$TMP/cutin.err"
check_eq "standard input: the 5 records are stored" "$(chr --db "$TMP/cutin.db" ls --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" 5
# a log's line before one record, as POST /api/articles reads it
{ printf 'exporter started\n'; rec r1 1 1; printf '\n'; } | chr --db "$TMP/login.db" ingest - >/dev/null 2>"$TMP/login.err"
check_eq "standard input, a log line and one record: the record is stored, the line reported" \
    "$(chr --db "$TMP/login.db" ls --json | "$PY" -c 'import json,sys; print([a["format"] for a in json.load(sys.stdin)])'):$(grep -c '^chronicle: error: -:1: malformed JSON' "$TMP/login.err")" "['jsonl']:1"
printf 'Breaking news from Cairo\n{"note": "x"}\n' | chr --db "$TMP/txt2.db" ingest - >/dev/null 2>&1
check_eq "standard input, a line and a JSON object that is no record: one text article" \
    "$(chr --db "$TMP/txt2.db" ls --json | "$PY" -c 'import json,sys; print([a["format"] for a in json.load(sys.stdin)])')" "['text']"
printf 'The council met on Monday.\n{"a": "b"}\nIt approved the budget on Friday, officials said.\nThe barrier will be built in spring.\n' \
    | chr --db "$TMP/txtin.db" ingest - >/dev/null 2>&1
check_eq "standard input, a text with one JSON-like line: still one text article" \
    "$(chr --db "$TMP/txtin.db" ls --json | "$PY" -c 'import json,sys; print([a["format"] for a in json.load(sys.stdin)])')" "['text']"

# Truncated gzip: an error naming the file, nothing stored from a text or a
# page; a feed keeps the records before the cut
"$PY" -c 'import sys; sys.stdout.write(" ".join("The council of Orne met on day %d and approved the flood barrier budget." % i for i in range(3000)))' > "$TMP/big.txt"
gzip -c "$TMP/big.txt" | head -c 8000 > "$TMP/cut.txt.gz"
chr --db "$TMP/tgz.db" ingest "$TMP/cut.txt.gz" >/dev/null 2>"$TMP/tgz.err"
check_eq "a truncated .txt.gz: exit 1" "$?" 1
check_eq "a truncated .txt.gz: said so" "$(grep -v '^ingested' "$TMP/tgz.err")" "chronicle: error: $TMP/cut.txt.gz: truncated gzip data"
check_eq "a truncated .txt.gz: nothing stored" "$(chr --db "$TMP/tgz.db" ls --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" 0
{ printf '<!DOCTYPE html><html><head><title>Orne</title></head><body><article>'; sed 's/\. /.<\/p><p>/g; s/^/<p>/' "$TMP/big.txt"; printf '</p></article></body></html>'; } | gzip -c | head -c 8000 > "$TMP/cut.html.gz"
chr --db "$TMP/hgz.db" ingest "$TMP/cut.html.gz" >/dev/null 2>"$TMP/hgz.err"
check_eq "a truncated .html.gz: said so" "$(grep -v '^ingested' "$TMP/hgz.err")" "chronicle: error: $TMP/cut.html.gz: truncated gzip data"
for i in $(seq 1 400); do printf '{"id":"f%s","text":"Record %s: the council of Orne met and approved budget line %s for the flood barrier."}\n' "$i" "$i" "$i"; done | gzip -c > "$TMP/feed.gz"
head -c $(( $(wc -c < "$TMP/feed.gz") / 2 )) "$TMP/feed.gz" > "$TMP/cutfeed.jsonl.gz"
chr --db "$TMP/fgz.db" ingest "$TMP/cutfeed.jsonl.gz" >/dev/null 2>"$TMP/fgz.err"
check_eq "a truncated .jsonl.gz: exit 1" "$?" 1
check "a truncated .jsonl.gz: the cut is the one error, at its line" \
    test "$(grep -c '^chronicle: error:' "$TMP/fgz.err")" = 1 -a "$(grep -c "cutfeed.jsonl.gz:[0-9]*: truncated gzip data" "$TMP/fgz.err")" = 1
n=$(chr --db "$TMP/fgz.db" ls --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
check "a truncated .jsonl.gz: the records before the cut are kept" test "$n" -ge 1 -a "$n" -lt 400
