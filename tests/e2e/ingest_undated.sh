#!/usr/bin/env bash
# chronicle — end-to-end: an article without a publication date. A date
# read from its text alone (a year it names, a day it announces) stands only
# when a dateline states it or a dated story-mate bears it out; otherwise the
# article stays undated and its "Friday" and "yesterday" are left unresolved
# rather than counted from a made-up day (a 1998 report naming the 1982 war
# was dated 1982-10-10, and its "arrested Friday" became 1982-10-08).
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh

D="$TMP/in"
mkdir -p "$D"
cat >"$D/pinochet.txt" <<'T'
Margaret Thatcher entertained Augusto Pinochet at her home two weeks before he was arrested in a London hospital, her office said Tuesday.

Pinochet had surgery on Oct. 9 and was arrested Friday at a Spanish magistrate's request.

He was the only Latin American leader to support Britain in its 1982 war with Argentina.
T
cat >"$D/dateline.txt" <<'T'
GENEVA, May 14 (Wire) - Delegates of the Tarvos basin states met on Tuesday to sign the water accord, the first since 2019.

The accord takes effect on June 1.
T
chr --db "$TMP/u.db" --quiet ingest "$D" || fail "ingest" "exit $?"
chr --db "$TMP/u.db" ls --json >"$TMP/ls.json"
chr --db "$TMP/u.db" timeline --all --json >"$TMP/tl.json"
$PY - "$TMP/ls.json" "$TMP/tl.json" <<'P'
import json, sys
arts = {a["source"].rsplit("/", 1)[-1]: a for a in json.load(open(sys.argv[1]))}
tl = json.load(open(sys.argv[2]))
def check(name, cond, detail=""):
    print(("ok " if cond else "not ok ") + name)
    if not cond and detail:
        print("  " + detail, file=sys.stderr)
p = arts.get("pinochet.txt", {})
check("a text dated by nothing but the years it names stays undated",
      p.get("pub_date") is None and p.get("pub_date_source") is None, json.dumps(p))
days = [e["date"] for e in tl]
check("its 'Friday' and 'Tuesday' are no days of 1982",
      not any(d.startswith("1982-") and len(d) == 10 for d in days), json.dumps(days))
check("its named year stays an entry", any(d == "1982" for d in days), json.dumps(days))
g = arts.get("dateline.txt", {})
check("a dateline's day without its year, and a year the text names, date nothing",
      g.get("pub_date") is None, json.dumps(g))
check("... nor does the day it announces ('takes effect on June 1')",
      not any(d.startswith("2019-") for d in days), json.dumps(days))
P
