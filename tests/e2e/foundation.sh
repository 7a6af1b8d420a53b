#!/usr/bin/env bash
# End-to-end tests of the foundation: ingest (formats, bad input, stdin,
# idempotency, interruption), ls/show JSON fields, tag offsets, exit codes,
# and the shared samples when present.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
DB="$TMP/t.db"
D=tests/data/ingest
py() { "$PY" -c "$@"; }

# --- CLI basics
chr --version | grep -q '^chronicle [0-9]' ; check "version" test $? -eq 0
chr --help | grep -q 'ingest'; check "help lists commands" test $? -eq 0
chr frobnicate >/dev/null 2>&1; check_eq "unknown command exits 2" "$?" 2
chr --db "$DB" ingest >/dev/null 2>&1; check_eq "ingest without path exits 2" "$?" 2
chr --db "$TMP/none.db" ls >/dev/null 2>&1; check_eq "ls on missing db exits 3" "$?" 3

# --- a folder of mixed, partly bad inputs
chr --db "$DB" ingest "$D" 2>"$TMP/err.txt" >/dev/null
check_eq "bad inputs give exit 1" "$?" 1
grep -q "empty.txt: empty file" "$TMP/err.txt"; check "empty file reported" test $? -eq 0
grep -q "binary.bin: binary data" "$TMP/err.txt"; check "binary file reported" test $? -eq 0
grep -q "wire.jsonl:2: malformed JSON" "$TMP/err.txt"; check "malformed JSON line reported with line" test $? -eq 0
grep -q 'wire.jsonl:4: missing "text"' "$TMP/err.txt"; check "missing text reported with line" test $? -eq 0
grep -q "latin1.txt.*Windows-1252" "$TMP/err.txt"; check "transcoding reported" test $? -eq 0
n=$(chr --db "$DB" ls --json | py 'import json,sys; print(len(json.load(sys.stdin)))')
check_eq "good articles stored" "$n" 6

chr --db "$DB" ls --json > "$TMP/ls.json"
py '
import json,sys
a=json.load(open(sys.argv[1]))
need={"id","source","outlet","title","pub_date","pub_date_source","sentences"}
assert all(need <= set(x) for x in a), "fields"
by={x["source"].split("/")[-1]:x for x in a}
assert by["dated.txt"]["pub_date"]=="2024-03-04" and by["dated.txt"]["pub_date_source"]=="header"
assert by["wire.jsonl#1"]["pub_date"]=="2024-02-01" and by["wire.jsonl#1"]["pub_date_source"]=="metadata"
assert by["wire.jsonl#1"]["title"]=="Storm hits coast"
assert by["undated.txt"]["pub_date_source"] in (None,"inferred")
assert by["wire.jsonl#6"]["pub_date_source"] in (None,"inferred")
assert by["dated.txt"]["sentences"]==2
' "$TMP/ls.json"; check "ls --json fields and dates" test $? -eq 0

# --- a saved page's publication stamp dates it (and leaves its text)
printf 'Siria, raid su Aleppo\n\nPubblicato il 12 marzo 2013 alle 14:32\n\n(ANSA) - BEIRUT, 12 MAR - Almeno trenta persone sono morte oggi in un raid aereo su Aleppo.\n' >"$TMP/stamp.txt"
chr --db "$TMP/stamp.db" ingest "$TMP/stamp.txt" >/dev/null 2>&1
printf 'Milano, 12 marzo 2013 - La Borsa chiude in rialzo. Ieri il governo ha parlato.\n' >"$TMP/dl.txt"
chr --db "$TMP/dl.db" ingest "$TMP/dl.txt" >/dev/null 2>&1
check_eq "a dateline with a year dates the article" "$(chr --db "$TMP/dl.db" ls --json | py 'import json,sys; a=json.load(sys.stdin)[0]; print(a["pub_date"], a["pub_date_source"])')" "2013-03-12 metadata"
check_eq "publication stamp dates the page" "$(chr --db "$TMP/stamp.db" ls --json | py 'import json,sys; a=json.load(sys.stdin)[0]; print(a["pub_date"], a["pub_date_source"], a["outlet"])')" "2013-03-12 metadata ANSA"

