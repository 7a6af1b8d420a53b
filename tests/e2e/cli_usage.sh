#!/usr/bin/env bash
# End-to-end: the command line's usage errors and output conventions
# (docs/cli.md). Every option that takes a value says so when it has none
# (exit 2); --db "" and a database in a missing folder; ingest's PATHs (""
# and - twice), `ingest --json`, --quiet keeping warnings, the WARC
# summary's skipped records; NO_COLOR and TERM=dumb on a terminal.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh

# --- options missing their value: "CMD: option --X needs a value", exit 2
while IFS='|' read -r cmd opt; do
    # shellcheck disable=SC2086 # (cmd holds the command and its words)
    out=$(chr --db "$TMP/none.db" $cmd "$opt" 2>&1 >/dev/null)
    rc=$?
    check_eq "$cmd $opt without its value" "$rc: $out" "2: chronicle: ${cmd%% *}: option $opt needs a value"
done <<'LIST'
serve|--listen
serve|--threads
ls|--limit
stories|--limit
entities|--story
entities|--type
entities|--limit
search x|--limit
extract|--url
extract|--charset
tag|--ref
tag|--lang
timeline 1|--top
summary 1|--words
ls|--db
LIST
check_eq "--limit=N is read as --limit N" "$(chr --db "$TMP/none.db" ls --limit=0 2>&1 >/dev/null)" \
    "chronicle: ls: --limit needs a number >= 1, not '0'"
# a count is digits only, either side; one too large for --top says its range
check_eq "a count with a space after it is refused as one before it is" \
    "$(chr --db "$TMP/none.db" ls --limit '5 ' 2>&1 >/dev/null | tr -d '\n'; echo " ${PIPESTATUS[0]}")/$(chr --db "$TMP/none.db" ls --limit ' 5' 2>&1 >/dev/null | tr -d '\n'; echo " ${PIPESTATUS[0]}")" \
    "chronicle: ls: --limit needs a number >= 1, not '5 ' 2/chronicle: ls: --limit needs a number >= 1, not ' 5' 2"
check_eq "--top beyond its range says the range" \
    "$(chr --db "$TMP/none.db" timeline --all --top 99999999999999999999 2>&1 >/dev/null)" \
    "chronicle: timeline: --top needs a number from 1 to 1000000, not '99999999999999999999'"

# --- --db
out=$(chr --db "" ls 2>&1); rc=$?
check_eq "--db '' is a usage error" "$rc: $out" "2: chronicle: --db needs a file name, not ''"
printf 'The council of Orne met on Friday and approved the budget for the new flood barrier.\n' > "$TMP/a.txt"
out=$(chr --db "$TMP/no/such/dir/x.db" ingest "$TMP/a.txt" 2>&1); rc=$?
check_eq "a database in a missing folder: the folder does not exist" "$rc: $out" \
    "3: chronicle: $TMP/no/such/dir/x.db: cannot create the database: $TMP/no/such/dir does not exist"

# --- ingest's PATHs
out=$(chr --db "$TMP/p.db" ingest "" 2>&1); rc=$?
check_eq "ingest '' is a usage error" "$rc: $out" "2: chronicle: ingest: an empty PATH ('') names no file"
out=$(chr --db "$TMP/p.db" ingest - "$TMP/a.txt" - < "$TMP/a.txt" 2>&1); rc=$?
check_eq "ingest - twice is a usage error" "$rc: $out" \
    "2: chronicle: ingest: - (standard input) given more than once: it can be read once"

# --- ingest --json: the summary object on stdout
printf '{"id":"x","date":"yesterday","text":"Storms hit the coast of Orne on Monday, officials said."}\nnot json\n' > "$TMP/w.jsonl"
chr --db "$TMP/j.db" ingest --json "$TMP/a.txt" "$TMP/w.jsonl" > "$TMP/j.out" 2>"$TMP/j.err"
check_eq "ingest --json: exit 1 for the bad record" "$?" 1
check_eq "ingest --json: one summary object on stdout" "$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(sorted(k for k in d if k not in ("seconds", "bytes")), d["new"], d["already"], d["errors"], d["warnings"],
      d["articles"], d["files"], d["bytes"] > 0, d["seconds"] >= 0)' "$TMP/j.out")" \
    "['already', 'articles', 'copies', 'errors', 'files', 'new', 'skipped', 'stopped', 'warnings'] 2 0 1 1 2 2 True True"
chr --db "$TMP/j.db" ingest --json "$TMP/a.txt" > "$TMP/j2.out" 2>/dev/null
check_eq "ingest --json again: already stored" "$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["new"], d["already"])' "$TMP/j2.out")" "0 1"
chr --db "$TMP/j.db" ingest --json --recluster > "$TMP/j3.out" 2>/dev/null
check_eq "ingest --json --recluster: an object with the articles reclustered" \
    "$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["reclustered"], d["seconds"] >= 0)' "$TMP/j3.out")" "2 True"

# --- --quiet: no progress or summary, but warnings and errors still
chr --db "$TMP/q.db" --quiet ingest "$TMP/w.jsonl" >/dev/null 2>"$TMP/q.err"
check_eq "--quiet keeps warnings and errors, drops the summary" "$(sed "s|$TMP/||" "$TMP/q.err")" \
    "chronicle: warning: w.jsonl:1: \"date\" is not an ISO 8601 calendar date (yesterday): ignored
chronicle: error: w.jsonl:2: malformed JSON at column 3: '[' or '{' expected near 'not'"

