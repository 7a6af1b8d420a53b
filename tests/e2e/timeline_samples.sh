#!/usr/bin/env bash
# End-to-end: `chronicle run` on the five shared samples prints one story
# whose timeline has the anchors of the Putin–Xi story with the right
# sources: Feb 2022 (no-limits partnership), March 2023 (Xi in Moscow,
# 20–22 March), October 2023 (Belt and Road Forum), the March–April 2024
# run-up, the 16–17 May 2024 state visit and the 17–21 May Harbin EXPO.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
S="$CHR_SHARED/samples"
if [ ! -d "$S" ]; then
    skip "timeline samples" "$S not found"
    exit 0
fi
DB="$TMP/s.db"
chr --db "$DB" --quiet run "$S" > "$TMP/run.txt" 2>"$TMP/run.err"
check_eq "run on samples exits 0" "$?" 0
n=$(grep -cE '^(STORY [0-9]+|ALL ARTICLES) ·' "$TMP/run.txt")
check_eq "run prints one story" "$n" 1
for d in '2022-02 ' '2023-03' '2023-10 ' '2024-0[34]-' '2024-05-16 – 17' '2024-05-17 – 21'; do
    grep -qE "^  $d" "$TMP/run.txt"; check "run timeline has $d" test $? -eq 0
done

# the story's timeline as JSON: the one story when clustering ran, else --all
id=$(sed -n 's/^STORY \([0-9]*\) ·.*/\1/p' "$TMP/run.txt" | head -1)
chr --db "$DB" timeline "${id:---all}" --json > "$TMP/tl.json"
check_eq "timeline --json exits 0" "$?" 0
"$PY" - "$TMP/tl.json" <<'EOF'
import json, sys
tl = json.load(open(sys.argv[1]))
def files(e):
    return {s["article"].rsplit("/", 1)[-1][:3] for s in e["sources"]}
def find(pred):
    return [e for e in tl if pred(e)]
bad = []
def need(name, ok):
    print(("ok " if ok else "not ok ") + name)
# February 2022: Putin in Beijing / the no-limits partnership (002 TASS, 003, 001)
feb = find(lambda e: e["date"].startswith("2022-02"))
need("samples: February 2022 entry", bool(feb))
need("samples: February 2022 from two outlets", bool(feb) and len(set().union(*map(files, feb))) >= 2)
need("samples: February 2022 is one entry of three sources", len(feb) == 1 and feb[0]["support"] >= 3)
# March 2023: Xi in Moscow, TASS gives 20-22 March
mar = find(lambda e: e["date"] == "2023-03-20" and e.get("end") == "2023-03-22")
need("samples: 20-22 March 2023 range", bool(mar) and "002" in files(mar[0]))
need("samples: March 2023 visit in two outlets",
     len(set().union(*map(files, find(lambda e: e["date"].startswith("2023-03"))))) >= 2)
need("samples: 'last March' and 'March 20-22' are one entry",
     bool(mar) and len(files(mar[0])) >= 2 and not find(lambda e: e["date"] == "2023-03"))
# October 2023: Belt and Road Forum, three outlets
octo = find(lambda e: e["date"].startswith("2023-10") and "Belt and Road" in " ".join(
    s["sentence"] for s in e["sources"]))
need("samples: October 2023 Belt and Road Forum", bool(octo))
need("samples: Belt and Road from 3 outlets", bool(octo) and max(e["support"] for e in octo) >= 3)
# the March-April 2024 run-up
run_up = find(lambda e: "2024-03" <= e["date"][:7] <= "2024-04" and e["granularity"] == "day")
need("samples: March-April 2024 run-up", len(run_up) >= 2)
need("samples: announced on March 19 (003)",
     any(e["date"] == "2024-03-19" and "003" in files(e) for e in run_up))
# 16-17 May 2024 state visit, 17-21 May EXPO in Harbin
visit = find(lambda e: e["date"] == "2024-05-16" and e.get("end") == "2024-05-17")
need("samples: 16-17 May 2024 state visit", bool(visit))
need("samples: state visit from TASS and Agencies",
     bool(visit) and {"001", "002"} <= set().union(*map(files, visit)))
need("samples: 'May 16 and 17' and 'May 16-17' are one entry", len(visit) == 1)
expo = find(lambda e: e["date"] == "2024-05-17" and e.get("end") == "2024-05-21")
need("samples: 17-21 May EXPO", bool(expo) and "001" in files(expo[0])
     and "EXPO" in expo[0]["text"])
# every entry: text is one of its source sentences; sources carry the fields
need("samples: entry text is a source sentence",
     all(e["text"] in [s["sentence"] for s in e["sources"]] for e in tl))
need("samples: source fields", all({"article", "outlet", "pub_date", "sentence", "expression"}
                                   <= set(s) for e in tl for s in e["sources"]))
need("samples: ordered by date", [e["date"] for e in tl] == sorted(e["date"] for e in tl))
need("samples: no anniversary or duration entry",
     not any("75th anniversary" in e["text"] and not any(s["expression"] for s in e["sources"])
             for e in tl) and not any("six years" in s["expression"] for e in tl for s in e["sources"]))
EOF

# --top and --sentences
chr --db "$DB" timeline "${id:---all}" --json --top 3 --sentences 2 > "$TMP/top.json"
"$PY" -c '
import json,sys
t=json.load(open(sys.argv[1]))
assert len(t)==3, len(t)
assert all(1 <= len(e["sentences"]) <= 2 and e["sentences"][0]==e["text"] for e in t)
' "$TMP/top.json"; check "samples: --top 3 --sentences 2" test $? -eq 0
# the story's --top 1 is its best-supported event: the state visit that
# four of the five articles announce, not a landmark three recall
chr --db "$DB" timeline "${id:---all}" --json --top 1 > "$TMP/top1.json"
"$PY" -c '
import json,sys
t=json.load(open(sys.argv[1]))
assert len(t)==1 and t[0]["date"]=="2024-05-16", [(e["date"], e["support"]) for e in t]
' "$TMP/top1.json"; check "samples: --top 1 is the state visit" test $? -eq 0

# summary: JSON shape and budget
chr --db "$DB" summary "${id:---all}" --json --words 60 > "$TMP/sum.json"
"$PY" -c '
import json,sys
s=json.load(open(sys.argv[1]))
assert s["headline"]
lines=s["summary"].split("\n")
assert len(lines)==len(s["sentences"]) and all(x["article"] and x["text"] for x in s["sentences"])
assert sum(len(x.split()) for x in lines) <= 60
' "$TMP/sum.json"; check "samples: summary JSON within 60 words" test $? -eq 0
chr --db "$DB" timeline 999999 >/dev/null 2>&1
check_eq "timeline of a missing story exits 1" "$?" 1
chr --db "$DB" timeline >/dev/null 2>&1
check_eq "timeline without a story exits 2" "$?" 2