id=$(py 'import json,sys; print([x["id"] for x in json.load(open(sys.argv[1])) if x["source"].endswith("dated.txt") and "undated" not in x["source"]][0])' "$TMP/ls.json")
chr --db "$DB" show --json "$id" > "$TMP/show.json"
py '
import json,sys
o=json.load(open(sys.argv[1]))
assert o["dateline"]["place"]=="Berlin" and o["dateline"]["agency"]=="AP", o["dateline"]
for bad in ("Leave a Reply","Translate","email address"):
    assert bad not in o["clean_text"], bad
assert "Leave a Reply" in o["raw_text"]
assert o["clean_text"].startswith("The river rose"), o["clean_text"]
b=o["clean_text"].encode()
for s in o["sentences"]:
    assert b[s["start"]:s["end"]].decode()==s["text"]
assert len(o["sentences"])==2
' "$TMP/show.json"; check "show --json: dateline, boilerplate gone, sentence offsets" test $? -eq 0

chr --db "$DB" show --json "$D/wire.jsonl#1" | py 'import json,sys; o=json.load(sys.stdin); assert o["extra"]=={"desk":"world"}, o["extra"]; assert o["dateline"]["agency"]=="Reuters"'
check "JSONL unknown fields kept, Reuters dateline" test $? -eq 0
chr --db "$DB" show --json "$D/latin1.txt" | py 'import json,sys; o=json.load(sys.stdin); assert "Café" in o["clean_text"]'
check "Windows-1252 transcoded to UTF-8" test $? -eq 0
chr --db "$DB" show 99999 >/dev/null 2>&1; check_eq "show unknown id exits 1" "$?" 1

# --- idempotent re-run, stdin
out=$(chr --db "$DB" ingest "$D" 2>&1 >/dev/null | tail -1)
echo "$out" | grep -q "0 new, 6 already stored"; check "re-ingest stores nothing twice" test $? -eq 0
cat "$D/dated.txt" | chr --db "$DB" ingest - 2>&1 | grep -q "0 new, 1 already"; check "stdin duplicate detected" test $? -eq 0
printf 'Fresh text from a pipe. It has two sentences.' | chr --db "$DB" ingest - 2>/dev/null
printf 'Another text from a pipe. It has two sentences too.' | chr --db "$DB" ingest - 2>/dev/null
chr --db "$DB" ls --json | py 'import json,re,sys; s=[x["source"] for x in json.load(sys.stdin) if x["source"].startswith("stdin-")]; assert len(s)==2 and len(set(s))==2 and all(re.fullmatch("stdin-[0-9a-f]{12}", x) for x in s), s'
check "stdin texts stored as stdin-HASH, two pipes told apart" test $? -eq 0
printf '{"id":"p1","text":"Piped JSON line. Second sentence."}\n' | chr --db "$DB" ingest - 2>/dev/null
chr --db "$DB" show --json p1 >/dev/null 2>&1; check "JSON Lines detected on stdin" test $? -eq 0

# --- a per-record gzip WARC with one damaged member: the rest is read
chr --db "$TMP/w.db" ingest tests/data/warc/damaged.warc.gz 2>"$TMP/werr.txt" >/dev/null
grep -q "damaged.warc.gz@[0-9]*: " "$TMP/werr.txt"; check "damaged WARC member reported with offset" test $? -eq 0
n=$(chr --db "$TMP/w.db" ls --json | py 'import json,sys; print(len(json.load(sys.stdin)))')
check_eq "records after the damaged member ingested" "$n" 2

# --- JSON Lines: a NUL byte costs only its line; impossible dates and
#     non-UTF-8 bytes are handled per line
"$PY" -c "
import sys
big = 'word ' * 2000
sys.stdout.buffer.write(('{\"id\":\"n1\",\"text\":\"First article here. %s\"}\n' % big).encode())
sys.stdout.buffer.write(b'{\"id\":\"n2\",\"text\":\"Second \x00 with a NUL.\"}\n')
sys.stdout.buffer.write(b'{\"id\":\"n3\",\"date\":\"2024-02-30\",\"text\":\"Caf\xe9 owners met on Monday. Sales fell.\"}\n')
sys.stdout.buffer.write(b'{\"id\":\"n4\",\"text\":\"Fourth article text. Done here.\"}\n')
" > "$TMP/nul.jsonl"
chr --db "$TMP/n.db" ingest "$TMP/nul.jsonl" 2>"$TMP/nerr.txt" >/dev/null
grep -q "nul.jsonl:2: malformed JSON" "$TMP/nerr.txt"; check "NUL byte reported on its own line" test $? -eq 0
grep -q "2024-02-30" "$TMP/nerr.txt"; check "impossible date reported" test $? -eq 0
chr --db "$TMP/n.db" ls --json | py '
import json,sys
a={x["ext_id"]:x for x in json.load(sys.stdin)}
assert set(a)=={"n1","n3","n4"}, set(a)
assert a["n4"]["source"].endswith("#4") and a["n3"]["pub_date_source"]!="metadata"
'; check "lines after a NUL keep their numbers; bad date not used" test $? -eq 0
chr --db "$TMP/n.db" show --json n3 | py 'import json,sys; assert "Café" in json.load(sys.stdin)["clean_text"]'
check "non-UTF-8 JSON line transcoded" test $? -eq 0
n=$(sqlite3 "$TMP/n.db" "select count(*) from ingest_errors" 2>/dev/null || echo 1)
check_eq "errors logged in the database" "$n" 1

