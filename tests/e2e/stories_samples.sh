#!/usr/bin/env bash
# chronicle — stories end to end: the five shared samples form exactly one
# story; the examples/ corpus forms the stories examples/MANIFEST.tsv says,
# with the Herald reprint folded as a near-duplicate; story ids stay the
# same when more articles arrive in a later run; `story ID` and
# `ingest --recluster` work. Reads `stories --json` like external scorers do.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh

# stories --json of a database -> "source<TAB>story<TAB>duplicate_of" lines
assignments() {
    chr --db "$1" stories --json | $PY -c '
import json, sys
for s in json.load(sys.stdin):
    for a in s["articles"]:
        print("%s\t%s\t%s" % (a["source"], s["id"], a["duplicate_of"] or 0))'
}

SAMPLES="$CHR_SHARED/samples"
if [ -d "$SAMPLES" ]; then
    chr --db "$TMP/s.db" --quiet ingest "$SAMPLES" >/dev/null 2>&1
    assignments "$TMP/s.db" >"$TMP/s.tsv"
    check_eq stories_samples_articles "$(wc -l <"$TMP/s.tsv" | tr -d ' ')" 5
    check_eq stories_samples_one_story "$(cut -f2 "$TMP/s.tsv" | sort -u | wc -l | tr -d ' ')" 1
else
    skip stories_samples "no $SAMPLES"
fi

# examples/: the manifest names each file's story
chr --db "$TMP/e.db" --quiet ingest examples >/dev/null 2>&1
assignments "$TMP/e.db" >"$TMP/e.tsv"
if [ ! -s "$TMP/e.tsv" ]; then # nothing below can be checked
    fail stories_ingest_assigns "ingest stored articles but assigned no story: the pipeline must call chr_cluster_add_doc (docs/stories.md, Pipeline hook)"
    exit 0
fi
$PY - "$TMP/e.tsv" examples/MANIFEST.tsv <<'PY'
import collections, sys
assigned = {}
for line in open(sys.argv[1], encoding="utf-8"):
    src, story, dup = line.rstrip("\n").split("\t")
    assigned[src.replace("\\", "/").split("examples/", 1)[-1]] = (story, int(dup))
gold = {}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    name, label = line.split("\t")[:2]
    if name.startswith("wire-"):  # wire.jsonl line N
        name = "wire.jsonl#%d" % int(name[5:])
    gold[name] = label
def check(name, cond, why=""):
    print(("ok " if cond else "not ok ") + name)
    if not cond and why:
        print("  " + why, file=sys.stderr)
missing = sorted(set(gold) - set(assigned))
check("stories_examples_all_assigned", not missing, "missing: %s" % missing)
by_label = collections.defaultdict(set)
by_story = collections.defaultdict(set)
for name, label in gold.items():
    if name in assigned:
        by_label[label].add(assigned[name][0])
        by_story[assigned[name][0]].add(label)
for label, stories in sorted(by_label.items()):
    check("stories_examples_%s_together" % label, len(stories) == 1, "split over %s" % stories)
mixed = {s: l for s, l in by_story.items() if len(l) > 1}
check("stories_examples_apart", not mixed, "mixed stories: %s" % mixed)
check("stories_examples_count", len(by_story) == len(by_label),
      "%d stories for %d" % (len(by_story), len(by_label)))
# the Herald reprint is a near-duplicate of the Reuters original
orig, reprint = assigned.get("visit-04-reuters-agreements.txt"), assigned.get("visit-05-herald-reprint.txt")
check("stories_examples_reprint_folded", bool(orig and reprint and reprint[1] > 0 and orig[1] == 0
      and reprint[0] == orig[0]), "original %s reprint %s" % (orig, reprint))
check("stories_examples_no_other_duplicates",
      sum(1 for n, (s, d) in assigned.items() if d) == 1)
PY

# story ID: text and JSON, duplicates folded under their canonical article
sid=$(cut -f2 "$TMP/e.tsv" | head -1)
if [ -n "$sid" ]; then
    chr --db "$TMP/e.db" story "$sid" >"$TMP/story.txt"
    check stories_story_text grep -q "^story $sid: " "$TMP/story.txt"
    chr --db "$TMP/e.db" story "$sid" --json >"$TMP/story.json"
    check stories_story_json $PY -c '
import json, sys
s = json.load(open(sys.argv[1]))
n = len(s["articles"]) + sum(len(a["duplicates"]) for a in s["articles"])
assert s["id"] == int(sys.argv[2]) and n == s["size"] and s["title"]' "$TMP/story.json" "$sid"
fi
# a story whose articles have headlines is titled by one (the election: wire.jsonl)
chr --db "$TMP/e.db" stories --json >"$TMP/all.json"
check stories_title_is_a_headline $PY -c '
import json, sys
heads = {json.loads(l).get("title") for l in open(sys.argv[2], encoding="utf-8") if l.strip()}
st = [s for s in json.load(open(sys.argv[1])) if any("wire.jsonl" in a["source"] for a in s["articles"])
      and any("election" in a["source"] for a in s["articles"])]
assert st and st[0]["title"] in heads, st and st[0]["title"]' "$TMP/all.json" examples/wire.jsonl
# --limit N: the N largest stories
check stories_limit $PY -c '
import json, subprocess, sys
all_ = json.load(open(sys.argv[1]))
two = json.loads(subprocess.run(sys.argv[2:] + ["stories", "--json", "--limit", "2"],
                                stdout=subprocess.PIPE, check=True).stdout)
assert [s["id"] for s in two] == [s["id"] for s in all_[:2]], (two, all_[:2])' "$TMP/all.json" "$CHR_BIN" --db "$TMP/e.db"
chr --db "$TMP/e.db" stories --limit 0 >/dev/null 2>&1
check_eq stories_limit_usage_exit $? 2
chr --db "$TMP/e.db" story 999999 >/dev/null 2>&1
check_eq stories_story_unknown_exit $? 1
chr --db "$TMP/e.db" story >/dev/null 2>&1
check_eq stories_story_usage_exit $? 2

# ids are stable: the election files in a first run, the rest in a second
mkdir -p "$TMP/part1" "$TMP/part2"
cp examples/election-0[1-3]*.txt "$TMP/part1/"
cp examples/*.txt "$TMP/part2/" && rm -f "$TMP"/part2/election-0[1-3]*.txt
chr --db "$TMP/p.db" --quiet ingest "$TMP/part1" >/dev/null 2>&1
before=$(assignments "$TMP/p.db" | cut -f2 | sort -u)
chr --db "$TMP/p.db" --quiet ingest "$TMP/part2" >/dev/null 2>&1
after=$(assignments "$TMP/p.db" | grep '/part1/' | cut -f2 | sort -u)
check_eq stories_ids_stable "$after" "$before"
later=$(assignments "$TMP/p.db" | grep '/part2/election' | cut -f2 | sort -u)
check_eq stories_later_articles_join "$later" "$before"

# --recluster rebuilds the same grouping from the stored articles
chr --db "$TMP/e.db" --quiet ingest --recluster >/dev/null 2>&1
assignments "$TMP/e.db" >"$TMP/r.tsv"
norm() { # partition as sorted groups of sources
    sort -k2,2 "$1" | awk -F'\t' '{g[$2] = g[$2] " " $1} END {for (k in g) print g[k]}' | sort
}
check_eq stories_recluster_same "$(norm "$TMP/r.tsv")" "$(norm "$TMP/e.tsv")"
