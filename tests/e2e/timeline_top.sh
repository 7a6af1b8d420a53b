#!/usr/bin/env bash
# End-to-end: `timeline --top N` keeps at most N entries, one per date. On
# the whole database (`--all`, read against day-level reference timelines)
# it keeps the N most important days as `--dates N` does, one entry each
# with up to K sentences (--sentences K), so that a scorer asking for the
# reference's number of dates gets that many distinct days.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
DB="$TMP/t.db"
chr --db "$DB" --quiet ingest examples >/dev/null 2>&1
chr --db "$DB" timeline --all --json --top 6 --sentences 2 > "$TMP/top.json"
chr --db "$DB" timeline --all --json --dates 6 --sentences 2 > "$TMP/dates.json"
chr --db "$DB" timeline --all --json > "$TMP/full.json"
# every candidate day with every entry: the ranking eval/date_rank_study.py reads
chr --db "$DB" timeline --all --json --dates 1000000 --sentences 1000000 > "$TMP/every.json"
# every story with --top 3, 4, 8 and more than it has entries, and its full
# timeline
for sid in $(chr --db "$DB" stories --json | "$PY" -c "import json,sys; print(' '.join(str(s['id']) for s in json.load(sys.stdin)))"); do
    for n in 3 4 8 500; do
        chr --db "$DB" timeline "$sid" --json --top "$n" > "$TMP/story-$sid-$n.json"
    done
    chr --db "$DB" timeline "$sid" --json > "$TMP/story-$sid.json"
done
"$PY" - "$TMP" <<'PYEOF'
import json, sys, os
d = sys.argv[1]
load = lambda n: json.load(open(os.path.join(d, n)))
top, dates, full = load("top.json"), load("dates.json"), load("full.json")
every = load("every.json")
runs = []  # (n, its --top n timeline, the full timeline of its story)
for name in sorted(os.listdir(d)):
    parts = name[:-5].split("-")
    if name.startswith("story-") and len(parts) == 3:
        runs.append((int(parts[2]), load(name), load("story-%s.json" % parts[1])))
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else "  " + why))
key = lambda e: (e["date"], e.get("end"), e["granularity"])
days = [e["date"] for e in top]
need("--all --top 6: 6 entries", len(top) == 6, str(len(top)))
need("--all --top 6: 6 distinct days", len(set(days)) == 6 and
     all(e["granularity"] == "day" for e in top), str(days))
need("--all --top 6: the days of --dates 6", set(days) == {e["date"] for e in dates},
     "%s vs %s" % (sorted(days), sorted({e["date"] for e in dates})))
need("every entry gives its importance", all(isinstance(e.get("importance"), (int, float))
                                             for t in (top, dates, full, every) for e in t))
need("ranked days give their day_importance, its entries one value",
     all(len({x.get("day_importance") for x in every if x["date"] == e["date"]} - {None}) == 1
         for e in every)
     and all("day_importance" not in e for e in full), str(every[:2]))
byday = {e["date"]: e.get("day_importance", 0) for e in every}
best6 = sorted(byday, key=lambda k: (-byday[k], k))[:6]
need("--all --top 6: the 6 days of highest day_importance", len(byday) > 6 and set(best6) == set(days),
     "%s vs %s" % (sorted(best6), sorted(days)))
need("--all --top: at most K sentences each", all(1 <= len(e.get("sentences") or [e["text"]]) <= 2
                                                  for e in top))
need("the full --all timeline has more entries than days (the case --top folds)",
     len(full) > len({key(e) for e in full}) or len(dates) > 6)
need("stories --top N: at most N entries", runs and all(1 <= len(t) <= n for n, t, _ in runs))
need("stories --top N: one entry per date", all(len({key(e) for e in t}) == len(t)
                                                for _, t, _ in runs),
     str([[key(e) for e in t] for _, t, _ in runs if len({key(e) for e in t}) < len(t)]))
dd = lambda t: [e["date"] for e in t if e["granularity"] == "day"]
need("stories --top N: days in date order", all(dd(t) == sorted(dd(t)) for _, t, _ in runs))
need("stories --top N: entries of the full timeline", all(
    any(f["text"] == e["text"] and key(f) == key(e) for f in full_) for _, t, full_ in runs
    for e in t))
PYEOF
# without --sentences no entry carries sentences; --top and --dates together
# are a usage error (which one would win is not obvious)
n=$(chr --db "$DB" timeline --all --json --top 3 | grep -c '"sentences"')
check_eq "--all --top without --sentences: texts only" "$n" 0
chr --db "$DB" timeline --all --top 3 --dates 5 > /dev/null 2> "$TMP/both.err"
check_eq "--top with --dates: usage error (exit 2)" "$?" 2
check "--top with --dates: says why" grep -q "not both" "$TMP/both.err"

# a story's --top N: the N most important entries, the best-supported one
# kept in the place of the least, unless its date is already shown (the
# king's visit announced by three on 12 March gives way to the barrier that
# broke that day)
cat > "$TMP/top2.jsonl" <<'JSONL'
{"id": "v1", "date": "2024-03-01", "lang": "en", "title": "Orne flood barrier: king to attend harbour festival", "text": "The flood barrier of Orne is old and the river of Orne is high. The king will attend the harbour festival on 12 March, palace officials said."}
{"id": "v2", "date": "2024-03-02", "lang": "en", "title": "Orne flood barrier worries: king to attend festival", "text": "The river of Orne is high and the old flood barrier of Orne worries engineers. Palace officials said the king will attend the harbour festival on 12 March."}
{"id": "v3", "date": "2024-03-03", "lang": "en", "title": "Orne river high; king to attend harbour festival", "text": "Engineers in Orne watched the old flood barrier as the river rose. The king will attend the harbour festival on 12 March, the palace announced."}
{"id": "b1", "date": "2024-03-20", "lang": "en", "title": "Orne flood barrier broke", "text": "The old flood barrier of Orne broke on 12 March and the river flooded the lower town. Insurers counted claims."}
{"id": "b2", "date": "2024-03-21", "lang": "en", "title": "Orne counts flood damage", "text": "The river flooded the lower town of Orne after the old flood barrier broke on 12 March. Shops stayed closed."}
{"id": "r1", "date": "2024-03-20", "lang": "en", "title": "Orne road closed after flood", "text": "The council of Orne closed the riverside road on 14 March after the flood barrier broke. Traffic was diverted."}
{"id": "m1", "date": "2024-03-21", "lang": "en", "title": "Orne mayor resigns over flood", "text": "The mayor of Orne resigned on 16 March over the flood barrier failure. His deputy took over."}
JSONL
chr --db "$TMP/top2.db" --quiet ingest "$TMP/top2.jsonl" >/dev/null 2>&1
got=$(chr --db "$TMP/top2.db" timeline --all --top 2 --json >/dev/null 2>&1; sid=$(chr --db "$TMP/top2.db" stories --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])'); chr --db "$TMP/top2.db" timeline "$sid" --top 2 --json | "$PY" -c 'import json,sys; print(" ".join(e["date"] for e in json.load(sys.stdin)))')
check_eq "story --top 2 keeps the most important, one per date" "$got" "2024-03-12 2024-03-16"