# --- a huge single line is refused with a clear error, the rest goes in
"$PY" -c "import sys; sys.stdout.write('word ' * (40*1024*1024//5))" > "$TMP/huge.txt"
cp "$D/undated.txt" "$TMP/small.txt"; printf '\nExtra line to change the hash.\n' >> "$TMP/small.txt"
chr --db "$TMP/h.db" ingest "$TMP/huge.txt" "$TMP/small.txt" 2>"$TMP/herr.txt" >/dev/null
grep -q "huge.txt: article too large" "$TMP/herr.txt"; check "100 MB-class line refused clearly" test $? -eq 0
n=$(chr --db "$TMP/h.db" ls --json | py 'import json,sys; print(len(json.load(sys.stdin)))')
check_eq "the rest of the batch ingested" "$n" 1
rm -f "$TMP/huge.txt"

# --- interrupted ingest loses nothing committed and completes on re-run
mkdir -p "$TMP/many"
"$PY" - "$TMP/many" <<'PY'
import sys, os
for i in range(300):
    with open(os.path.join(sys.argv[1], "a%03d.txt" % i), "w") as f:
        f.write(" date 2024-01-%02d Report number %d. The council met on Monday to discuss item %d. " % (i % 28 + 1, i, i) * 20)
PY
chr --db "$TMP/k.db" ingest "$TMP/many" >/dev/null 2>&1 &
pid=$!; sleep 0.3; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
chr --db "$TMP/k.db" ingest "$TMP/many" >/dev/null 2>&1
n=$(chr --db "$TMP/k.db" ls --json | py 'import json,sys; print(len(json.load(sys.stdin)))')
check_eq "killed ingest completes on re-run" "$n" 300
ok_int=$(sqlite3 "$TMP/k.db" 'PRAGMA integrity_check' 2>/dev/null || echo ok)
check_eq "database intact after kill" "$ok_int" ok

# a site's furniture that earlier articles carried word for word (a menu
# line, a footer) is left out of later ones; a short sentence with a full
# stop, and an article that is nothing but one short line, stay
mkdir -p "$TMP/furn"
for i in 1 2 3 4 5; do
    printf 'Newsletters du site\n\nThe council met on day %s and voted on the budget for the harbour works after a long debate among its members.\n\nThe vote was close.\n\nLe Journal du Port, édition numérique\n' "$i" > "$TMP/furn/f$i.txt"
