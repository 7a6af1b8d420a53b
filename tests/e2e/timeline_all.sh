#!/usr/bin/env bash
# End-to-end: `timeline --all` on a database past ALL_REGROUP_MAX articles
# (src/timeline_read.c) is read from every story's persisted entries: it
# works, every entry is stated by one of its source sentences, entries are
# in date order, and every day that one story's timeline dates is there
# (a month's entry may join a day of another story's).
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
$PY bench/gen_corpus.py --mb 3.8 --out "$TMP/c.jsonl" >/dev/null 2>&1
# five companies' results, each its own story, each recalling the year
# that ended on 31 December in the same words: five events, not one
"$PY" - >> "$TMP/c.jsonl" <<'PY'
import json
firms = [("Halvorsen Shipping Corp", "Bergen", "tanker freight rates in the North Sea", "Its fleet of crude carriers sailed fully booked through the winter storms.", "Chairman Nils Berge expects charter demand from Rotterdam refiners to stay firm."),
         ("Okonkwo Brewing Co", "Lagos", "beer volumes in Lagos and Kano", "The brewer opened a bottling hall near Ibadan and raised lager prices.", "Chief executive Emeka Obi blamed barley import duties for higher malt costs."),
         ("Tremblay Aluminium Inc", "Montreal", "smelter output in Quebec", "Cheap hydroelectric power kept the Saguenay potlines running at capacity.", "President Luc Gagnon said ingot shipments to Detroit carmakers doubled."),
         ("Castellani Foods SpA", "Parma", "pasta exports to Germany", "Durum wheat harvested in Apulia arrived cheaper than a season earlier.", "Managing director Paolo Rinaldi plans a new tomato sauce plant in Naples."),
         ("Wainwright Textiles PLC", "Manchester", "cotton mill orders in Lancashire", "Looms in Oldham and Bolton worked extra shifts to meet denim demand.", "Finance director Margaret Holt warned that Egyptian cotton prices keep rising.")]
for i, (firm, city, trade, s2, s3) in enumerate(firms):
    print(json.dumps({"id": "firm-%d" % i, "date": "1987-03-%02d" % (10 + i),
                      "title": "%s says %s improved" % (firm, trade),
                      "text": "%s - %s said its results improved on %s. %s %s "
                              "As of December 31, 1986, %s had nine mln shares outstanding."
                              % (city.upper(), firm, trade, s2, s3, firm)}))
PY
n=$(wc -l < "$TMP/c.jsonl")
check "generated more than 2,000 articles" test "$n" -gt 2000
chr --db "$TMP/a.db" --quiet ingest "$TMP/c.jsonl" >/dev/null 2>&1
check_eq "ingest exits 0" "$?" 0
chr --db "$TMP/a.db" timeline --all --json > "$TMP/all.json"
check_eq "timeline --all --json exits 0" "$?" 0
chr --db "$TMP/a.db" stories --json --limit 1 > "$TMP/top.json"
sid=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$TMP/top.json")
chr --db "$TMP/a.db" timeline "$sid" --json > "$TMP/one.json"
"$PY" - "$TMP/all.json" "$TMP/one.json" <<'PY'
import json, sys
tl, one = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else " " + why))
need("entries", len(tl) > 0)
need("every entry stated by a source sentence",
     all(any(s["sentence"] == e["text"] for s in e["sources"]) for e in tl))
days = [e["date"] for e in tl if e["granularity"] == "day"]
need("in date order", all(a <= b for a, b in zip(days, days[1:])))
need("support counts its sources", all(1 <= e["support"] <= len(e["sources"]) for e in tl))
dates = {e["date"] for e in tl}
lost = [e["date"] for e in one if e["granularity"] == "day" and e["date"] not in dates]
need("the largest story's days are all there", not lost, repr(lost[:5]))
firms = [{s["article"] for s in e["sources"] if s["article"].startswith("firm-")}
         for e in tl if e["date"] == "1986-12-31"]
firms = [f for f in firms if f]
need("each company's year-end figure is an entry of its own",
     len(firms) >= 5 and all(len(f) == 1 for f in firms), repr(firms))
PY
# a database that holds no article (its only page had no text): an empty
# timeline, clean under the sanitizers
printf '<html><body><script>var x = 1;</script></body></html>\n' > "$TMP/empty.html"
chr --db "$TMP/empty.db" --quiet ingest "$TMP/empty.html" >/dev/null 2>&1
out=$(chr --db "$TMP/empty.db" timeline --all --json 2>"$TMP/empty.err")
check_eq "timeline --all of an empty database exits 0" "$?" 0
check_eq "timeline --all of an empty database is []" "$out" "[]"
check_eq "nothing on stderr" "$(cat "$TMP/empty.err")" ""
