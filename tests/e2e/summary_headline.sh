#!/usr/bin/env bash
# End-to-end: a summary's headline and budget. A headline cut from a
# sentence says so ("...", at a clause break too) and has at most 14 words;
# it never repeats a summary line; a summary of many unrelated articles
# (a whole database) still fills its word budget. A story whose sentences
# are all fragments (wire items that open "said its unit ...") still gets
# a summary and a headline, and one with no sentence long enough its
# title as headline. A story without headlines is titled the same way: its
# central sentence shortened where only a detail is lost.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
# one story of one untitled article per case
summarise() { # NAME TEXT... -> $TMP/NAME.json
    local n=$1
    shift
    mkdir -p "$TMP/$n"
    { printf ' date 2024-04-21 %s\n\n' "$1"; shift; printf '%s\n\n' "$@"; } > "$TMP/$n/a.txt"
    chr --db "$TMP/$n.db" --quiet ingest "$TMP/$n" >/dev/null 2>&1
    chr --db "$TMP/$n.db" summary --all --json > "$TMP/$n.json"
}
summarise cut \
    "The new barrier will cost about 40 million euros and will be built by a group of local firms before the river rises again next winter, the mayor told residents at a crowded meeting." \
    "Residents of the lower town said they were relieved but worried about the cost."
summarise clause \
    "Another son of the leader, Khamis, was killed with his guards when rebel fighters attacked the convoy near Orne on Monday night." \
    "Residents of the lower town said they were relieved but worried about the cost."
summarise toll \
    "The death toll from the floods in the eastern Montalba region has risen to 14, regional officials said on Saturday, as rescue teams recovered two more bodies from a flooded car park." \
    "Residents of the lower town said they were relieved but worried about the cost."
chr --db "$TMP/toll.db" stories --json > "$TMP/toll-stories.json"
summarise repeat \
    "Orne council approves rebuilding flood barrier after river storm destroyed lower town homes." \
    "The new barrier will cost about 40 million euros, officials of the council said on Monday." \
    "Residents of the lower town said they were relieved but worried."
# twelve articles, six unrelated pairs: no word is in 30% of them
D="$TMP/many"
mkdir -p "$D"
i=0
while IFS= read -r line; do
    i=$((i + 1))
    printf ' date 2024-05-%02d %s\n' "$i" "$line" > "$D/a$i.txt"
done <<'TXT'
The Orne flood barrier collapsed overnight and muddy water reached the lower town.
Engineers blamed years of neglect after the Orne flood barrier gave way in heavy rain.
Copper miners at Velmar began an open strike over unpaid overtime and dangerous shafts.
The Velmar copper strike spread to the smelter as managers refused any wage talks.
Dense fog closed Tarsen airport again and stranded hundreds of cargo flights.
Airlines asked for new radar equipment because Tarsen airport closes so often in fog.
Kestel vineyards reported a record grape harvest thanks to a hot dry summer.
Wine makers in Kestel hired extra pickers for the record grape harvest this autumn.
A new Lumio bicycle factory opened with robots that assemble electric frames.
Lumio expects its bicycle factory to deliver forty thousand electric frames a year.
Thieves stole a famous painting from the Brask museum by cutting the canvas.
Police in Brask questioned museum guards about the stolen painting and its frame.
TXT
printf '{"id":"f1","title":"Acme completes bond issue","date":"1987-03-03","text":"said its unit completed the previously announced 50 mln dlr issue of two pct notes due 1992 through underwriters."}\n' > "$TMP/frag.jsonl"
chr --db "$TMP/frag.db" --quiet ingest "$TMP/frag.jsonl" >/dev/null 2>&1
chr --db "$TMP/frag.db" summary --all --json > "$TMP/frag.json"
printf '{"id":"s1","title":"Acme shares rise","date":"1987-03-03","text":"Acme rose."}\n' > "$TMP/short.jsonl"
chr --db "$TMP/short.db" --quiet ingest "$TMP/short.jsonl" >/dev/null 2>&1
chr --db "$TMP/short.db" summary --all --json > "$TMP/short.json"
chr --db "$TMP/many.db" --quiet ingest "$D" >/dev/null 2>&1
chr --db "$TMP/many.db" summary --all --words 60 --json > "$TMP/many.json"
check_eq "summary --all of unrelated articles exits 0" "$?" 0
"$PY" - "$TMP" <<'PY'
import json, sys
d = sys.argv[1]
def load(n):
    try:
        return json.load(open("%s/%s.json" % (d, n)))
    except Exception:
        return {"headline": "", "sentences": []}
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else " " + why))
h = load("cut")["headline"] or ""
need("headline: a cut sentence has at most 14 words", h.endswith("...") and len(h[:-3].split()) <= 14, repr(h))
h = load("clause")["headline"] or ""
need("headline: cut at a clause break ends in '...'", h.startswith("Another son of the leader, Khamis") and h.endswith("..."), repr(h))
s = load("repeat")
lines = [x["text"].rstrip(".") for x in s["sentences"]]
need("headline: not a summary line again", (s["headline"] or "").rstrip(".") not in lines and len(lines) == 3,
     repr((s["headline"], lines)))
s = load("frag")
need("summary of fragments only: the fragment, and the title as headline",
     s["headline"] == "Acme completes bond issue" and len(s["sentences"]) == 1
     and s["sentences"][0]["text"].startswith("said its unit"), repr(s))
s = load("short")
need("no sentence long enough: the title is the headline", s["headline"] == "Acme shares rise",
     repr(s))
h = load("toll")["headline"] or ""
try:
    t = json.load(open(d + "/toll-stories.json"))[0]["title"]
except Exception as e:
    t = repr(e)
need("headline: a trailing attribution and adjunct are dropped, not cut",
     h == "The death toll from the floods in the eastern Montalba region has risen to 14", repr(h))
need("story title of an untitled story: shortened like the headline", t == h, repr((t, h)))
s = load("many")
words = sum(len(x["text"].split()) for x in s["sentences"])
need("summary --all of unrelated articles fills its budget", words >= 45, "%d words: %r" % (words, s["sentences"]))
PY
