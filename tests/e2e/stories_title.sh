#!/usr/bin/env bash
# End-to-end: the title of a story of untitled pages (text saved from the
# web, as ML-Crisis ships them) is their headline or first sentence, not the
# site's name or tagline on the first line, nor its menu of sections.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
"$PY" - "$TMP/pages.jsonl" <<'PY'
import json, sys
pages = [
    "Il Post\nHome Italia Mondo Politica Tecnologia Internet Scienza Cultura Economia Sport\n"
    "Obama dice che Assad se ne deve andare\n"
    "Ieri il presidente degli Stati Uniti Barack Obama ha chiesto le dimissioni del presidente "
    "siriano Bashar al-Assad, insieme a Regno Unito, Francia e Germania.",
    "Limes - Rivista italiana di geopolitica\n"
    "Obama chiede le dimissioni di Assad\n"
    "Il presidente Barack Obama ha chiesto ieri le dimissioni del presidente siriano Bashar "
    "al-Assad, con Regno Unito, Francia e Germania.",
]
with open(sys.argv[1], "w") as f:
    for i, t in enumerate(pages):
        f.write(json.dumps({"id": "p%d" % i, "text": t, "date": "2011-08-19", "lang": "it"}) + "\n")
PY
chr --db "$TMP/t.db" --quiet ingest "$TMP/pages.jsonl" >/dev/null 2>&1
chr --db "$TMP/t.db" stories --json > "$TMP/stories.json"
"$PY" - "$TMP/stories.json" "$TMP/t.db" "$CHR_BIN" <<'PY'
import json, subprocess, sys
stories = json.load(open(sys.argv[1]))
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else " " + why))
titles = [s["title"] for s in stories]
need("stories: the site's name or tagline is no title",
     all(t and not t.startswith(("Il Post", "Limes")) for t in titles), repr(titles))
need("stories: the untitled pages form one story", len(stories) == 1, repr(titles))
show = json.loads(subprocess.run([sys.argv[3], "--db", sys.argv[2], "show", "p0", "--json"],
                                 capture_output=True, text=True).stdout)
need("clean: a menu of sections goes", "Home Italia Mondo" not in show["clean_text"],
     repr(show["clean_text"][:120]))
PY
