#!/usr/bin/env bash
# End-to-end: what `timeline` and `run` print, on the example corpus
# (examples/): seasons and quarters named as such in text (the JSON date
# stays ISO), no sentence the text of two entries or an extra sentence of
# another entry, the same story title in `run` as in `stories` (cut at 200
# bytes), and counts of what to keep that start at 1.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
if [ ! -f examples/MANIFEST.tsv ]; then
    skip "timeline output" "examples/ not found"
    exit 0
fi
DB="$TMP/e.db"
chr --db "$DB" --quiet run examples > "$TMP/run.txt" 2>"$TMP/run.err"
check_eq "run on examples exits 0" "$?" 0
for opt in "--top 0" "--top=0" "--dates 0"; do
    chr --db "$DB" timeline --all $opt >/dev/null 2>"$TMP/err.txt"
    check_eq "timeline $opt is a usage error" "$?" 2
done
chr --db "$DB" timeline --all > "$TMP/all.txt"
chr --db "$DB" timeline --all --json --sentences 3 > "$TMP/all.json"
chr --db "$DB" stories --json > "$TMP/stories.json"
"$PY" - "$TMP/all.txt" "$TMP/all.json" "$TMP/run.txt" "$TMP/stories.json" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
tl = json.load(open(sys.argv[2]))
run = open(sys.argv[3], encoding="utf-8").read()
stories = json.load(open(sys.argv[4]))
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else " " + why))
spring = [e for e in tl if e["granularity"] == "season" and "this spring" in e["text"]]
need("season: JSON date is its first month, label names it",
     bool(spring) and spring[0]["date"] == "2025-03" and spring[0].get("label") == "spring 2025",
     repr(spring[:1]))
need("season: text output names it", re.search(r"^  spring 2025 +\d+  That bet", text, re.M) is not None)
need("season: not printed as a month", re.search(r"^  2025-03 +\d+  That bet", text, re.M) is None)
texts = [e["text"] for e in tl]
dup = sorted({t for t in texts if texts.count(t) > 1})
need("no sentence is the text of two entries", not dup, repr(dup))
q = [e for e in tl if "second-quarter results on July 24" in e["text"]]
need("a sentence goes to the entry it dates most finely",
     len(q) == 1 and q[0]["granularity"] == "day", repr([(e["date"], e["granularity"]) for e in q]))
extra = [(e["date"], s) for e in tl for s in e.get("sentences", [])[1:] if s in texts]
need("no extra sentence is another entry's text", not extra, repr(extra))
ok = True
for s in stories:
    t = s["title"] or ""
    if len(t.encode("utf-8")) > 203 or (len(t.encode("utf-8")) > 200 and not t.endswith("\u2026")):
        ok = False
    m = re.search(r"^STORY %d · .*\n((?:  .*\n)+?)\n" % s["id"], run, re.M)
    shown = " ".join(m.group(1).split()) if m else None
    if shown != " ".join(t.split()):
        ok = False
        print("  story %d: run %r, stories %r" % (s["id"], shown, t), file=sys.stderr)
need("run shows each story's title as stories does, cut at 200 bytes", ok and len(stories) >= 4)
PY

# long input ids as sources keep their ends, which tell articles apart
printf '%s\n' '{"id":"es-yemen-2011-02-15-ext_12","date":"2011-02-15","text":"Yemen protests grew on Monday in Sanaa as thousands marched against the president, witnesses said."}' \
    '{"id":"es-yemen-2011-02-15-ext_13","date":"2011-02-15","text":"Thousands marched in Sanaa on Monday against the president of Yemen, witnesses and officials said."}' > "$TMP/ids.jsonl"
check_eq "long source ids keep their distinguishing ends" \
    "$(chr --db "$TMP/ids.db" run "$TMP/ids.jsonl" 2>/dev/null | grep -c -- '—.*ext_12.*ext_13')" 1

# a source without an outlet is named by its file: whole up to 24 columns
# ("003_25c78f597e85f3c1"), else by its end
mkdir -p "$TMP/src"
printf ' date 2024-05-14\nOrne opens its new flood barrier\n\nThe town of Orne opened its new flood barrier on Monday, the mayor said.\n' > "$TMP/src/003_25c78f597e85f3c1.txt"
printf ' date 2024-05-15\nOrne barrier holds\n\nThe new flood barrier of Orne, opened on Monday, held back the river on Tuesday, officials said.\n' > "$TMP/src/2024-05-15-a-much-longer-file-name-ext_12.txt"
chr --db "$TMP/src.db" --quiet run "$TMP/src" > "$TMP/src.txt" 2>/dev/null
check "run: a 20-column file name shown whole" grep -q -- "— 003_25c78f597e85f3c1" "$TMP/src.txt"
check "run: a longer file name shown by its end" grep -q -- "…longer-file-name-ext_12" "$TMP/src.txt"
