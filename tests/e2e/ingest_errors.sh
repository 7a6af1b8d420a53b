#!/usr/bin/env bash
# End-to-end: where ingest says a problem is (docs/ingest.md). Every error
# and warning about one record, from whichever stage (reading, cleaning, the
# id check), names it the one way: "file:LINE: reason" for a JSON Lines
# record, "file@OFFSET: reason" for a WARC record. The articles' sources
# ("file#LINE", "file@OFFSET", read by scorers) stay as they are.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
T="The council of Orne met on Friday and approved the budget for the new flood barrier."
{
    printf '{"id":"a","text":"%s"}\n' "$T"                                      # 1 stored
    printf '{"id":"b","text":"Floods closed the northern road on Sunday, police said."}\n' # 2 stored
    printf 'not json\n'                                                        # 3 reading
    printf '{"id":true,"date":"yesterday","text":"Storms hit the coast on Monday \xe9t\xe9, officials said."}\n' # 4 warned
    printf '{"id":"a","text":"%s It will cost more."}\n' "$T"                  # 5 id again
    printf '{"id":"c","text":"  \\u0000  "}\n'                                 # 6 cleaning
    printf '{"id":"d","text":""}\n'                                            # 7 reading
    printf '\n'                                                                # 8 blank
    printf '[1, 2]\n'                                                          # 9 reading
} > "$TMP/docs.jsonl"
chr --db "$TMP/j.db" ingest "$TMP/docs.jsonl" > /dev/null 2> "$TMP/j.err"
check_eq "bad records: exit 1" "$?" 1
F="$TMP/docs.jsonl"
check_eq "every record's problem is named file:LINE, from every stage" \
    "$(grep -v '^ingested' "$TMP/j.err")" \
    "chronicle: error: $F:3: malformed JSON at column 3: '[' or '{' expected near 'not'
chronicle: warning: $F:4: not UTF-8: transcoded from Windows-1252; \"id\" is not a string or a number: ignored; \"date\" is not an ISO 8601 calendar date (yesterday): ignored
chronicle: warning: $F:5: id \"a\" is already stored with different text (article 1); this version is stored too, as article 4
chronicle: error: $F:6: no article text after cleaning
chronicle: error: $F:7: \"text\" is not a non-empty string
chronicle: error: $F:9: not a JSON object"
check_eq "the articles' sources keep the file#LINE form" \
    "$(chr --db "$TMP/j.db" ls --json | "$PY" -c 'import json,sys; print(" ".join(a["source"].rsplit("/", 1)[1] for a in json.load(sys.stdin)))')" \
    "docs.jsonl#1 docs.jsonl#2 docs.jsonl#4 docs.jsonl#5"

# the same feed on standard input: the input is "-"
chr --db "$TMP/s.db" ingest - < "$TMP/docs.jsonl" > /dev/null 2> "$TMP/s.err"
check_eq "on standard input: the cleaning stage's error names -:LINE" \
    "$(grep -c '^chronicle: error: -:6: no article text after cleaning$' "$TMP/s.err")" 1

# WARC: a good page, a page that cleans to nothing, a damaged record
read -r AT_F AT_B < <("$PY" - "$TMP/t.warc" <<'PY'
import sys
def rec(uri, html):
    http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).encode()
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (uri, uri[-4:], len(http))).encode()
    return head + http + b"\r\n\r\n"
good = ("<html><head><title>Orne vote</title></head><body><article><p>The council of Orne "
        "voted on Friday to build the new flood barrier before the winter storms, the mayor "
        "said.</p><p>Work on the river bank will begin in the spring, officials added.</p>"
        "</article></body></html>")
furniture = "".join("<p>%s</p>" % l for l in (
    "Copyright 2024 Example News Group. All rights reserved.",
    "Your email address will not be published.", "Photo: Reuters/John Smith",
    "Follow us on Twitter and Facebook for more", "Sign up for our daily newsletter",
    "Click here to read more", "Subscribe to our newsletter today"))
furniture = "<html><head><title>Orne</title></head><body><article>%s</article></body></html>" % furniture
out = rec("http://ex.com/good", good)
at_furniture = len(out)
out += rec("http://ex.com/page", furniture)
at_bad = len(out)
out += b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nine\r\n\r\nabc\r\n\r\n"
open(sys.argv[1], "wb").write(out)
print(at_furniture, at_bad)
PY
)
chr --db "$TMP/w.db" ingest "$TMP/t.warc" > /dev/null 2> "$TMP/w.err"
check_eq "a WARC record's problem is named file@OFFSET, from every stage" \
    "$(grep -v '^ingested' "$TMP/w.err" | cut -d: -f1-4)" \
    "chronicle: error: $TMP/t.warc@$AT_F: no article text after cleaning
chronicle: error: $TMP/t.warc@$AT_B: invalid Content-Length"
check_eq "a WARC article's source keeps the file@OFFSET form" \
    "$(chr --db "$TMP/w.db" ls --json | "$PY" -c 'import json,sys; print(" ".join(a["source"].rsplit("/", 1)[1] for a in json.load(sys.stdin)))')" \
    "t.warc@0"
# a mistyped path makes no database
chr --db "$TMP/typo.db" ingest "$TMP/no-such-file.txt" 2>"$TMP/typo.err"
check_eq "ingest of a missing path exits 1" "$?" 1
check "ingest of a missing path creates no database" test ! -e "$TMP/typo.db"
check_eq "ingest of a missing path says so" "$(cat "$TMP/typo.err")" \
    "chronicle: error: $TMP/no-such-file.txt: cannot open: No such file or directory"
# a lone UTF-16 surrogate escape (an emoji cut in two by an exporter) costs
# nothing: read as U+FFFD, with a warning naming the line
printf '%s\n' '{"id":"s-1","title":"Putin arrives in Beijing \ud83d","text":"Russian President Vladimir Putin arrived in Beijing on Thursday for a state visit."}' \
    '{"id":"s-2","extra":"cut \udc00","text":"Xi Jinping welcomed Putin at the Great Hall of the People on Thursday."}' > "$TMP/sur.jsonl"
chr --db "$TMP/sur.db" ingest "$TMP/sur.jsonl" 2>"$TMP/sur.err"
check_eq "lone surrogate escapes: ingest exits 0" "$?" 0
check_eq "lone surrogate escapes: both stored" "$(chr --db "$TMP/sur.db" ls --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" 2
check_eq "lone surrogate escapes: a warning per line" "$(grep -c 'lone UTF-16 surrogate escape read as U+FFFD' "$TMP/sur.err")" 2
# one stray NUL is no binary file, in a short text too (it was under 100 bytes)
printf ' date 2024-05-07\n\nThe Kestria parliament voted on Friday.\0\n' > "$TMP/nul.txt"
chr --db "$TMP/nul.db" ingest "$TMP/nul.txt" 2>"$TMP/nul.err"
check_eq "a short text with one NUL: stored (exit 0)" "$?" 0
check_eq "a short text with one NUL: one article" "$(chr --db "$TMP/nul.db" ls --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" 1
# a path longer than the error's field keeps its end, the file's name
LD="$TMP/long"
for i in 1 2 3 4 5 6; do LD="$LD/dir${i}_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; done
mkdir -p "$LD" && : > "$LD/empty-article.txt"
chr --db "$TMP/long.db" ingest "$TMP/long" 2>"$TMP/long.err"
check "an error about a long path names its file" grep -q "\.\.\..*/empty-article.txt: empty file" "$TMP/long.err"
