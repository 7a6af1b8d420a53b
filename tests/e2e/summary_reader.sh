#!/usr/bin/env bash
# End-to-end: a summary a reader accepts. A story's headline is its title
# as `stories` shows it, not a sentence cut with "..."; without a story
# (--all) a sentence gives its main clause whole ("..., officials said"
# dropped) before any cut. The summary opens on an article's lead, not on a
# detail from further down an older article; the rest stay in date order.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
# --all of one untitled article: the attribution goes, no "..."
mkdir -p "$TMP/attr"
printf ' date 2024-04-21 The Orne flood barrier collapsed overnight and water reached the lower town, officials of the regional council said on Monday.\n\nResidents of the lower town said they were relieved but worried about the cost.\n' > "$TMP/attr/a.txt"
chr --db "$TMP/attr.db" --quiet ingest "$TMP/attr" >/dev/null 2>&1
chr --db "$TMP/attr.db" summary --all --words 20 --json > "$TMP/attr.json"
# --all of three dated articles: the oldest gives a detail (its second
# sentence), the newest its lead
D="$TMP/ord"
mkdir -p "$D"
printf ' date 2024-03-01 Residents of the lower town packed the school hall on a rainy evening for a long and noisy meeting with their neighbours.\n\nThe council approved the new Orne flood barrier costing 40 million euros.\n' > "$D/a1.txt"
printf ' date 2024-03-05 The new Orne flood barrier costing 40 million euros will be finished before next winter, engineers of the council said.\n\nWork on the barrier starts in April.\n' > "$D/a2.txt"
printf ' date 2024-03-06 Engineers said the new Orne flood barrier costing 40 million euros will protect the lower town from the river.\n\nThe mayor thanked them.\n' > "$D/a3.txt"
chr --db "$TMP/ord.db" --quiet ingest "$D" >/dev/null 2>&1
chr --db "$TMP/ord.db" summary --all --words 35 --json > "$TMP/ord.json"
check_eq "summary --all --words 35 exits 0" "$?" 0
SAMPLES="$CHR_SHARED/samples"
if [ -d "$SAMPLES" ]; then
    chr --db "$TMP/s.db" --quiet ingest "$SAMPLES" >/dev/null 2>&1
    chr --db "$TMP/s.db" stories --json > "$TMP/stories.json"
    chr --db "$TMP/s.db" summary 1 --json > "$TMP/s1.json"
else
    skip summary_reader_samples "no $SAMPLES"
fi
"$PY" - "$TMP" "$D" <<'PY'
import json, os, sys
d, ord_dir = sys.argv[1], sys.argv[2]
def load(n):
    try:
        return json.load(open("%s/%s.json" % (d, n)))
    except Exception:
        return None
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else " " + why))
s = load("attr") or {"headline": ""}
need("--all headline: the main clause whole, without the attribution",
     s["headline"] == "The Orne flood barrier collapsed overnight and water reached the lower town",
     repr(s["headline"]))
s = load("ord") or {"sentences": []}
texts = [x["text"] for x in s["sentences"]]
need("order: opens on an article's lead, then date order",
     texts == ["Engineers said the new Orne flood barrier costing 40 million euros will protect "
               "the lower town from the river.",
               "The council approved the new Orne flood barrier costing 40 million euros."],
     repr(texts))
s, stories = load("s1"), load("stories")
if s is not None and stories is not None:
    title = [x["title"] for x in stories if x["id"] == 1][0]
    # the story's title, unless the summary already says it in a line
    repeats = any(" ".join(title.split()) in " ".join(x["text"].split()) for x in s["sentences"])
    need("samples: the headline is the story's title unless a summary line repeats it",
         s["headline"] == title if not repeats else s["headline"] != title,
         repr((s["headline"], title)))
    need("samples: the headline is no cut sentence", not s["headline"].endswith("...")
         and len(s["headline"].split()) <= 17, repr(s["headline"]))
    first = s["sentences"][0]
    art = open(first["article"], encoding="utf-8").read()
    at = " ".join(art.split()).find(first["text"])
    before = " ".join(art.split())[:at].split()
    need("samples: the summary opens on an article's lead",
         at >= 0 and len(before) < 15, "%d words before %r" % (len(before), first["text"]))
PY