# --- WARC: records that never hold a page are not "skipped"
"$PY" - "$TMP/t.warc" <<'PY'
import sys
def rec(kind, ctype, block):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: http://example.org/a\r\n"
            "WARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, ctype, len(block))).encode()
    return head + block + b"\r\n\r\n"
page = ("<html><head><title>Orne vote</title></head><body><article><p>The council of Orne "
        "voted on Friday to build the new flood barrier before the winter storms, the mayor "
        "said.</p><p>Work on the river bank will begin in the spring, officials added.</p>"
        "</article></body></html>")
ok = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page).encode()
gone = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body>gone</body></html>"
with open(sys.argv[1], "wb") as f:
    f.write(rec("warcinfo", "application/warc-fields", b"software: test\r\n"))
    f.write(rec("request", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n"))
    f.write(rec("response", "application/http; msgtype=response", ok))
    f.write(rec("metadata", "application/warc-fields", b"via: x\r\n"))
with open(sys.argv[1].replace(".warc", "-404.warc"), "wb") as f:
    f.write(rec("response", "application/http; msgtype=response", ok))
    f.write(rec("response", "application/http; msgtype=response", gone))
PY
chr --db "$TMP/w1.db" ingest "$TMP/t.warc" >/dev/null 2>"$TMP/w1.err"
check_eq "a WARC of warcinfo, request, metadata and one page: nothing skipped" \
    "$(sed 's/ ([0-9.]* MB in [0-9.]* s)$//' "$TMP/w1.err")" "ingested 1 article from 1 file: 1 new, 0 already stored, 0 errors"
chr --db "$TMP/w2.db" ingest "$TMP/t-404.warc" >/dev/null 2>"$TMP/w2.err"
check "a response without an article is counted as skipped" grep -q ', 1 web record without an article skipped' "$TMP/w2.err"

# --- NO_COLOR and TERM=dumb: no ANSI styling on a terminal
# on_tty CMD...: run CMD on a pseudo-terminal, print what it wrote
on_tty() {
    "$PY" -c '
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        b = os.read(fd, 65536)
    except OSError:
        break
    if not b:
        break
    out += b
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace"))' "$@"
}
printf ' date 2024-03-04\nThe council of Orne met on Friday and approved the budget for the new flood barrier.\n' > "$TMP/c.txt"
chr --db "$TMP/c.db" --quiet ingest "$TMP/c.txt" >/dev/null 2>&1
esc=$(printf '\033')
has_esc() { case "$1" in *"$esc"*) echo yes ;; *) echo no ;; esac; }
check_eq "show on a terminal is styled" "$(has_esc "$(TERM=xterm on_tty "$CHR_BIN" --db "$TMP/c.db" show 1)")" yes
check_eq "search on a terminal is styled" "$(has_esc "$(TERM=xterm on_tty "$CHR_BIN" --db "$TMP/c.db" search barrier)")" yes
for cmd in "show 1" "search barrier"; do
    # shellcheck disable=SC2086 # (cmd holds the command and its words)
    check_eq "$cmd with NO_COLOR=1: no ANSI styling" "$(has_esc "$(NO_COLOR=1 TERM=xterm on_tty "$CHR_BIN" --db "$TMP/c.db" $cmd)")" no
    # shellcheck disable=SC2086
    check_eq "$cmd with TERM=dumb: no ANSI styling" "$(has_esc "$(TERM=dumb on_tty "$CHR_BIN" --db "$TMP/c.db" $cmd)")" no
done
out=$(NO_COLOR=1 TERM=xterm on_tty "$CHR_BIN" --db "$TMP/c.db" show 1)
check "show with NO_COLOR marks its dates [Friday|...]" grep -q '\[Friday|2024-03-01\]' <<<"$out"
out=$(NO_COLOR= TERM=xterm on_tty "$CHR_BIN" --db "$TMP/c.db" search barrier)
check_eq "an empty NO_COLOR does not disable styling" "$(has_esc "$out")" yes
# a charset iconv does not know is a usage error, not ignored
printf '<html><body><p>x</p></body></html>' > "$TMP/p.html"
chr extract --charset bogus "$TMP/p.html" >/dev/null 2>"$TMP/cs.err"
check_eq "extract --charset bogus exits 2" "$?" 2
check "extract --charset bogus names it" grep -q "unknown charset 'bogus'" "$TMP/cs.err"
for cs in "latin1 bogus" iso-8859-2garbage; do
    chr extract --charset "$cs" "$TMP/p.html" >/dev/null 2>&1
    check_eq "extract --charset '$cs' exits 2" "$?" 2
done
printf '<html><body><article><h1>Flood barrier breaks</h1><p>The old flood barrier of Orne broke in the night storm and the river flooded the lower town, officials said on Monday.</p><p>Engineers will inspect what is left of it this week.</p></article></body></html>' > "$TMP/a.html"
for cs in x-cp1252 latin1 "text/html; charset=iso-8859-1" iso-8859-8-i; do
    chr extract --charset "$cs" "$TMP/a.html" >/dev/null 2>&1
    check_eq "extract --charset '$cs' is a label the extractor reads" "$?" 0
done
# a timeline that --min-support empties says so
out=$(chr --db "$TMP/c.db" timeline --all --min-support 99)
check "timeline --min-support 99 says no entry has that many sources" \
    grep -q "no entry has 99 or more independent sources" <<<"$out"
