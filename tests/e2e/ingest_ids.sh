#!/usr/bin/env bash
# End-to-end: JSON Lines ids (docs/ingest.md). An id stored before with other
# text (an update re-sent under its id) is stored again with a one-line
# warning naming file:line and the id; the same id with the same text is a
# silent no-op. Numeric ids are kept exactly as written, however large.
# UTF-16 input without a byte order mark is read, not refused as binary.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
rec() { printf '{"id":"%s","date":"2024-03-01","text":"%s"}\n' "$1" "$2"; }
T1="The council of Orne met on Friday and approved the budget for the new flood barrier."
T2="The council of Orne met on Friday and approved the budget for the new flood barrier after a long debate."
{ rec a1 "$T1"; rec a1 "$T1"; rec a1 "$T2"; } > "$TMP/feed.jsonl"
chr --db "$TMP/d.db" ingest "$TMP/feed.jsonl" >/dev/null 2>"$TMP/d.err"
check_eq "an updated record is a warning, not an error (exit 0)" "$?" 0
check "the warning names file:line and the id" \
    grep -q "feed.jsonl:3: id \"a1\" is already stored with different text (article 1)" "$TMP/d.err"
check_eq "one warning only (the same text again is a no-op)" "$(grep -c 'already stored with different' "$TMP/d.err")" 1
check_eq "both versions stored" "$(chr --db "$TMP/d.db" ls --json | "$PY" -c "import json,sys; print([a['ext_id'] for a in json.load(sys.stdin)])")" "['a1', 'a1']"
chr --db "$TMP/d.db" ingest "$TMP/feed.jsonl" >/dev/null 2>"$TMP/d2.err"
check_eq "ingesting the feed again: exit 0" "$?" 0
check "and silent" grep -q "0 new, 3 already stored, 0 errors" "$TMP/d2.err"
check_eq "no warning the second time" "$(grep -c 'warning' "$TMP/d2.err")" 0

# numeric ids as written
printf '{"id": 99999999999999999999, "text": "%s"}\n{"id": 1e30, "text": "%s"}\n{"id": 17, "text": "%s"}\n' \
    "$T1" "Floods closed the northern road on Sunday, police said in a statement." \
    "The mayor of Orne resigned on Monday after a dispute with the council." > "$TMP/num.jsonl"
chr --db "$TMP/n.db" ingest "$TMP/num.jsonl" >/dev/null 2>"$TMP/n.err"
check_eq "records with huge numeric ids ingest (exit 0)" "$?" 0
check_eq "their ids are kept as written" \
    "$(chr --db "$TMP/n.db" ls --json | "$PY" -c "import json,sys; print([a['ext_id'] for a in json.load(sys.stdin)])")" \
    "['99999999999999999999', '1e30', '17']"
check_eq "show finds an article by a 20-digit id" \
    "$(chr --db "$TMP/n.db" show --json 99999999999999999999 | "$PY" -c "import json,sys; print(json.load(sys.stdin)['ext_id'])")" \
    "99999999999999999999"
check_eq "show finds a numeric id that is no row id" \
    "$(chr --db "$TMP/n.db" show --json 17 | "$PY" -c "import json,sys; print(json.load(sys.stdin)['ext_id'])")" "17"

