#!/usr/bin/env bash
# End-to-end: which source sentence states a timeline entry. A sentence
# that opens with the date ("On 12 March the barrier broke") wins over a
# fuller one that dates the event in passing; a piece of a sentence (a
# hard-wrapped page's line that opens in lower case) and a quoted post lose
# to a plain statement, however central they are, and so does a sentence
# that opens with a pronoun; a list item's marker and
# a live report's clock stamp ("10:45 - ", "12:30 GMT — ", "09.05 h - ") are not part of the sentence shown; an undated lead placed at its publication
# day stays that day's entry, an explainer's signpost ("Here is how …") none.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
D="$TMP/in"
mkdir -p "$D"
art() { # file, date, lead, sentence: an article of a lead and the sentence
    printf ' date %s %s\n\n%s\n' "$2" "$3" "$4" > "$D/$1"
}
art a.txt 2024-04-20 "Insurers in Orne counted more claims from the lower town." \
    "On 12 March the old flood barrier broke in the night storm and the river flooded the town."
art b.txt 2024-04-21 "The regional government promised money for repairs." \
    "The old flood barrier of Orne broke in the night storm and the river flooded the lower town on 12 March."
art c.txt 2024-04-20 "Shops on the quay of Orne are still closed." \
    "The council closed the riverside road on 5 April."
art d.txt 2024-04-21 "Engineers inspected what is left of the barrier." \
    "and the council closed the riverside road near the old bridge of Orne on 5 April when the water rose again"
art e.txt 2024-04-20 "Farmers upstream counted their losses." \
    "The council reopened the riverside road on 9 April."
art g.txt 2024-04-22 "The mayor thanked the volunteers of Orne." \
    "- 15 April: the council reopened the school of Orne after the flood."
art f.txt 2024-04-21 "Volunteers cleaned the school of Orne." \
    "@ornewatch: the council reopened the riverside road near the old bridge of Orne on 9 April, drive slowly #Orne #roads"
art h.txt 2024-04-22 "The school of Orne opened its doors again." \
    "Volunteers marched through Orne to the flooded school for #Apr18 and cleaned the flooded school."
art i.txt 2024-04-22 "Rain stopped over the lower town of Orne." \
    "Volunteers marched to the school on 18 April after the storm, with the mayor among them."
art k.txt 2024-04-23 "Traffic returned to the old bridge of Orne." \
    "10:45 - The council reopened the old bridge of Orne on 20 April after the inspection."
# an explainer's signpost is no news of its day
art sp.txt 2024-07-30 "Here is how the flood of Orne unfolded, and what happens next." \
    "Insurers will pay the first claims of Orne in August."
art k2.txt 2024-04-29 "Divers searched the harbour of Orne." \
    "12:30 GMT — The council closed the marina of Orne on 28 April after the storm."
art k3.txt 2024-04-29 "Divers searched the canal of Orne." \
    "09.05 h - The council closed the ferry of Orne on 27 April after the storm."
# an undated sentence of a lead is placed at its publication day: that
# day's news, which joins no entry of a whole year
art j.txt 2024-05-14 "President Claire Morel will make a state visit to Lesna in 2024, the French foreign ministry said." \
    "Foreign Minister Luka Petrovic arrived in Lesna for talks that prepare the state visit of President Claire Morel, officials said."
# an undated lead reports its day or the day before: it joins no entry a
# week earlier, however many words they share
art m.txt 2024-02-26 "Traffic was slow in the lower town of Orne." \
    "The leaders of the coalition government of Novaria met on 26 February to discuss the budget crisis."
art n.txt 2024-03-03 "The coalition government of Novaria resigned over the budget crisis, its leaders said." \
    "Markets in Lesna were calm."
# a sentence that opens with a pronoun leans on another for its subject
art q.txt 2024-04-26 "Water stood in the riverside quarter of Orne." \
    "He ordered the evacuation of the riverside quarter of Orne on 25 April."