done
printf 'Le Journal du Port, édition numérique\n' > "$TMP/furn/f6.txt"
for i in 1 2 3 4 5 6; do chr --db "$TMP/furn.db" --quiet ingest "$TMP/furn/f$i.txt" >/dev/null 2>&1; done
furn=$(for i in 1 2 3 4 5 6; do sqlite3 "$TMP/furn.db" "SELECT (instr(clean_text, 'Journal du Port') > 0) || (instr(clean_text, 'Newsletters') > 0) || (instr(clean_text, 'The vote was close.') > 0) FROM articles WHERE source LIKE '%/f$i.txt'"; done | tr '\n' ' ')
check_eq "furniture of earlier articles leaves later ones" "$furn" "111 111 111 001 001 100 "
chr --db "$TMP/furn.db" ingest "$TMP/furn/f5.txt" 2>&1 | grep -q "0 new, 1 already stored"
check "an article stored without furniture is still a duplicate of itself" test $? -eq 0
# given at once, the batch is counted first: its first pages lose it too
chr --db "$TMP/furn2.db" --quiet ingest "$TMP/furn" >/dev/null 2>&1
furn=$(for i in 1 2 3 4 5 6; do sqlite3 "$TMP/furn2.db" "SELECT (instr(clean_text, 'Journal du Port') > 0) || (instr(clean_text, 'Newsletters') > 0) || (instr(clean_text, 'The vote was close.') > 0) FROM articles WHERE source LIKE '%/f$i.txt'"; done | tr '\n' ' ')
check_eq "furniture of a batch leaves all its articles" "$furn" "001 001 001 001 001 100 "
# five articles from one template (FMT, %s = 1..5) in folder NAME, ingested at
# once: how many still carry TEXT
five_carry() {
    mkdir -p "$TMP/$1"
    for i in 1 2 3 4 5; do printf "$2" "$i" > "$TMP/$1/a$i.txt"; done
    chr --db "$TMP/$1.db" --quiet ingest "$TMP/$1" >/dev/null 2>&1
    sqlite3 "$TMP/$1.db" "SELECT sum(instr(clean_text, '$3') > 0) FROM articles"
}
# a wire's formulas with figures are data, however many articles repeat them
check_eq "figures are never furniture" "$(five_carry div 'Company number %s of the index declared its regular quarterly dividend on Tuesday, its board said after a meeting in the city.\n\nPay April 30\n\nQtly div ten cts vs ten cts prior\n' 'Pay April 30')" 5
# five outlets running one wire story keep its short lines: copies of one
# article are not a site's furniture
check_eq "wire copies keep their short lines" "$(five_carry wire 'The health ministry said on Tuesday that the outbreak in the northern provinces had spread to the capital and that hospitals were running out of beds.\n\nHospitals overwhelmed in the north\n\nSchools shut until further notice\n\nOutlet %s\n' 'Hospitals overwhelmed')" 5
# a site's banner headline of another story, up to 160 bytes, goes alone too
check_eq "a long banner headline of another story is furniture" "$(five_carry banner 'Spain will require a negative PCR test at origin from every traveller arriving in Spain from countries at risk\n\nThe port authority approved plan number %s for the new container terminal on Monday after a long and bitter public consultation.\n' 'negative PCR')" 0
# a site's menu of other stories' headlines, which end as sentences do or
# hold figures, goes as a block; one repeated sentence alone stays
menu='Markets fall as bond default hits China, what next?\n\nHow 24 films changed the way we travel in 2020\n\n"We cannot forget the young again", ministers say.\n\nTen recipes that make the most of butter!\n\nWhy the lights of cities threaten animals?\n\n'
check_eq "a menu block of headlines goes, a repeated sentence alone stays" \
    "$(five_carry menu "${menu}The port authority approved plan number %s for the new container terminal on Monday after a long and bitter public consultation.\n\nThe vote was close.\n" 'recipes')/$(sqlite3 "$TMP/menu.db" "SELECT sum(instr(clean_text, 'films changed') > 0), sum(instr(clean_text, 'The vote was close.') > 0) FROM articles")" "0/0|5"

# a file that is not a database says so to a reading command too (not
# "older schema: run ingest")
head -c 9000 /dev/urandom > "$TMP/rand.db"
msg=$(chr --db "$TMP/rand.db" ls 2>&1 >/dev/null)
check_eq "a file that is not a database is named as such when read" \
    "$?:$(echo "$msg" | grep -c 'not a usable database')" "3:1"

# another program's SQLite file is refused, not converted: no WAL switch,
# no chronicle tables added to it, by a reading or a storing command
sqlite3 "$TMP/other.db" "CREATE TABLE foo(x); INSERT INTO foo VALUES (1);"
msg=$(chr --db "$TMP/other.db" stories 2>&1 >/dev/null)
rc1=$?
chr --db "$TMP/other.db" --quiet ingest examples >/dev/null 2>&1
rc2=$?
check_eq "another program's database is refused and left as it was" \
    "$rc1:$rc2:$(echo "$msg" | grep -c 'not a chronicle database'):$(sqlite3 "$TMP/other.db" "PRAGMA journal_mode; SELECT count(*) FROM sqlite_master;" | tr '\n' ' ')" \
    "3:3:1:delete 1 "

