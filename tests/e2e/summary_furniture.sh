#!/usr/bin/env bash
# End-to-end: a sentence that several independent articles carry word for
# word (a site's note, a teaser) is no summary sentence, however much of the
# story's vocabulary it holds.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
D="$TMP/in"
mkdir -p "$D"
note="Our special pages cover the Orne flood barrier, the river Orne and the lower town of Orne since the storm broke the barrier."
i=0
for body in \
    "The old flood barrier of Orne broke in the night storm on 12 March and the river flooded the lower town, officials said." \
    "Engineers said the barrier of Orne had been weakened by years of neglect before the storm broke it." \
    "Insurers counted more than 400 claims from the lower town of Orne after the river flooded homes and shops." \
    "The council of Orne promised a new barrier on the river before next winter, the mayor told residents."; do
    i=$((i + 1))
    printf ' date 2024-04-2%d %s\n\n%s\n\nResidents number %d said they would stay.\n' "$i" "$body" "$note" "$i" > "$D/a$i.txt"
done
chr --db "$TMP/s.db" --quiet ingest "$D" >/dev/null 2>&1
chr --db "$TMP/s.db" summary --all --words 60 --json > "$TMP/sum.json"
check_eq "summary --all --json exits 0" "$?" 0
"$PY" - "$TMP/sum.json" "$note" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
texts = [x["text"] for x in s["sentences"]]
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else " " + why))
need("the summary has sentences", len(texts) >= 2, repr(texts))
need("the note the four pages carry is not one of them", sys.argv[2] not in texts, repr(texts))
need("nor the headline", sys.argv[2][:40] not in s["headline"], repr(s["headline"]))
PY
