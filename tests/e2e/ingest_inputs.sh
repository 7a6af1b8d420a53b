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

# an empty folder: a warning, not silence
mkdir -p "$TMP/emptydir"
check_eq "an empty folder is warned about" \
    "$(chr --db "$TMP/empty.db" --quiet ingest "$TMP/emptydir" 2>&1 | grep -c 'no input files found'):$(chr --db "$TMP/empty.db" --quiet ingest "$TMP/emptydir" >/dev/null 2>&1; echo $?)" "1:0"
check_eq "stories of an empty database say so" \
    "$(chr --db "$TMP/empty.db" stories 2>/dev/null | grep -c 'no stories yet')" 1