# ... and so is one that sets a schema version of its own
sqlite3 "$TMP/other2.db" "CREATE TABLE foo(x); PRAGMA user_version = 7;"
chr --db "$TMP/other2.db" stories >/dev/null 2>&1
check_eq "another program's database with its own schema version is refused" \
    "$?:$(sqlite3 "$TMP/other2.db" "PRAGMA user_version; SELECT count(*) FROM sqlite_master;" | tr '\n' ' ')" "3:7 1 "

# output that cannot be written is a failure, not success
if [ -w /dev/full ]; then
    msg=$(chr --db "$TMP/dl0.db" --quiet ingest examples >/dev/null 2>&1; chr --db "$TMP/dl0.db" stories --json 2>&1 >/dev/full)
    check_eq "a listing written to a full disk fails with a message" \
        "$?:$(echo "$msg" | grep -c 'write error on standard output')" "3:1"
fi

# a reprint's dateline, a day before its publication, is the day its
# "today" means; a dateline far before it is not
printf '%s\n%s\n' \
  '{"id":"dl-1","date":"2025-03-05","text":"PARIS, March 4 (Reuters) - The foreign minister said today that the talks on the harbour treaty would resume in Geneva."}' \
  '{"id":"dl-2","date":"2025-03-25","text":"PARIS, March 4 (Reuters) - The trade minister said today that the new rules on harbour fees would take effect in the spring."}' > "$TMP/dl.jsonl"
chr --db "$TMP/dl.db" --quiet ingest "$TMP/dl.jsonl" >/dev/null 2>&1
today_of() { chr --db "$TMP/dl.db" show "$1" --json | "$PY" -c 'import json,sys; print(next(t["value"] for t in json.load(sys.stdin)["timexes"] if t["text"] == "today"))'; }
check_eq "a dateline a day back dates today; one three weeks back does not" "$(today_of dl-1) $(today_of dl-2)" "2025-03-04 2025-03-25"

# --db naming a folder says so; a database in a folder the user cannot
# write (an archive, a mount) is read; storing into a read-only one is
# refused before any input is read
mkdir -p "$TMP/adir"
check_eq "--db naming a folder is named as such" \
    "$(chr --db "$TMP/adir" ls 2>&1 | grep -c 'is a directory')" 1
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    mkdir -p "$TMP/ro" && chr --db "$TMP/ro/a.db" --quiet ingest examples >/dev/null 2>&1
    sqlite3 "$TMP/ro/a.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    chmod 444 "$TMP/ro/a.db" && chmod 555 "$TMP/ro" && chmod o+rx "$TMP"
    nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    check_eq "a database in a read-only folder is read" \
        "$(nobody "$CHR_BIN" --db "$TMP/ro/a.db" ls --json 2>/dev/null | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" 24
    check_eq "storing into a read-only database is refused, one line" \
        "$(nobody "$CHR_BIN" --db "$TMP/ro/a.db" ingest examples 2>&1 | grep -c 'read-only'):$(nobody "$CHR_BIN" --db "$TMP/ro/a.db" ingest examples >/dev/null 2>&1; echo $?)" "1:3"
    chmod 755 "$TMP/ro"
else
    skip "read-only database checks" "needs root and setpriv to act as another user"
fi

# two processes creating one new database at once both get it whole (the
# schema is read again under the write lock; switching to WAL waits)
race_fail=0
for k in 1 2 3 4 5; do
    chr --db "$TMP/race$k.db" --quiet ingest examples >/dev/null 2>&1 &
    chr --db "$TMP/race$k.db" --quiet ingest examples/visit-01-npa-announcement.txt >/dev/null 2>&1 || race_fail=$((race_fail + 1))
    wait $! || race_fail=$((race_fail + 1))
    [ "$(sqlite3 "$TMP/race$k.db" 'SELECT count(*) FROM articles')" = 24 ] || race_fail=$((race_fail + 1))
done
check_eq "two ingests creating one database at once both succeed" "$race_fail" 0

# a database of schema 8 (before tl_mention.frag) is read as it is, by a
# read-only handle too (serve opens one): the column reads as 0
chr --db "$TMP/v8.db" --quiet ingest "$TMP/many/a001.txt" >/dev/null 2>&1
latest=$(sqlite3 "$TMP/v8.db" 'PRAGMA user_version') # what this chronicle writes
sqlite3 "$TMP/v8.db" "ALTER TABLE tl_mention DROP COLUMN frag; DROP TABLE line_seen;
  DROP INDEX articles_ext_id; DROP INDEX entities_key; ALTER TABLE entities DROP COLUMN key;
  DROP TABLE copies; DROP TABLE spellings;
  PRAGMA user_version = 8;"
