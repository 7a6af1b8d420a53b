#!/usr/bin/env bash
# End-to-end: timelines of the repo's example corpus (examples/, four
# invented stories, see examples/MANIFEST.tsv): the events each story's
# articles date, with the right sources, one entry per event across
# outlets, relative dates in Spanish, near-duplicates counted once (when the
# story step recorded them), no headline or byline lines as events, no date
# conflict between two fresh reports, a report over a forecast as text.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
if [ ! -f examples/MANIFEST.tsv ]; then
    skip "timeline examples" "examples/ not found"
    exit 0
fi
DB="$TMP/e.db"
chr --db "$DB" --quiet run examples > "$TMP/run.txt" 2>"$TMP/run.err"
check_eq "run on examples exits 0" "$?" 0
grep -qE '^(STORY [0-9]+|ALL ARTICLES) ·' "$TMP/run.txt"; check "run prints stories" test $? -eq 0
# a story with more entries than it shows (one a date) says how many more,
# as many as `timeline ID` lists beyond them
first=$(grep -m1 -oE '^STORY [0-9]+' "$TMP/run.txt" | cut -d' ' -f2)
shown=$(chr --db "$DB" timeline "$first" --top 20 --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
all=$(chr --db "$DB" timeline "$first" --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
check_eq "run says how many more entries a story has" \
    "$(awk -v s="STORY $first " 'index($0, s) == 1 {on = 1; next} /^STORY / {on = 0} on && /more entr/' "$TMP/run.txt" | grep -oE '[0-9]+ more')" \
    "$((all - shown)) more"
# ... with the command that lists them, naming the database
hint=$(grep -m1 -oE 'more entr(y|ies): .*' "$TMP/run.txt" | sed 's/^more entr[a-z]*: //')
check_eq "run's hint names its database" "$(echo "$hint" | cut -d' ' -f1-3)" "chronicle --db $DB"
chr --db "$DB" timeline --all --json > "$TMP/all.json"
check_eq "timeline --all --json exits 0" "$?" 0
# near-duplicate groups the story step recorded (article source -> canonical source)
sqlite3 "$DB" "SELECT a.source, c.source FROM story_article s JOIN articles a ON a.id = s.article_id
               JOIN articles c ON c.id = s.duplicate_of" > "$TMP/dups.txt" 2>/dev/null
"$PY" - "$TMP/all.json" "$TMP/dups.txt" <<'EOF'
import json, sys
tl = json.load(open(sys.argv[1]))
dups = {}
for ln in open(sys.argv[2]):
    a, _, c = ln.rstrip("\n").partition("|")
    if a:
        dups[a] = c
def name(s):
    return s["article"].rsplit("/", 1)[-1]
def files(e):
    return {name(s) for s in e["sources"]}
def need(label, ok):
    print(("ok " if ok else "not ok ") + label)
def entries(date, file=None, word=None):
    return [e for e in tl if e["date"] == date
            and (file is None or any(file in f for f in files(e)))
            and (word is None or word in e["text"] or any(word in s["sentence"] for s in e["sources"]))]
# visit: the visit from March 3 (announced as March 3-5, arrival on Monday), agreements on
# Tuesday March 4, ratification vote March 25
v = [e for e in tl if e["date"] == "2025-03-03"
     and any("visit-01" in f for f in files(e)) and any("visit-02" in f for f in files(e))]
need("examples: state visit from March 3 (announcement and arrival)", bool(v))
agr = entries("2025-03-04", "visit-04")
need("examples: agreements on March 4 (Reuters, reprint)",
     bool(agr) and any("visit-05" in f for f in files(agr[0])))
if agr:
    e = agr[0]
    indep = {dups.get(s["article"], s["article"]) for s in e["sources"]}
    need("examples: support counts independent articles", e["support"] == len(indep))
need("examples: ratification vote March 25", bool(entries("2025-03-25", "visit-06")))

need("examples: Lyon on March 5", bool(entries("2025-03-05", "visit-06")))
# flood: storm October 15 (explicit and 'Tuesday night'), Spanish 'este martes' aid package
st = entries("2024-10-15", "flood-05")
need("examples: flood night of October 15", bool(st))
need("examples: Spanish 'este martes' = 2024-10-22",
     any(s["expression"] == "este martes" for e in entries("2024-10-22") for s in e["sources"]))
need("examples: emergency declared on Thursday October 17", bool(entries("2024-10-17", "flood-02")))
# recall: the recall on June 4 reported by three outlets is one entry
rec = entries("2025-06-04", word="recall")
need("examples: recall on June 4", bool(rec))
need("examples: recall from 3 sources in one entry", bool(rec) and max(e["support"] for e in rec) >= 3)
# election: vote on Sunday September 14, coalition signed Monday September 22, sworn in Sept 30
need("examples: election day September 14",
     any({"election-02-ap-vote.txt", "election-03-reuters-results.txt"} <= files(e)
         for e in entries("2025-09-14")))
need("examples: coalition deal September 22", bool(entries("2025-09-22", "wire-0004")))
need("examples: sworn in September 30", bool(entries("2025-09-30", "election-05")))
need("examples: vote on nomination September 29", bool(entries("2025-09-29", "wire-0004")))
# no entry is a byline, a headline or a caption
need("examples: no byline or headline entries",
     not any(e["text"].startswith("Posted by") or " | " in e["text"] for e in tl))
# an entry's text states the event in the reporter's words: not a quotation
# when another source sentence states the date, not a sentence about a later event
day = [e for e in entries("2025-09-14") if e["support"] >= 3]
need("examples: election entry text is a statement, not a quote",
     bool(day) and not day[0]["text"].lstrip().startswith(('"', '\u201c'))
     and "sworn in" not in day[0]["text"])
need("examples: texts are source sentences",
     all(e["text"] in [s["sentence"] for s in e["sources"]] for e in tl))
# a reporter's own day is not in doubt: the shares that plunged "on Thursday"
# in Thursday's AP report are an event of June 5, not a conflicting date of
# Monday's halt (their words are alike: the firm, the recall, the fire risk)
need("examples: a fresh report of its own day is no date conflict",
     not any("2025-06-05" in (e.get("conflict") or "") for e in tl)
     and bool(entries("2025-06-05", "recall-03", "plunged")))
# "joining the recall announced last week" in a Wednesday report: the week
# is said beside that Wednesday, its words are the Wednesday's, so it joins
# no day of its week (it is not a second source of Monday's halt)
need("examples: a week said beside a finer date joins no day",
     not any("wire-0001" in files(e) for e in entries("2025-06-02", word="halted")))
# the day is stated by the report of it, not by the preview that announced it
lyon = entries("2025-03-05", "visit-06")
need("examples: a day's text is its report, not an earlier forecast",
     bool(lyon) and "wrapped up" in lyon[0]["text"])
EOF

# --dates: N days, day entries only, K sentences per day at most
chr --db "$DB" timeline --all --json --dates 5 --sentences 2 > "$TMP/d.json"
"$PY" -c '
import json,sys,collections
t=json.load(open(sys.argv[1]))
days=collections.Counter()
for e in t:
    assert e["granularity"]=="day", e
    days[e["date"]]+=len(e["sentences"])
assert len(days)==5 and all(1<=v<=2 for v in days.values()), days
' "$TMP/d.json"; check "examples: --dates 5 --sentences 2" test $? -eq 0
# "later this month", said on March 4, is no event of the weekend before
# (the visit story's own timeline)
vid=$(chr --db "$DB" stories --json | "$PY" -c '
import json, sys
print(next(s["id"] for s in json.load(sys.stdin) if any("visit-04" in a["source"] for a in s["articles"])))')
chr --db "$DB" timeline "$vid" --json | "$PY" -c '
import json, sys
wk = [e for e in json.load(sys.stdin) if any(s["expression"] == "later this month" for s in e["sources"])]
assert wk and all(e["date"] > "2025-03-04" for e in wk), [(e["date"], e["text"][:50]) for e in wk]
'
check "examples: 'later this month' lies after its report" test $? -eq 0
