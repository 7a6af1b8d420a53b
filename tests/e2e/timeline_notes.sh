#!/usr/bin/env bash
# End-to-end: a results table's footnotes ("NOTE: 1986 net includes ...")
# and an editor's note are no timeline entry and no summary sentence; the
# footnote stays in the stored text (searchable), the editor's note does not.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
F="$TMP/notes.jsonl"
"$PY" - > "$F" <<'PY'
import json
recs = [
    {"id": "n1", "date": "1987-03-02", "title": "ACME CORP 4TH QTR NET",
     "text": "NEW YORK, March 2 - Shr profit 15 cts vs profit four cts\n\nNet profit 72,000 vs profit 16,000\n\n"
             "Revs 7,075,000 vs 2,330,000\n\nNOTE: 1986 net includes tax credit of 1,200,000 dlrs recorded on December 31, 1986.\n\n"
             "Dividend payable April 15 to holders of record March 13, 1987."},
    {"id": "n2", "date": "1987-03-03", "title": "ACME CORP SETS DIVIDEND",
     "text": "NEW YORK, March 3 - Acme Corp said on March 3, 1987 its board approved a quarterly dividend of 18 cts for the 4th qtr.\n\n"
             "Editor's note: An earlier version of this story, published on March 2, 1987, misstated the dividend.\n\n"
             "Acme Corp said net profit rose to 72,000 dlrs in the 4th qtr."},
]
for r in recs:
    print(json.dumps(r))
PY
chr --db "$TMP/n.db" --quiet ingest "$F" >/dev/null 2>&1
check_eq "ingest exits 0" "$?" 0
chr --db "$TMP/n.db" timeline --all --json > "$TMP/tl.json"
chr --db "$TMP/n.db" summary --all --json > "$TMP/sum.json"
chr --db "$TMP/n.db" search "tax credit" --json > "$TMP/search.json"
chr --db "$TMP/n.db" search "misstated" --json > "$TMP/search2.json"
"$PY" - "$TMP/tl.json" "$TMP/sum.json" "$TMP/search.json" "$TMP/search2.json" <<'PY'
import json, sys
tl = json.load(open(sys.argv[1]))
sm = json.load(open(sys.argv[2]))
texts = [e["text"] for e in tl] + [s["sentence"] for e in tl for s in e["sources"]]
sums = [s["text"] for s in sm["sentences"]]
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else " " + why))
need("the timeline has entries", len(tl) >= 1, repr(texts))
need("no timeline text is a note", not any(t.startswith(("NOTE", "Dividend payable", "Editor")) for t in texts), repr(texts))
need("the summary has sentences", len(sums) >= 1, repr(sums))
need("no summary sentence is a note", not any(t.startswith(("NOTE", "Dividend payable", "Editor")) for t in sums), repr(sums))
found = json.load(open(sys.argv[3]))
need("the footnote is searchable", len(found) >= 1, repr(found))
need("the editor's note is not", len(json.load(open(sys.argv[4]))) == 0)
PY