chr --db "$TMP/v8.db" timeline --all --json >/dev/null 2>&1
check_eq "a schema-8 database gives a timeline, unchanged" \
    "$?:$(sqlite3 "$TMP/v8.db" 'PRAGMA user_version')" "0:8"
chr --db "$TMP/v8.db" --quiet ingest "$TMP/many/a002.txt" >/dev/null 2>&1
check_eq "a writer migrates it" "$?:$(sqlite3 "$TMP/v8.db" 'PRAGMA user_version')" "0:$latest"
# an older one (schema 7) is migrated by the first command that opens it, a
# reading one included, when the file is writable
chr --db "$TMP/old.db" --quiet ingest "$TMP/many/a001.txt" >/dev/null 2>&1
sqlite3 "$TMP/old.db" "ALTER TABLE tl_mention DROP COLUMN frag; DROP INDEX story_alias_into;
  DROP TABLE line_seen; DROP INDEX articles_ext_id;
  DROP INDEX entities_key; ALTER TABLE entities DROP COLUMN key; DROP TABLE copies;
  DROP TABLE spellings;
  CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, clean_text) VALUES(new.id, new.title, new.clean_text); END;
  PRAGMA user_version = 7;"
chr --db "$TMP/old.db" ls >/dev/null 2>&1
check_eq "reading an older database migrates it" "$?:$(sqlite3 "$TMP/old.db" 'PRAGMA user_version')" "0:$latest"
chr --db "$TMP/old.db" timeline --all --json >/dev/null 2>&1
check_eq "the migrated database gives a timeline" "$?" 0

# --- tag: offsets are into the input as given
chr tag --json --ref 2024-03-04 "$D/dated.txt" | py '
import json,sys
o=json.load(sys.stdin)
raw=open("'"$D"'/dated.txt","rb").read()
assert o["ref_date"]=="2024-03-04" and o["ref_source"]=="--ref"
for s in o["sentences"]: assert raw[s["start"]:s["end"]].decode()==s["text"]
for t in o["timexes"]: assert raw[t["start"]:t["end"]].decode()==t["text"]
'; check "tag --json offsets into the input" test $? -eq 0
# tag reads one article: a file of several says that only the first is tagged
printf '{"id":"a","text":"The council met on Monday."}\n{"id":"b","text":"The mayor resigned on Friday."}\n' > "$TMP/two.jsonl"
msg=$(chr tag --ref 2024-05-10 "$TMP/two.jsonl" 2>&1 >/dev/null)
check_eq "tag on a file of several articles says only the first is tagged" \
    "$?:$(echo "$msg" | grep -c 'only the first is tagged')" "0:1"

# --- the shared samples
S="$CHR_SHARED/samples"
if [ -d "$S" ]; then
    chr --db "$TMP/s.db" ingest "$S" >/dev/null 2>&1
    chr --db "$TMP/s.db" ls --json > "$TMP/s.json"
    py '
import json,sys
a=json.load(open(sys.argv[1]))
assert len(a)==5, len(a)
d={x["source"].split("/")[-1][:3]:x for x in a}
exp={"000":"2024-05-15","002":"2024-05-14","003":"2024-04-26","004":"2024-04-09"}
for k,v in exp.items(): assert d[k]["pub_date"]==v and d[k]["pub_date_source"]=="header", (k,d[k])
assert d["001"]["pub_date_source"] in (None,"inferred")
' "$TMP/s.json"; check "samples: 5 articles with their pub dates" test $? -eq 0
    bad=0
    for i in 1 2 3 4 5; do
        chr --db "$TMP/s.db" show --json $i | py '
import json,sys
o=json.load(sys.stdin)
for b in ("Leave a Reply","Translate","MENAFN1505","Your email address"):
    assert b not in o["clean_text"], b
' || bad=1
    done
    check_eq "samples: no boilerplate in clean text" "$bad" 0
    chr --db "$TMP/s.db" show --json "$S/002_6f585b1e478cf8c8.txt" | py '
import json,sys
o=json.load(sys.stdin); assert o["dateline"]["place"]=="Moscow" and o["dateline"]["agency"]=="TASS", o["dateline"]'
    check "samples: dateline of 002 is Moscow/TASS" test $? -eq 0
else
    skip "samples" "$S not found"
fi