art r.txt 2024-04-26 "Boats carried families out of the riverside quarter." \
    "The mayor of Orne ordered the evacuation of the riverside quarter on 25 April."
# a sentence that dates the event in a relative clause tells of another
art t.txt 2024-05-02 "Water left the riverside quarter of Orne." \
    "The mayor of Orne, who closed the harbour of Orne on 30 April, visited the flooded quay in a boat."
art u.txt 2024-05-02 "Fishermen waited on the quay of Orne." \
    "The harbour of Orne was closed by the mayor on 30 April."
# the sentences after a lead of "yesterday" are that day's, in the lead's entry
printf ' date 2024-08-02\n\nThe council of Orne approved the new harbour plan yesterday after a long debate.\n\nOnly two members voted against it, while one abstained.\n' > "$D/w.txt"
# a chronology's short items state their days; a page's stamps and
# credits opening a line with a date do not
printf ' date 2024-07-01\n\nKey dates of the flood in Orne:\n- 3 June 2024: Barrier breaks.\n- 9 June 2024: Army arrives.\n- 14 June 2024: Water recedes from the lower town.\n- 20 June 2024 - Army leaves the lower town\n\n12 June 2024 - 10:30 am EST\n\n11 June 2024 - Photo: Orne Gazette\n\n22 June 2024 - Updated by the news desk\n\n23 June 2024 - Posted in Uncategorized\n\n24 June 2024 - Leave a comment below\n' > "$D/v.txt"
# an undated detail placed at its article's day joins the entry of that
# article's lead, however few words they share
art s.txt 2024-06-10 "Northwind Bank agreed to buy the Orne savings cooperative for 40 million euros." \
    "Terms of the financing were not disclosed, a spokeswoman said."
# a first plan's date is no event: "originally due in 2031"
art p.txt 2024-03-03 "The early election of Novaria was called on 1 March after the coalition collapsed." \
    "The vote was originally due in 2031."
chr --db "$TMP/t.db" --quiet ingest "$D" >/dev/null 2>&1
chr --db "$TMP/t.db" timeline --all --json > "$TMP/tl.json"
check_eq "timeline --all --json exits 0" "$?" 0
"$PY" - "$TMP/tl.json" <<'PY'
import json, sys
tl = json.load(open(sys.argv[1]))
def need(name, ok, why=""):
    print(("ok " if ok else "not ok ") + name + ("" if ok else " " + why))
# (a hashtag is a name, no date: "#Apr18" dates nothing, so its sentence
# is no source of the 18 April entry)
for date, want, what, n in (("2024-03-12", "On 12 March the old flood barrier broke in the night storm and the river flooded the town.",
                             "opens with its date", 2),
                            ("2024-04-05", "The council closed the riverside road on 5 April.", "not a fragment", 2),
                            ("2024-04-09", "The council reopened the riverside road on 9 April.", "not a post", 2),
                            ("2024-04-25", "The mayor of Orne ordered the evacuation of the riverside quarter on 25 April.",
                             "that does not open with a pronoun", 2),
                            ("2024-04-30", "The harbour of Orne was closed by the mayor on 30 April.",
                             "that does not date it in a relative clause", 2),
                            ("2024-04-18", "Volunteers marched to the school on 18 April after the storm, with the mayor among them.",
                             "not the one with a hashtag", 1)):
    e = [x for x in tl if x["date"] == date]
    need("%s: one entry of %d sources" % (date, n), len(e) == 1 and e[0]["support"] == n,
         repr([(x["text"], x["support"]) for x in e]))
    need("%s: stated by the sentence %s" % (date, what), bool(e) and e[0]["text"] == want,
         repr(e[0]["text"] if e else None))
e = [x for x in tl if x["date"] == "2024-08-01"]
need("a lead's details are in the lead's entry", len(e) == 1 and len(e[0]["sources"]) == 2,
     repr([(x["text"], len(x["sources"])) for x in e]))
e = [x for x in tl if x["date"] == "2024-06-03"]
need("a chronology's short item is an entry", len(e) == 1 and e[0]["text"] == "3 June 2024: Barrier breaks.",
     repr([x["text"] for x in e]))
