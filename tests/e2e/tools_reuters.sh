#!/usr/bin/env bash
# chronicle — end-to-end: tools/reuters2jsonl.py on a Reuters-21578-shaped
# fixture. The dateline opens the text as the wire printed it, so the
# pipeline reads the day the story was written from it: "today" in a story
# datelined March 11 and stamped March 12 is March 11.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh

mkdir -p "$TMP/sgm"
cat >"$TMP/sgm/reut2-000.sgm" <<'S'
<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="7">
<DATE>12-MAR-1987 01:02:03.45</DATE>
<TOPICS><D>crude</D></TOPICS>
<TEXT>&#2;
<TITLE>TARVOS OIL CUTS CRUDE PRICES</TITLE>
<DATELINE>    HOUSTON, March 11 - </DATELINE><BODY>Tarvos Oil Corp said today it cut
its posted prices for crude oil by 50 cts a barrel, &lt;Lidia Marsh Co> said.
 REUTER
&#3;</BODY></TEXT>
</REUTERS>
S
$PY tools/reuters2jsonl.py "$TMP/sgm" >"$TMP/r.jsonl"
$PY - "$TMP/r.jsonl" <<'P'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
def check(name, cond, detail=""):
    print(("ok " if cond else "not ok ") + name)
    if not cond:
        print("  " + detail, file=sys.stderr)
r = recs[0] if recs else {}
check("one record with the wire's date", len(recs) == 1 and r.get("date") == "1987-03-12", json.dumps(recs))
check("the text opens with its dateline", r.get("text", "").startswith("HOUSTON, March 11 - Tarvos Oil"), r.get("text", ""))
check("the company's mark is kept as its name", "Lidia Marsh Co said" in r.get("text", ""), r.get("text", ""))
P
chr --db "$TMP/r.db" --quiet ingest "$TMP/r.jsonl" || fail "ingest" "exit $?"
got=$(chr --db "$TMP/r.db" show 1 --json | $PY -c '
import json, sys
print(",".join(t["value"] for t in json.load(sys.stdin)["timexes"] if t["text"].lower() == "today"))')
check_eq "'today' is the day the dateline names" "$got" "1987-03-11"