# UTF-16 without a byte order mark: a text, a page, and a text on stdin
"$PY" - "$TMP" <<'PY'
import sys
d = sys.argv[1]
t = " date 2024-03-01\nThe council of Orne voted on Friday to build the new flood barrier before the winter storms, the mayor said.\n\nWork on the river bank will begin in the spring, officials added.\n"
open(d + "/le.txt", "wb").write(t.encode("utf-16-le"))
page = '<!DOCTYPE html><html><head><title>Orne vote</title></head><body><article><p>The council of Orne voted on Friday to build the new flood barrier before the winter storms, the mayor said.</p><p>Work on the river bank will begin in the spring, officials added after the meeting.</p></article></body></html>'
open(d + "/be.html", "wb").write(page.encode("utf-16-be"))
PY
chr --db "$TMP/u.db" ingest "$TMP/le.txt" "$TMP/be.html" >/dev/null 2>"$TMP/u.err"
check_eq "UTF-16 text and page without a byte order mark ingest (exit 0)" "$?" 0
check "the conversion is reported" grep -q "le.txt: not UTF-8: transcoded from UTF-16LE (no byte order mark)" "$TMP/u.err"
check_eq "the text is read (date header, language) and the page too (title)" \
    "$(chr --db "$TMP/u.db" ls --json | "$PY" -c "import json,sys; a=json.load(sys.stdin); print([(a[0]['format'], a[0]['pub_date'], a[0]['lang']), (a[1]['format'], a[1]['title'], a[1]['lang'])])")" \
    "[('text', '2024-03-01', 'en'), ('html', 'Orne vote', 'en')]"
cat "$TMP/le.txt" | chr --db "$TMP/s.db" --quiet ingest - >/dev/null 2>&1
check_eq "UTF-16 from a pipe on standard input ingests" "$(chr --db "$TMP/s.db" ls --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")" 1