e = [x for x in tl if x["date"] == "2024-06-20"]
need("a chronology's item without its stop is an entry",
     len(e) == 1 and e[0]["text"] == "20 June 2024 - Army leaves the lower town", repr([x["text"] for x in e]))
e = [x for x in tl if x["date"] in ("2024-06-11", "2024-06-12", "2024-06-22", "2024-06-23", "2024-06-24")]
need("a page's stamp or credit is no entry", not e, repr([x["text"] for x in e]))
e = [x for x in tl if x["date"] == "2024-04-15"]
need("a list item is shown without its marker",
     len(e) == 1 and e[0]["text"] == "15 April: the council reopened the school of Orne after the flood."
     and any(s["sentence"] == e[0]["text"] for s in e[0]["sources"]),
     repr([(x["text"], [s["sentence"] for s in x["sources"]]) for x in e]))
# (the day's own leads, placed at it, may make an entry of their own)
e = [x for x in tl if x["date"] == "2024-04-20" and any(s["expression"] for s in x["sources"])]
need("a live report's clock stamp is not shown",
     len(e) == 1 and e[0]["text"] == "The council reopened the old bridge of Orne on 20 April after the inspection."
     and any(s["sentence"] == e[0]["text"] for s in e[0]["sources"]),
     repr([(x["text"], [s["sentence"] for s in x["sources"]]) for x in e]))
e = [x for x in tl if x["date"] == "2024-04-28"]
need("a live report's clock stamp with its zone is not shown",
     len(e) == 1 and e[0]["text"] == "The council closed the marina of Orne on 28 April after the storm.",
     repr([x["text"] for x in e]))
e = [x for x in tl if x["date"] == "2024-04-27"]
need("a live report's clock stamp with Spanish hours ('09.05 h - ') is not shown",
     len(e) == 1 and e[0]["text"] == "The council closed the ferry of Orne on 27 April after the storm.",
     repr([x["text"] for x in e]))
e = [x["text"] for x in tl if x["text"].startswith("Here is how")]
need("an explainer's signpost is no entry", not e, repr(e))
e = [x for x in tl if x["date"] == "2024-06-10"]
need("an undated detail joins its article's lead",
     len(e) == 1 and len(e[0]["sources"]) == 2,
     repr([(x["text"], [s["sentence"] for s in x["sources"]]) for x in e]))
plan = [e["date"] for e in tl if e["date"].startswith("2031")]
need("a first plan's date is no entry", plan == [], repr(plan))
res = [e["date"] for e in tl for s in e["sources"] if s["sentence"].startswith("The coalition government of Novaria resigned")]
need("a lead placed at its day joins no entry a week before it", res == ["2024-03-03"], repr(res))
day = [e for e in tl if e["date"] == "2024-05-14"]
need("a lead placed at its day is that day's entry, not the year's",
     len(day) == 1 and day[0]["text"].startswith("Foreign Minister Luka Petrovic arrived")
     and all(s["expression"] for e in tl if e["date"] == "2024" for s in e["sources"]),
     repr([(e["date"], e["text"]) for e in tl if e["date"] in ("2024", "2024-05-14")]))
PY
# an Italian lead that opens with "Ecco" is news, no signpost
printf '{"id":"ec","date":"2024-08-05","lang":"it","text":"Ecco le nuove misure approvate dal consiglio comunale di Orne per la ricostruzione.\\n\\nIl sindaco ha firmato il decreto."}\n' > "$TMP/ec.jsonl"
chr --db "$TMP/ec.db" --quiet ingest "$TMP/ec.jsonl" >/dev/null 2>&1
chr --db "$TMP/ec.db" timeline --all --json | "$PY" -c '
import json, sys
tl = json.load(sys.stdin)
assert any(s["sentence"].startswith("Ecco le nuove misure") for e in tl for s in e["sources"]), tl
'
check "an Italian lead opening with 'Ecco' is news" test $? -eq 0
