#!/usr/bin/env bash
# End-to-end: `chronicle search WORDS...` over the examples: the best hit
# first with its story, --json fields, --limit, phrases and OR, exit 1 when
# nothing matches, exit 2 without a word, and plain output (no control
# characters) when stdout is not a terminal.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
DB="$TMP/s.db"
chr --db "$DB" --quiet ingest examples >/dev/null 2>&1
chr --db "$DB" search heater recall --json > "$TMP/h.json"
check_eq "search --json: exit 0 on hits" "$?" 0
"$PY" - "$TMP/h.json" "$DB" "$CHR_BIN" > "$TMP/r.txt" <<'PYEOF'
import json, subprocess, sys
hits = json.load(open(sys.argv[1]))
keys = {"id", "title", "outlet", "pub_date", "source", "story", "snippet", "score"}
print("fields", all(keys <= set(h) for h in hits) and len(hits) > 0)
print("best first", all(a["score"] >= b["score"] for a, b in zip(hits, hits[1:])))
print("marked", all("\u0002" in h["snippet"] and "\u0003" in h["snippet"] for h in hits))
stories = json.loads(subprocess.run([sys.argv[3], "--db", sys.argv[2], "stories", "--json"],
                                    capture_output=True, text=True).stdout)
of = {a["id"]: s["id"] for s in stories for a in s["articles"]}
print("story", all(of.get(h["id"]) == h["story"] for h in hits))
recall = {s["id"] for s in stories if any("recall" in a["source"] for a in s["articles"])}
print("recall story", hits[0]["story"] in recall)
PYEOF
for w in fields "best first" marked story "recall story"; do
    check_eq "search --json: $w" "$(grep "^$w " "$TMP/r.txt" | cut -d' ' -f2- | awk '{print $NF}')" True
done
n=$(chr --db "$DB" search river --json --limit 2 | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check_eq "search --limit 2" "$n" 2
both=$(chr --db "$DB" search Serena OR Veltro --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
one=$(chr --db "$DB" search Serena --json | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check "search A OR B finds more than A" [ "$both" -gt "$one" ]
chr --db "$DB" search '"state visit"' > "$TMP/t.txt"
check_eq "search phrase: exit 0" "$?" 0
check "search text: a header and hits" grep -q "^   ID  PUB DATE" "$TMP/t.txt"
check "search text: no control characters when piped" bash -c "! grep -q \$'[\x02\x03\x1b]' '$TMP/t.txt'"
chr --db "$DB" search zeppelinquux > /dev/null 2>&1
check_eq "search with no match: exit 1" "$?" 1
chr --db "$DB" search '*' > /dev/null 2> "$TMP/err"
check_eq "search without a word: exit 2" "$?" 2
check "search without a word: says so" grep -q "give the words" "$TMP/err"
chr --db "$DB" search --bogus x > /dev/null 2>&1
check_eq "search unknown option: exit 2" "$?" 2
chr --db "$DB" search -- '—' > /dev/null 2>&1
check_eq "search of punctuation only: exit 2" "$?" 2
chr --db "$DB" search -- --bogus heater > /dev/null 2>&1
check_eq "search after --: every word is a word (nothing matches --bogus)" "$?" 1
n=$(chr --db "$DB" search --json -- Veltro | "$PY" -c "import json,sys; print(len(json.load(sys.stdin)))")
check "search -- WORDS finds" [ "$n" -gt 0 ]