# an article another outlet ran word for word is kept as a copy of the stored
# one: listed in its story (copy: true) with its own source and date, once,
# and not at all when the same file is read again from another folder
mkdir -p "$TMP/wire/a" "$TMP/wire/b"
printf ' date 2025-03-04\nFrance and Novaria signed agreements worth 2.4 billion euros on Tuesday to finance a rail link.\n\nThe prime ministers signed the deal in Paris.\n' > "$TMP/wire/a/reuters.txt"
sed 's/2025-03-04/2025-03-05/' "$TMP/wire/a/reuters.txt" > "$TMP/wire/b/herald.txt"
cp "$TMP/wire/a/reuters.txt" "$TMP/wire/b/reuters.txt"
CDB="$TMP/copies.db"
chr --db "$CDB" --quiet ingest "$TMP/wire/a" >/dev/null 2>&1
out=$(chr --db "$CDB" ingest "$TMP/wire/b" 2>&1 >/dev/null)
check_eq "a copy from another input is counted as such" \
    "$(echo "$out" | grep -c "2 already stored (1 of them another record's text, kept as copies)")" 1
check_eq "a story lists the copy with its source and date" \
    "$(chr --db "$CDB" stories --json | "$PY" -c 'import json,sys; s=json.load(sys.stdin); print(len(s), sorted((a["source"].split("/")[-1], a.get("copy", False), a["duplicate_of"]) for a in s[0]["articles"]))')" \
    "1 [('herald.txt', True, 1), ('reuters.txt', False, None)]"
# each input keyed by its own id: a JSON Lines copy has its own ext_id
printf '{"id":"w-1","text":"Novaria opened a rail tunnel under the Brest hills on Monday, the transport ministry said.","date":"2025-03-04"}\n{"id":"w-2","text":"Novaria opened a rail tunnel under the Brest hills on Monday, the transport ministry said.","date":"2025-03-05"}\n' > "$TMP/wire.jsonl"
chr --db "$TMP/ext.db" --quiet ingest "$TMP/wire.jsonl" >/dev/null 2>&1
check_eq "stories --json gives each input its own ext_id" \
    "$(chr --db "$TMP/ext.db" stories --json | "$PY" -c 'import json,sys; s=json.load(sys.stdin); print(sorted((a["id"], a["ext_id"], a.get("copy", False)) for a in s[0]["articles"]))')" \
    "[(1, 'w-1', False), (1, 'w-2', True)]"
chr --db "$CDB" --quiet ingest "$TMP/wire/b" >/dev/null 2>&1
check_eq "a copy is kept once" \
    "$(chr --db "$CDB" story 1 | grep -c '= copy: .*herald.txt')" 1

# a copy of a near-duplicate belongs to its canonical article's group:
# duplicate_of names the canonical for both
mkdir -p "$TMP/nd/a" "$TMP/nd/b" "$TMP/nd/c"
body='The council of Orne voted on Monday to rebuild the old flood barrier that broke in the March storm, after three weeks of debate over its cost and its route along the river.
The new barrier will be two metres higher than the old one and will run for four kilometres from the railway bridge to the harbour, the mayor told reporters after the vote.
Work is due to start in September and to last two years. The regional government will pay half of the cost, and the state has promised a loan for the rest.
Residents of the lower town, where more than 300 homes were flooded, had demanded a higher barrier since the storm. Insurers estimate the damage at 40 million euros.
Farmers upstream asked the council to protect their fields as well, and the mayor said a second phase would be studied next year.'
printf ' date 2025-04-07\n%s\n\nThe opposition voted against the plan and called it too expensive.\n' "$body" > "$TMP/nd/a/orne.txt"
printf ' date 2025-04-08\n%s\n\nRead more: floods in the region this spring.\n' "$body" > "$TMP/nd/b/gazette.txt"
cp "$TMP/nd/b/gazette.txt" "$TMP/nd/c/courier.txt"
NDB="$TMP/neardup.db"
for f in a b c; do chr --db "$NDB" --quiet ingest "$TMP/nd/$f" >/dev/null 2>&1; done
check_eq "a copy of a near-duplicate names the canonical as duplicate_of" \
    "$(chr --db "$NDB" stories --json | "$PY" -c 'import json,sys; s=json.load(sys.stdin); print(len(s), sorted((a["source"].split("/")[-1], a.get("copy", False), a["duplicate_of"]) for a in s[0]["articles"]))')" \
    "1 [('courier.txt', True, 1), ('gazette.txt', False, 1), ('orne.txt', False, None)]"
check_eq "story --json lists them under the canonical, with duplicate_of as stories --json does" \
    "$(chr --db "$NDB" story 1 --json | "$PY" -c 'import json,sys; s=json.load(sys.stdin); print(sorted((d["source"].split("/")[-1], d.get("copy", False), d["duplicate_of"]) for a in s["articles"] for d in a["duplicates"]))')" \
    "[('courier.txt', True, 1), ('gazette.txt', False, 1)]"

# an input id that opens with '-': a negative number is looked up as given,
# another after "--"
printf '{"id":"-w17","text":"The Riga tram drivers went on strike on Monday, the city said."}\n{"id":-5,"text":"The Riga port reopened on Tuesday after the storm, officials said."}\n' > "$TMP/dash.jsonl"
chr --db "$TMP/dash.db" --quiet ingest "$TMP/dash.jsonl" >/dev/null 2>&1
check_eq "show -5 finds the input id -5" \
    "$(chr --db "$TMP/dash.db" show --json -5 | "$PY" -c "import json,sys; print(json.load(sys.stdin)['ext_id'])")" "-5"
check_eq "show -- -w17 finds the input id -w17" \
    "$(chr --db "$TMP/dash.db" show --json -- -w17 | "$PY" -c "import json,sys; print(json.load(sys.stdin)['ext_id'])")" "-w17"
printf '{"id":"--help","text":"The Riga bus drivers went on strike on Wednesday, the city said."}\n' > "$TMP/dash2.jsonl"
chr --db "$TMP/dash.db" --quiet ingest "$TMP/dash2.jsonl" >/dev/null 2>&1
check_eq "show -- --help finds the input id --help, not the usage" \
    "$(chr --db "$TMP/dash.db" show --json -- --help | "$PY" -c "import json,sys; print(json.load(sys.stdin)['ext_id'])")" "--help"
check_eq "show --help before --: the usage" "$(chr --db "$TMP/dash.db" show --help | head -c 20)" "usage: chronicle sho"
chr --db "$TMP/dash.db" show -w17 >/dev/null 2>&1
check_eq "show -w17 without --: usage (exit 2)" "$?" 2
chr --db "$TMP/dash.db" show -7 >/dev/null 2>&1
check_eq "show -7 that matches nothing: not found (exit 1)" "$?" 1
