#!/usr/bin/env bash
# End-to-end: Italian agency wire (tests/data/italian/arvenia.jsonl, six
# invented ANSA/AGI dispatches about one invented story, protests in
# "Arvenia" over six weeks, with datelines "(ANSA) - DORAVIA, 8 OTT -",
# accents written as apostrophes "venerdi'", "sig."/"dott." abbreviations
# and the agencies' trailing notices): one story, every article Italian, and
# the dates the sentences state land on the right days of `timeline --all`:
# weekdays after "per" ("sciopero per venerdi'") ahead, "nella notte tra
# domenica e lunedi'", a bare "nella notte", "in piazza sabato prossimo"
# (a day, not the name of a square), "nel fine settimana"; lengths of time
# ("sedici giorni", "dieci anni") date nothing.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
DB="$TMP/it.db"
chr --db "$DB" --quiet ingest tests/data/italian/arvenia.jsonl > /dev/null 2> "$TMP/ingest.err"
check_eq "italian: ingest exits 0" "$?" 0
chr --db "$DB" ls --json > "$TMP/ls.json"
chr --db "$DB" stories --json > "$TMP/stories.json"
chr --db "$DB" timeline --all --json > "$TMP/tl.json"
check_eq "italian: timeline --all --json exits 0" "$?" 0
"$PY" - "$TMP/ls.json" "$TMP/stories.json" "$TMP/tl.json" <<'EOF'
import json, sys
ls, stories, tl = (json.load(open(p)) for p in sys.argv[1:4])
def need(label, ok):
    print(("ok " if ok else "not ok ") + "italian: " + label)
need("six articles, every one identified as it",
     len(ls) == 6 and all(a.get("lang") == "it" for a in ls))
need("one story holds all six articles",
     len(stories) == 1 and stories[0].get("size") == 6)
# (day, article, date expression): an entry on that day cites that article
# with that expression (publication days: 8, 11, 14, 21 Oct, 4, 18 Nov 2019)
WANT = [
    ("2019-10-05", "arvenia-1", "sabato 5 ottobre"),
    ("2019-10-06", "arvenia-1", "notte tra domenica e lunedi'"),
    ("2019-10-07", "arvenia-1", "ieri sera"),
    ("2019-10-11", "arvenia-1", "venerdi'"),
    ("2019-10-10", "arvenia-2", "ieri"),
    ("2019-10-11", "arvenia-2", "oggi"),
    ("2019-10-13", "arvenia-2", "domenica"),
    ("2019-10-07", "arvenia-2", "lunedi'"),
    ("2019-11-17", "arvenia-2", "17 novembre"),
    ("2019-10-13", "arvenia-3", "ieri"),
    ("2019-10-13", "arvenia-3", "ieri in serata"),
    ("2019-10-21", "arvenia-4", "notte"),
    ("2019-10-05", "arvenia-4", "5 ottobre scorso"),
    ("2019-10-26", "arvenia-4", "sabato prossimo"),
    ("2019-10-28", "arvenia-4", "28 ottobre"),
    ("2019-11-01", "arvenia-5", "venerdi'"),
    ("2019-10-23", "arvenia-5", "23 ottobre"),
    ("2019-11-02", "arvenia-5", "fine settimana"),
    ("2019-11-17", "arvenia-6", "ieri"),
    ("2019-11-20", "arvenia-6", "mercoledi'"),
    ("2019-10-05", "arvenia-6", "5 ottobre"),
]
days_of = {}  # (article, expression) -> the entry days that cite it
exprs = set()
for entry in tl:
    for src in entry["sources"]:
        days_of.setdefault((src["article"], src["expression"]), []).append(entry["date"])
        exprs.add(src["expression"])
for want in WANT:
    cited_on = days_of.get(want[1:], [])
    need("%s '%s' on %s" % (want[1], want[2], want[0]), want[0] in cited_on)
    if want[0] not in cited_on:
        sys.stderr.write("  cited on: %s\n" % (sorted(cited_on) or "no day"))
need("no entry dated by a length of time ('sedici giorni', 'dieci anni')",
     not [x for x in exprs if "giorni" in x or "anni" in x])
need("no entry dated by the vote count ('112 voti')", not [x for x in exprs if "112" in x])
EOF
